import { type GasMeter, OutOfGasError } from './types';

/** A meter with a hard limit: a tx's gas limit, or the budget of a query. */
export function createGasMeter(limit: number): GasMeter {
  if (!Number.isSafeInteger(limit) || limit < 0) throw new RangeError(`invalid gas limit ${limit}`);
  let used = 0;
  return {
    limit,
    consumed: () => used,
    remaining: () => Math.max(0, limit - used),
    consume(amount, descriptor) {
      checkAmount(amount, descriptor);
      used += amount;
      if (used > limit) throw new OutOfGasError(descriptor, limit, used);
    },
  };
}

/**
 * A meter that only counts: simulation (the SDK simulates with an infinite meter, which is what
 * makes gas estimation possible) and genesis. Its limit is reported as 0, as the SDK does.
 */
export function createInfiniteGasMeter(): GasMeter {
  let used = 0;
  return {
    limit: 0,
    consumed: () => used,
    remaining: () => Number.MAX_SAFE_INTEGER - used,
    consume(amount, descriptor) {
      checkAmount(amount, descriptor);
      used += amount;
      if (!Number.isSafeInteger(used)) throw new OutOfGasError(descriptor, Number.MAX_SAFE_INTEGER, used);
    },
  };
}

function checkAmount(amount: number, descriptor: string): void {
  if (!Number.isSafeInteger(amount) || amount < 0) {
    throw new RangeError(`gas amount for ${descriptor} must be a non-negative integer, got ${amount}`);
  }
}
