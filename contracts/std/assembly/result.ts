// Errors are values: AssemblyScript has no exceptions, and a trap would surface as a VM error
// rather than the `{"error": "…"}` result CosmWasm expects from a contract that refuses a call.

export class Result<T> {
  private constructor(
    private readonly okValue: T,
    readonly error: string | null,
  ) {}

  static ok<T>(value: T): Result<T> {
    return new Result<T>(value, null);
  }

  static err<T>(message: string): Result<T> {
    return new Result<T>(zeroOf<T>(), message);
  }

  get isOk(): bool {
    return this.error === null;
  }

  get isErr(): bool {
    return this.error !== null;
  }

  /** The value; aborts when this is an error (check `isErr` first in contract code). */
  get value(): T {
    const error = this.error;
    if (error !== null) abort('unwrapped an error result: ' + error);
    return this.okValue;
  }

  /** The error message; aborts when this is not an error. */
  get message(): string {
    const error = this.error;
    if (error === null) abort('not an error result');
    return error!;
  }

  /** Re-types an error result so it can be returned from a function with another result type. */
  cast<U>(): Result<U> {
    return Result.err<U>(this.message);
  }
}

function zeroOf<T>(): T {
  if (isReference<T>()) return changetype<T>(0);
  return <T>0;
}
