import { ChainError, registerError } from '../../errors/chain-error';
import { OutOfGasError } from '../../gas/types';

/**
 * wasmd's registered errors (codespace `wasm`, `x/wasm/types/errors.go`), so a failed tx carries
 * the same codespace/code as on a real chain.
 */
export const wasmErrors = {
  createFailed: registerError('wasm', 2, 'create wasm contract failed'),
  accountExists: registerError('wasm', 3, 'contract account already exists'),
  instantiateFailed: registerError('wasm', 4, 'instantiate wasm contract failed'),
  executeFailed: registerError('wasm', 5, 'execute wasm contract failed'),
  gasLimit: registerError('wasm', 6, 'insufficient gas'),
  notFound: registerError('wasm', 8, 'not found'),
  queryFailed: registerError('wasm', 9, 'query wasm contract failed'),
  invalidMsg: registerError('wasm', 10, 'invalid CosmosMsg from the contract'),
  migrationFailed: registerError('wasm', 11, 'migrate wasm contract failed'),
  empty: registerError('wasm', 12, 'empty'),
  limit: registerError('wasm', 13, 'exceeds limit'),
  invalid: registerError('wasm', 14, 'invalid'),
  duplicate: registerError('wasm', 15, 'duplicate'),
  unknownMsg: registerError('wasm', 20, 'unknown message from the contract'),
  invalidEvent: registerError('wasm', 21, 'invalid event'),
  noSuchContract: registerError('wasm', 22, 'no such contract'),
  noSuchCode: registerError('wasm', 28, 'no such code'),
  vmError: registerError('wasm', 29, 'wasmvm error'),
} as const;

/** Errors that fail a message (and so can be replied to), as opposed to bugs in the node. */
export function isMessageFailure(error: unknown): error is ChainError | OutOfGasError {
  return error instanceof ChainError || error instanceof OutOfGasError;
}

/**
 * wasmd hides error text from contracts (replies and query results) because it need not be
 * deterministic; only codespace and code get through.
 */
export function redactError(error: unknown): string {
  if (error instanceof ChainError) return `codespace: ${error.codespace}, code: ${error.code}`;
  if (error instanceof OutOfGasError) return 'codespace: sdk, code: 11';
  return 'codespace: undefined, code: 1';
}
