export type VmErrorKind =
  'abort' | 'trap' | 'region' | 'missing-export' | 'write-denied' | 'iterator' | 'link' | 'result';

/**
 * A contract call that failed inside the VM (panic, trap, bad memory handling). It is the
 * caller's problem, never the node's: the message fails and its state changes are dropped.
 */
export class VmError extends Error {
  readonly code = 'wasm_vm_error';
  readonly disposition = 'reject';

  constructor(
    readonly kind: VmErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'VmError';
  }
}

/** The metering counter went below zero (inside wasm or in a host function's charge). */
export class VmOutOfGasError extends Error {
  readonly code = 'wasm_out_of_gas';
  readonly disposition = 'reject';

  constructor() {
    super('Ran out of gas during contract execution');
    this.name = 'VmOutOfGasError';
  }
}
