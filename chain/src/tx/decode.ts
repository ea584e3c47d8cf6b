import { AuthInfo, TxBody, TxRaw } from 'cosmjs-types/cosmos/tx/v1beta1/tx';
import { bytesEqual } from '../encoding/bytes';
import { type ChainError, sdkErrors } from '../errors/chain-error';
import { sha256 } from '../crypto/hash';
import type { ModuleRegistry } from '../modules/registry';
import type { MsgHandler } from '../modules/types';

export interface DecodedMessage {
  typeUrl: string;
  handler: MsgHandler<unknown>;
  msg: unknown;
}

export interface DecodedTx {
  bytes: Uint8Array;
  /** sha256 of the tx bytes: the CometBFT tx hash. */
  hash: Uint8Array;
  raw: TxRaw;
  body: TxBody;
  authInfo: AuthInfo;
  messages: DecodedMessage[];
  /** Unique signers in order of first appearance; signers[0] pays the fee. */
  signers: string[];
}

function parseError(detail: string): ChainError {
  return sdkErrors.txDecode.wrap(detail);
}

/**
 * Decodes with the strictness of the SDK's default tx decoder: TxRaw, TxBody and AuthInfo must
 * be canonical protobuf with no unknown fields (re-encoding gives back the same bytes), and
 * every message type must have a handler. `hash` is sha256(bytes), passed in where the caller
 * has it already (the mempool hashes a tx before CheckTx).
 */
export function decodeTx(
  bytes: Uint8Array,
  registry: ModuleRegistry,
  hash: Uint8Array = sha256(bytes),
): DecodedTx {
  if (bytes.length === 0) throw parseError('tx bytes are empty');
  const raw = strictDecode(TxRaw, bytes, 'TxRaw');
  const body = strictDecode(TxBody, raw.bodyBytes, 'TxBody');
  const authInfo = strictDecode(AuthInfo, raw.authInfoBytes, 'AuthInfo');
  const messages = body.messages.map((any) => {
    const handler = registry.handler(any.typeUrl);
    if (handler === undefined) throw parseError(`unable to resolve type URL ${any.typeUrl}`);
    let msg: unknown;
    try {
      msg = handler.decode(any.value);
    } catch (error) {
      throw parseError(`cannot decode ${any.typeUrl}: ${(error as Error).message}`);
    }
    return { typeUrl: any.typeUrl, handler, msg };
  });
  const signers: string[] = [];
  for (const { handler, msg } of messages) {
    for (const signer of handler.signers(msg)) if (!signers.includes(signer)) signers.push(signer);
  }
  return { bytes, hash, raw, body, authInfo, messages, signers };
}

interface ProtoCodec<T> {
  decode(input: Uint8Array): T;
  encode(message: T): { finish(): Uint8Array };
}

function strictDecode<T>(codec: ProtoCodec<T>, bytes: Uint8Array, name: string): T {
  let message: T;
  try {
    message = codec.decode(bytes);
  } catch (error) {
    throw parseError(`malformed ${name}: ${(error as Error).message}`);
  }
  if (!bytesEqual(codec.encode(message).finish(), bytes)) {
    throw parseError(`${name} has unknown fields or a non-canonical encoding`);
  }
  return message;
}
