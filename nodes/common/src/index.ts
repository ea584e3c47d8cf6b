export { NodeError } from './errors';
export type { ErrorAction } from './errors';

export {
  OUTFOX_SIZE_TAGS,
  PacketType,
  KeyRotation,
  keyRotationOf,
  packetSizeByTag,
  packetSizeByLength,
} from './framing/packet-size';
export type { PacketTypeValue, KeyRotationValue } from './framing/packet-size';
export { FrameError } from './framing/frame-error';
export type { FrameErrorCode } from './framing/frame-error';
export {
  FRAME_VERSIONS,
  decodeFrameHeader,
  writeFrameHeader,
  frameHeaderLength,
} from './framing/frame-header';
export type { FrameHeader, FrameVersion, HeaderDecodeResult } from './framing/frame-header';
export { FrameDecoder, encodeFrame } from './framing/frame-codec';
export type { Frame, FrameOptions } from './framing/frame-codec';

export {
  NODE_ADDRESS_LENGTH,
  NodeAddressError,
  encodeNodeAddress,
  encodeUnpaddedNodeAddress,
  decodeNodeAddress,
  readNodeAddress,
  formatSocketAddress,
  parseSocketAddress,
} from './address/node-address';
export type { SocketAddress } from './address/node-address';

export {
  KeyFileError,
  generateKeyPair,
  keyPairFromPrivateBytes,
  readKeyPair,
  writeKeyPair,
} from './keys/pem-keys';
export type { KeyAlgorithm, KeyFileErrorCode, KeyPair, KeyPairPaths } from './keys/pem-keys';
export { encodeKey, decodeKey } from './keys/key-encoding';

export { writeFileAtomic } from './files/atomic-write';
export { ConfigError, loadTomlConfig, validateConfig, writeTomlConfig } from './config/toml-config';
export { NODE_CONFIG_FILE, inHome, loggingSection, socketAddressSchema } from './config/config-parts';
export type { ConfigErrorCode } from './config/toml-config';

export { LOG_LEVELS, createLogger, componentLogger, silentLogger } from './logging/logger';
export type { DestinationStream, Logger, LogLevel, LoggerOptions } from './logging/logger';

export { createMetrics } from './metrics/metrics';
export type {
  Counter,
  Gauge,
  Histogram,
  Labels,
  MetricSpec,
  Metrics,
  MetricsOptions,
} from './metrics/metrics';

export { API_ROUTES, createApiServer } from './http/api-server';
export type { ApiServer, ApiServerDeps, HealthStatus } from './http/api-server';

export { systemClock, createManualClock } from './time/clock';
export type { Clock, ManualClock, Timer } from './time/clock';
export { cryptoRng, createSeededRng } from './random/rng';
export type { Rng } from './random/rng';

export { tcpTransport } from './net/transport';
export type { Listener, Transport } from './net/transport';
export { createConnectionPool } from './net/connection-pool';
export type {
  ConnectionPool,
  ConnectionPoolEvents,
  ConnectionPoolOptions,
  OutboundDropReason,
} from './net/connection-pool';
