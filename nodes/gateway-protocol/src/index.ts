// Nym's client–gateway protocol: versions, handshake steps, authentication, requests and responses, frames
export {
  ProtocolVersion,
  GATEWAY_PROTOCOL_VERSION,
  MINIMUM_HANDSHAKE_VERSION,
  negotiateVersion,
  supportsAuthenticateV2,
  supportsKeyRotationPackets,
} from './client-protocol/versions';
export type { GatewayProtocolVersion } from './client-protocol/versions';
export { ProtocolError } from './client-protocol/errors';
export type { ErrorDisposition, ProtocolErrorCode } from './client-protocol/errors';
export { SharedKey } from './client-protocol/shared-key';
export { deriveSharedKey } from './client-protocol/key-derivation';
export {
  decodeInit,
  encodeInit,
  decodeMaterial,
  encodeMaterial,
  decodeGatewayMaterial,
  encodeGatewayMaterial,
  decodeFinalization,
  encodeFinalization,
  KDF_SALT_LENGTH,
  INIT_LENGTH,
  MATERIAL_LENGTH,
  GATEWAY_MATERIAL_LENGTH,
} from './client-protocol/handshake-messages';
export type {
  InitMessage,
  MaterialMessage,
  GatewayMaterialMessage,
} from './client-protocol/handshake-messages';
export { respondToInit, acceptClientMaterial } from './client-protocol/handshake-gateway';
export type { GatewayHandshakeState } from './client-protocol/handshake-gateway';
export {
  startClientHandshake,
  answerGatewayMaterial,
  checkFinalization,
} from './client-protocol/handshake-client';
export type { ClientHandshakeState } from './client-protocol/handshake-client';
export { createAuthenticateV2, verifyAuthenticateV2 } from './client-protocol/authenticate';
export type { AuthenticationCheck } from './client-protocol/authenticate';
export { parseClientRequest, serializeClientRequest } from './client-protocol/client-requests';
export type { ClientRequest, AuthenticateV2Content } from './client-protocol/client-requests';
export { parseServerResponse, serializeServerResponse } from './client-protocol/server-responses';
export type { ServerResponse } from './client-protocol/server-responses';
export {
  openSensitiveRequest,
  sealSensitiveRequest,
  openSensitiveResponse,
  sealSensitiveResponse,
} from './client-protocol/sensitive-requests';
export type { SensitiveRequest, SensitiveResponse } from './client-protocol/sensitive-requests';
export {
  BinaryRequestKind,
  BinaryResponseKind,
  decodeBinaryRequest,
  encodeBinaryRequest,
  decodeBinaryResponse,
  encodeBinaryResponse,
} from './client-protocol/binary-frames';
export type { BinaryRequest, BinaryResponse } from './client-protocol/binary-frames';
export { decodeMixPacket, encodeMixPacket } from './client-protocol/mix-packet';
export type { MixPacket } from './client-protocol/mix-packet';

// The client side of the connection
export { connectToGateway } from './gateway-client';
export type { GatewayClientConnection, GatewayClientDeps, GatewayClientOptions } from './gateway-client';

// Primitives the protocol is built from
export { blake3Digest, hmacBlake3, hkdfBlake3 } from './crypto/blake3';
export { sealAesGcmSiv, openAesGcmSiv } from './crypto/aes-gcm-siv';
export { encodeBase58, decodeBase58 } from './crypto/base58';
export { systemRandomBytes } from './crypto/random';
export type { RandomBytes } from './crypto/random';
export {
  generateEd25519KeyPair,
  ed25519KeyPairFromSecret,
  generateX25519KeyPair,
  signEd25519,
  verifyEd25519,
  x25519DiffieHellman,
} from './crypto/keys';
export type { Ed25519KeyPair, X25519KeyPair } from './crypto/keys';
