/**
 * wasmd's registered errors (codespace `wasm`, `x/wasm/types/errors.go`), so a failed tx carries
 * the same codespace/code as on a real chain.
 */
export const WASM_ERROR = {
  createFailed: 2,
  accountExists: 3,
  instantiateFailed: 4,
  executeFailed: 5,
  gasLimit: 6,
  notFound: 8,
  queryFailed: 9,
  invalidMsg: 10,
  migrationFailed: 11,
  empty: 12,
  limit: 13,
  invalid: 14,
  duplicate: 15,
  unknownMsg: 20,
  invalidEvent: 21,
  noSuchContract: 22,
  noSuchCode: 28,
  vmError: 29,
} as const;

const DESCRIPTIONS: Record<number, string> = {
  2: 'create wasm contract failed',
  3: 'contract account already exists',
  4: 'instantiate wasm contract failed',
  5: 'execute wasm contract failed',
  6: 'insufficient gas',
  8: 'not found',
  9: 'query wasm contract failed',
  10: 'invalid CosmosMsg from the contract',
  11: 'migrate wasm contract failed',
  12: 'empty',
  13: 'exceeds limit',
  14: 'invalid',
  15: 'duplicate',
  20: 'unknown message from the contract',
  21: 'invalid event',
  22: 'no such contract',
  28: 'no such code',
  29: 'wasmvm error',
};

/** A failed wasm message: rejected (the tx fails), never fatal to the node. */
export class WasmKeeperError extends Error {
  readonly disposition = 'reject';

  constructor(
    readonly codespace: string,
    readonly code: number,
    detail: string,
  ) {
    super(detail);
    this.name = 'WasmKeeperError';
  }
}

/** Like errorsmod.Wrap(registered, detail): "detail: description". */
export function wasmError(code: number, detail?: string): WasmKeeperError {
  const description = DESCRIPTIONS[code] ?? 'wasm error';
  return new WasmKeeperError('wasm', code, detail ? `${detail}: ${description}` : description);
}

/** sdk/4 unauthorized, as the SDK reports it. */
export function unauthorized(detail: string): WasmKeeperError {
  return new WasmKeeperError('sdk', 4, `${detail}: unauthorized`);
}

/**
 * wasmd hides error text from contracts (replies and query results) because it need not be
 * deterministic; only codespace and code get through.
 */
export function redactError(error: unknown): string {
  const { codespace, code } = abciInfo(error);
  return `codespace: ${codespace}, code: ${code}`;
}

export function abciInfo(error: unknown): { codespace: string; code: number } {
  if (typeof error === 'object' && error !== null) {
    const candidate = error as { codespace?: unknown; code?: unknown; name?: unknown };
    if (typeof candidate.codespace === 'string' && typeof candidate.code === 'number') {
      return { codespace: candidate.codespace, code: candidate.code };
    }
    if (candidate.name === 'OutOfGasError') return { codespace: 'sdk', code: 11 };
  }
  return { codespace: 'undefined', code: 1 };
}
