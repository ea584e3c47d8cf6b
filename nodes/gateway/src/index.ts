// Client–gateway protocol (server and client sides)
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
export { createMemorySharedKeyStore, createSqliteSharedKeyStore } from './client-protocol/shared-key-store';
export type { SharedKeyStore, RegisteredClient } from './client-protocol/shared-key-store';
export { createUnmeteredBandwidth, UNMETERED_BANDWIDTH } from './client-protocol/bandwidth';
export type { BandwidthController, CredentialVerdict, SpendVerdict } from './client-protocol/bandwidth';
export { createGatewaySession, CLOSE_PROTOCOL_ERROR } from './client-protocol/gateway-session';
export type {
  GatewaySession,
  GatewaySessionDeps,
  GatewaySessionOptions,
  SessionAction,
} from './client-protocol/gateway-session';

// WebSocket endpoints
export { createClientWebSocketServer, CLOSE_REPLACED } from './client-websocket-server';
export type {
  ClientWebSocketServer,
  ClientWebSocketServerDeps,
  ClientWebSocketServerOptions,
} from './client-websocket-server';
export { connectToGateway } from './gateway-client';
export type { GatewayClientConnection, GatewayClientDeps, GatewayClientOptions } from './gateway-client';

// Durable inbox
export { createSqliteInbox, DEFAULT_INBOX_LIMITS, DEFAULT_RETRIEVAL_BATCH } from './inbox/message-inbox';
export type {
  InboxLimits,
  InboxUsage,
  MessageInbox,
  StoredMessage,
  StoreResult,
} from './inbox/message-inbox';
export { deliverStoredMessages } from './inbox/delivery';
export type { DeliveryOutcome } from './inbox/delivery';

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
export { silentLogger } from './logger';
export type { GatewayLogger } from './logger';

// The gateway process
export { createGateway } from './gateway';
export type {
  Gateway,
  GatewayClientsOptions,
  GatewayDeps,
  GatewayDescription,
  GatewayOptions,
} from './gateway';
export { ACK_FIRST_HOP_BYTES, SURB_ACK_BYTES, splitFinalHop } from './mixnet/final-hop';
export type { FinalHopContent } from './mixnet/final-hop';
export { createRateLimiter } from './mixnet/rate-limiter';
export type { RateLimit, RateLimiter } from './mixnet/rate-limiter';
export { GATEWAY_DROP_REASONS } from './mixnet/metrics';
export type { GatewayDropReason } from './mixnet/metrics';
export {
  clientsSection,
  defaultGatewayHome,
  gatewayConfigSchema,
  gatewayPaths,
} from './config/gateway-config';
export type { GatewayConfig, GatewayPaths } from './config/gateway-config';
export { initGateway } from './config/init';
export type { InitGatewayOptions } from './config/init';
export { gatewayOptionsFromConfig, loadGatewayFromHome } from './config/from-config';
export type { GatewayOverrides, LoadedGateway } from './config/from-config';
export { bondGatewayFromHome, readGatewayHome } from './bonding';
export type { GatewayHome } from './bonding';
