/** JSON-RPC 2.0 error codes, as CometBFT uses them. */
export const RPC_PARSE_ERROR = -32700;
export const RPC_INVALID_REQUEST = -32600;
export const RPC_METHOD_NOT_FOUND = -32601;
export const RPC_INVALID_PARAMS = -32602;
export const RPC_INTERNAL_ERROR = -32603;

const MESSAGES: Record<number, string> = {
  [RPC_PARSE_ERROR]: 'Parse error. Invalid JSON',
  [RPC_INVALID_REQUEST]: 'Invalid Request',
  [RPC_METHOD_NOT_FOUND]: 'Method not found',
  [RPC_INVALID_PARAMS]: 'Invalid params',
  [RPC_INTERNAL_ERROR]: 'Internal error',
};

/** An error answered to the client: a JSON-RPC code, CometBFT's fixed message, details in data. */
export class RpcError extends Error {
  constructor(
    readonly code: number,
    readonly data: string,
  ) {
    super(data);
    this.name = 'RpcError';
  }

  toJson(): { code: number; message: string; data: string } {
    return { code: this.code, message: MESSAGES[this.code] ?? 'Server error', data: this.data };
  }
}

export function invalidParams(data: string): RpcError {
  return new RpcError(RPC_INVALID_PARAMS, data);
}

export function internalError(data: string): RpcError {
  return new RpcError(RPC_INTERNAL_ERROR, data);
}
