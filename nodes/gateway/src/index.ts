// Client–gateway protocol: the server side (the messages and the client side are @nymts/gateway-protocol)
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
