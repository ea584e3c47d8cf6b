/**
 * Gas as the Cosmos SDK counts it: an integer budget consumed by store access, tx bytes,
 * signature checks and (through the wasm module) contract execution. Plain numbers are exact up
 * to 2^53, far above any block gas limit.
 */
export interface GasMeter {
  readonly limit: number;
  consumed(): number;
  remaining(): number;
  /** Adds `amount` and throws OutOfGasError (after recording the overflow) when past the limit. */
  consume(amount: number, descriptor: string): void;
}

export class OutOfGasError extends Error {
  readonly descriptor: string;
  readonly limit: number;
  readonly wanted: number;

  constructor(descriptor: string, limit: number, wanted: number) {
    super(`out of gas in location: ${descriptor}; gasWanted: ${limit}, gasUsed: ${wanted}`);
    this.name = 'OutOfGasError';
    this.descriptor = descriptor;
    this.limit = limit;
    this.wanted = wanted;
  }
}
