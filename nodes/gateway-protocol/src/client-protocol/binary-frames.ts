import { AES_GCM_SIV_NONCE_LENGTH } from '../crypto/aes-gcm-siv';
import { concatBytes } from '../crypto/bytes';
import { type RandomBytes } from '../crypto/random';
import { ProtocolError } from './errors';
import { decodeMixPacket, encodeMixPacket, type MixPacket } from './mix-packet';
import { type SharedKey } from './shared-key';

// Binary WebSocket frames once a shared key exists (protocol ≥ 3):
//   KIND (1) ‖ ENCRYPTED (1: 0 or 1) ‖ NONCE (12, when encrypted) ‖ CIPHERTEXT or PLAINTEXT

export const BinaryRequestKind = { forwardSphinx: 1, forwardSphinxV2: 2 } as const;
export const BinaryResponseKind = { pushedMixMessage: 1 } as const;

export type BinaryRequest =
  { kind: 'forward-sphinx'; mixPacket: MixPacket } | { kind: 'forward-sphinx-v2'; mixPacket: MixPacket };

export type BinaryResponse = { kind: 'pushed-mix-message'; message: Uint8Array };

const HEADER_LENGTH = 2;

function openFrame(frame: Uint8Array, key: SharedKey): { kind: number; plaintext: Uint8Array } {
  if (frame.length < HEADER_LENGTH) {
    throw new ProtocolError(
      'malformed-message',
      `binary frame of ${frame.length} bytes is too short`,
      'reject',
    );
  }
  const [kind, flag] = frame;
  if (flag === 0) return { kind, plaintext: frame.slice(HEADER_LENGTH) };
  if (flag !== 1) {
    throw new ProtocolError(
      'malformed-message',
      `binary frame has invalid encryption flag ${flag}`,
      'reject',
    );
  }
  if (frame.length < HEADER_LENGTH + AES_GCM_SIV_NONCE_LENGTH) {
    throw new ProtocolError('malformed-message', 'encrypted binary frame has no room for a nonce', 'reject');
  }
  const nonce = frame.subarray(HEADER_LENGTH, HEADER_LENGTH + AES_GCM_SIV_NONCE_LENGTH);
  return { kind, plaintext: key.decrypt(frame.subarray(HEADER_LENGTH + AES_GCM_SIV_NONCE_LENGTH), nonce) };
}

function sealFrame(kind: number, plaintext: Uint8Array, key: SharedKey, random: RandomBytes): Uint8Array {
  const nonce = key.randomNonce(random);
  return concatBytes(Uint8Array.of(kind, 1), nonce, key.encrypt(plaintext, nonce));
}

/**
 * Decodes a client's binary frame. Unencrypted frames are refused: a gateway must only forward
 * packets from the client that holds the key.
 */
export function decodeBinaryRequest(frame: Uint8Array, key: SharedKey): BinaryRequest {
  if (frame.length >= HEADER_LENGTH && frame[1] === 0) {
    throw new ProtocolError('malformed-message', 'unencrypted binary requests are not accepted', 'reject');
  }
  const { kind, plaintext } = openFrame(frame, key);
  switch (kind) {
    case BinaryRequestKind.forwardSphinx:
      return { kind: 'forward-sphinx', mixPacket: decodeMixPacket(plaintext, false) };
    case BinaryRequestKind.forwardSphinxV2:
      return { kind: 'forward-sphinx-v2', mixPacket: decodeMixPacket(plaintext, true) };
    default:
      throw new ProtocolError('malformed-message', `unknown binary request kind ${kind}`, 'reject', { kind });
  }
}

export function encodeBinaryRequest(request: BinaryRequest, key: SharedKey, random: RandomBytes): Uint8Array {
  return request.kind === 'forward-sphinx'
    ? sealFrame(BinaryRequestKind.forwardSphinx, encodeMixPacket(request.mixPacket, false), key, random)
    : sealFrame(BinaryRequestKind.forwardSphinxV2, encodeMixPacket(request.mixPacket, true), key, random);
}

export function encodeBinaryResponse(
  response: BinaryResponse,
  key: SharedKey,
  random: RandomBytes,
): Uint8Array {
  return sealFrame(BinaryResponseKind.pushedMixMessage, response.message, key, random);
}

export function decodeBinaryResponse(frame: Uint8Array, key: SharedKey): BinaryResponse {
  const { kind, plaintext } = openFrame(frame, key);
  if (kind !== BinaryResponseKind.pushedMixMessage) {
    throw new ProtocolError('malformed-message', `unknown binary response kind ${kind}`, 'drop', { kind });
  }
  return { kind: 'pushed-mix-message', message: plaintext };
}
