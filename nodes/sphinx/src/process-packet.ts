import { blindAlpha } from './blind-alpha';
import { ALPHA_SIZE, HEADER_MAC_SIZE, HEADER_SIZE } from './constants';
import { decryptRouting } from './decrypt-routing';
import { deriveSharedSecret } from './derive-shared-secret';
import { SphinxError } from './errors';
import { expandSharedSecret } from './expand-shared-secret';
import { verifyHeaderMac } from './header-mac';
import { lionessDecryptInPlace } from './lioness';
import { parsePacket } from './parse-packet';
import { payloadKeyFor } from './payload-key';
import { unpadPayload } from './payload-padding';
import { defaultPrimitives } from './primitives/default';
import type { SphinxPrimitives } from './primitives/types';
import { routingKeystream } from './routing-keystream';

export type ProcessedPacket =
  | {
      kind: 'forward';
      /** 32-byte address of the next node, opaque here (Nym: `4|6 ‖ port ‖ ip`, zero-padded). */
      nextHop: Uint8Array;
      delayNanos: bigint;
      /** The packet to send to `nextHop`, same size as the input. */
      packet: Uint8Array;
      /** 32 bytes, the same for every copy of this packet at this node: key for a replay filter. */
      replayTag: Uint8Array;
      version: number;
    }
  | {
      kind: 'final';
      destination: Uint8Array;
      surbId: Uint8Array;
      /** The sender's message: decrypted, padding removed. */
      payload: Uint8Array;
      replayTag: Uint8Array;
      version: number;
    };

export interface ProcessOptions {
  primitives?: SphinxPrimitives;
}

function writeHeader(output: Uint8Array, alpha: Uint8Array, gamma: Uint8Array, beta: Uint8Array): Uint8Array {
  output.set(alpha, 0);
  output.set(gamma, ALPHA_SIZE);
  output.set(beta, ALPHA_SIZE + HEADER_MAC_SIZE);
  return output;
}

function unwrap(packet: Uint8Array, privateKey: Uint8Array, primitives: SphinxPrimitives): ProcessedPacket {
  const parsed = parsePacket(packet);
  const secret = expandSharedSecret(primitives, deriveSharedSecret(primitives, privateKey, parsed.alpha));
  verifyHeaderMac(primitives, secret.headerMacKey, parsed.beta, parsed.gamma);
  const routing = decryptRouting(parsed.beta, routingKeystream(primitives, secret.streamCipherKey));
  // The output packet is built in one buffer; the payload is decrypted in place inside it.
  const output = new Uint8Array(packet.length);
  const payload = output.subarray(HEADER_SIZE);
  payload.set(parsed.payload);
  lionessDecryptInPlace(primitives, payloadKeyFor(primitives, routing.rules.payloadKey, secret), payload);
  const replayTag = Uint8Array.from(secret.replayTag);
  const version = routing.rules.version;
  if (routing.kind === 'final') {
    return {
      kind: 'final',
      destination: Uint8Array.from(routing.destination),
      surbId: Uint8Array.from(routing.surbId),
      payload: unpadPayload(payload),
      replayTag,
      version,
    };
  }
  const nextAlpha = blindAlpha(primitives, routing.rules.blinding, parsed.alpha, secret.blindingFactor);
  return {
    kind: 'forward',
    nextHop: Uint8Array.from(routing.nextHop),
    delayNanos: routing.delayNanos,
    packet: writeHeader(output, nextAlpha, routing.nextMac, routing.nextBeta),
    replayTag,
    version,
  };
}

/**
 * One hop of Sphinx: unwrap `packet` with this node's x25519 Sphinx key. Throws SphinxError (and
 * nothing else) on any bad input; its `code` says why and `action` is 'drop' for network input.
 */
export function processPacket(
  packet: Uint8Array,
  privateKey: Uint8Array,
  options: ProcessOptions = {},
): ProcessedPacket {
  try {
    return unwrap(packet, privateKey, options.primitives ?? defaultPrimitives());
  } catch (error) {
    if (error instanceof SphinxError) throw error;
    throw new SphinxError('malformed', `the packet could not be processed: ${String(error)}`, {}, error);
  }
}
