export { processPacket } from './process-packet';
export type { ProcessedPacket, ProcessOptions } from './process-packet';
export { createForwardPacket } from './create-packet';
export type { ForwardPacketOptions } from './create-packet';
export type { HeaderOptions, RouteNode } from './create-header';
export { createSurb, useSurb, encodeSurb, decodeSurb } from './surb';
export type { Surb, SurbOptions } from './surb';
export {
  PACKET_SIZES,
  packetSizeFromLength,
  packetSizeFromTag,
  packetSizeFromName,
  payloadSize,
  plaintextCapacity,
} from './packet-size';
export type { PacketSize, PacketSizeName } from './packet-size';
export { SPHINX_VERSIONS, DEFAULT_SPHINX_VERSION, SUPPORTED_VERSIONS } from './versions';
export { SphinxError } from './errors';
export type { SphinxErrorCode, SphinxErrorAction } from './errors';
export { generateSphinxKeyPair, sphinxPublicKey } from './keys';
export type { SphinxKeyPair } from './keys';
export { sampleExponentialDelay, sampleDelays, secureUniform } from './delays';
export type { UniformRandom } from './delays';
export { lionessEncrypt, lionessDecrypt } from './lioness';
export { createNodePrimitives } from './primitives/node';
export { createNoblePrimitives } from './primitives/noble';
export type { SphinxPrimitives } from './primitives/types';
export type { RandomBytes } from './random';
export {
  HEADER_SIZE,
  MAX_PATH_LENGTH,
  NODE_ADDRESS_SIZE,
  DESTINATION_ADDRESS_SIZE,
  SURB_ID_SIZE,
  REPLAY_TAG_SIZE,
  PAYLOAD_OVERHEAD_SIZE,
  PAYLOAD_KEY_SEED_SIZE,
} from './constants';
