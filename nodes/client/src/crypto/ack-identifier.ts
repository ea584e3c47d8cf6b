import { concatBytes } from '@noble/hashes/utils';
import { ACK_IV_SIZE, ACK_PLAINTEXT_SIZE } from '../constants';
import { decodeFragmentId, encodeFragmentId, type FragmentId } from '../chunking/fragment';
import { ClientError } from '../errors';
import type { ClientCrypto } from './primitives';

// The plaintext of a SURB-ACK (nym-sphinx-acknowledgements `identifier.rs`):
// IV (16, random) ‖ AES-128-CTR(ack key, IV, fragment id (5)). Only the sender can read it.

export function sealAckIdentifier(
  crypto: ClientCrypto,
  ackKey: Uint8Array,
  id: FragmentId,
  randomBytes: (length: number) => Uint8Array,
): Uint8Array {
  const iv = randomBytes(ACK_IV_SIZE);
  return concatBytes(iv, crypto.aes128Ctr(ackKey, iv, encodeFragmentId(id)));
}

export function openAckIdentifier(
  crypto: ClientCrypto,
  ackKey: Uint8Array,
  plaintext: Uint8Array,
): FragmentId {
  if (plaintext.length !== ACK_PLAINTEXT_SIZE) {
    throw new ClientError(
      'malformed_packet',
      `an ack is ${ACK_PLAINTEXT_SIZE} bytes, got ${plaintext.length}`,
      {
        action: 'drop',
      },
    );
  }
  const iv = plaintext.subarray(0, ACK_IV_SIZE);
  return decodeFragmentId(crypto.aes128Ctr(ackKey, iv, plaintext.subarray(ACK_IV_SIZE)));
}
