/**
 * An error with a Cosmos SDK (codespace, code) pair: what a tx result, a CheckTx answer or an
 * ABCI query carries, so clients see the codes they know from real chains. The log is the SDK's
 * "<detail>: <description>" form.
 */
export class ChainError extends Error {
  constructor(
    readonly codespace: string,
    readonly code: number,
    readonly description: string,
    readonly detail: string | undefined,
    readonly metadata: Readonly<Record<string, unknown>> = {},
  ) {
    super(detail === undefined ? description : `${detail}: ${description}`);
    this.name = 'ChainError';
  }
}

export interface ErrorKind {
  readonly codespace: string;
  readonly code: number;
  readonly description: string;
  /** A ChainError of this kind with a detail message (and optional metadata for logs). */
  wrap(detail?: string, metadata?: Record<string, unknown>): ChainError;
  is(error: unknown): error is ChainError;
}

export function registerError(codespace: string, code: number, description: string): ErrorKind {
  return {
    codespace,
    code,
    description,
    wrap: (detail, metadata) => new ChainError(codespace, code, description, detail, metadata),
    is: (error): error is ChainError =>
      error instanceof ChainError && error.codespace === codespace && error.code === code,
  };
}

/** The root codespace's errors (types/errors/errors.go), the ones this chain raises. */
export const sdkErrors = {
  txDecode: registerError('sdk', 2, 'tx parse error'),
  unauthorized: registerError('sdk', 4, 'unauthorized'),
  insufficientFunds: registerError('sdk', 5, 'insufficient funds'),
  unknownRequest: registerError('sdk', 6, 'unknown request'),
  invalidAddress: registerError('sdk', 7, 'invalid address'),
  invalidPubKey: registerError('sdk', 8, 'invalid pubkey'),
  unknownAddress: registerError('sdk', 9, 'unknown address'),
  invalidCoins: registerError('sdk', 10, 'invalid coins'),
  outOfGas: registerError('sdk', 11, 'out of gas'),
  memoTooLarge: registerError('sdk', 12, 'memo too large'),
  insufficientFee: registerError('sdk', 13, 'insufficient fee'),
  tooManySignatures: registerError('sdk', 14, 'maximum number of signatures exceeded'),
  noSignatures: registerError('sdk', 15, 'no signatures supplied'),
  invalidRequest: registerError('sdk', 18, 'invalid request'),
  txInMempoolCache: registerError('sdk', 19, 'tx already in mempool'),
  mempoolIsFull: registerError('sdk', 20, 'mempool is full'),
  txTooLarge: registerError('sdk', 21, 'tx too large'),
  keyNotFound: registerError('sdk', 22, 'key not found'),
  invalidHeight: registerError('sdk', 26, 'invalid height'),
  invalidChainId: registerError('sdk', 28, 'invalid chain-id'),
  invalidType: registerError('sdk', 29, 'invalid type'),
  txTimeoutHeight: registerError('sdk', 30, 'tx timeout height'),
  unknownExtensionOptions: registerError('sdk', 31, 'unknown extension options'),
  wrongSequence: registerError('sdk', 32, 'incorrect account sequence'),
  logic: registerError('sdk', 35, 'internal logic error'),
  notSupported: registerError('sdk', 37, 'feature not supported'),
  notFound: registerError('sdk', 38, 'not found'),
  invalidGasLimit: registerError('sdk', 41, 'invalid gas limit'),
} as const;

export interface AbciError {
  codespace: string;
  code: number;
  log: string;
}

/**
 * The ABCI form of any error. Anything that is not a ChainError is a bug in a handler; the SDK
 * reports those as code 1 in the "undefined" codespace, and so do we (with the message, since
 * this is a development chain and the message is what helps).
 */
export function toAbciError(error: unknown): AbciError {
  if (error instanceof ChainError)
    return { codespace: error.codespace, code: error.code, log: error.message };
  const message = error instanceof Error ? error.message : String(error);
  return { codespace: 'undefined', code: 1, log: `internal error: ${message}` };
}
