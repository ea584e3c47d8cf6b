import type { AddressCodec } from '../crypto/address';
import { type ChainError, sdkErrors } from './chain-error';

/**
 * Query handlers fail as gRPC services do; the SDK turns their status into an ABCI code
 * (baseapp's gRPCErrorToSDKError) and keeps the gRPC text in the log. cosmjs relies on that
 * text: an unknown account is recognised by /rpc error: code = NotFound/.
 */
export function grpcNotFound(message: string): ChainError {
  return sdkErrors.keyNotFound.wrap(`rpc error: code = NotFound desc = ${message}`);
}

export function grpcInvalidArgument(message: string): ChainError {
  return sdkErrors.invalidRequest.wrap(`rpc error: code = InvalidArgument desc = ${message}`);
}

/** Decodes a query request, reporting malformed protobuf as InvalidArgument. */
export function decodeRequest<T>(decode: (bytes: Uint8Array) => T, bytes: Uint8Array, what: string): T {
  try {
    return decode(bytes);
  } catch (error) {
    throw grpcInvalidArgument(`cannot decode ${what}: ${(error as Error).message}`);
  }
}

/** A bech32 address in a query request, refused as InvalidArgument when malformed. */
export function decodeQueryAddress(addresses: AddressCodec, text: string): Uint8Array {
  try {
    return addresses.decode(text);
  } catch (error) {
    throw grpcInvalidArgument((error as Error).message);
  }
}
