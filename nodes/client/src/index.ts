// Client
export { createClient, DEFAULT_REASSEMBLY } from './client';
export type { ClientDeps, ClientOptions, MixnetClient, ReceivedMessage, SendOptions } from './client';
export type { DeliveryOutcome, FailureReason, SendReceipt } from './reliability/outgoing';
export { ClientError } from './errors';
export type { ClientErrorCode, ErrorAction } from './errors';
export type { ClientStats, ClientMetrics, StatName } from './stats';

// Keys and addresses
export { clientAddress, clientKeysFromSecrets, generateClientKeys } from './keys';
export type { ClientKeys } from './keys';
export {
  formatRecipient,
  parseRecipient,
  recipientFromBytes,
  recipientToBytes,
  toRecipient,
  RECIPIENT_SIZE,
} from './address/recipient';
export type { Recipient } from './address/recipient';
export { formatSenderTag, parseSenderTag } from './address/sender-tag';
export type { SenderTag } from './address/sender-tag';

// Traffic, reliability and reply settings
export { TIMING_PRESETS } from './traffic/timing';
export type { TrafficTiming } from './traffic/timing';
export { ackTimeoutMs, DEFAULT_RETRANSMISSION } from './reliability/ack-tracker';
export type { RetransmissionOptions } from './reliability/ack-tracker';
export { DEFAULT_REPLIES } from './replies/reply-controller';
export type { ReplyOptions } from './replies/reply-controller';
export type { ReassemblerOptions } from './chunking/reassembler';
export { DEFAULT_RECONNECT } from './gateway/link';
export type { ReconnectOptions } from './gateway/link';

// Collaborators
export type { GatewayConnection, GatewayConnector, OutboundMixPacket } from './gateway/connection';
export { createWebSocketGatewayConnector } from './gateway/websocket-gateway';
export type { WebSocketGatewayDeps, WebSocketGatewayOptions } from './gateway/websocket-gateway';
export { createJsonFileTopologyProvider, parseTopologyDocument } from './topology/json-file-provider';
export type { SkippedEntry } from './topology/json-file-provider';
export { DEFAULT_TOPOLOGY } from './topology/topology-control';
export type { TopologyOptions } from './topology/topology-control';
export { gatewayWebSocketUrl } from './topology/topology';
export type { GatewayNode, MixLayer, MixNode, Topology, TopologyProvider } from './topology/topology';
export { openSqliteClientStore } from './storage/client-store';
export type { ClientStateStore } from './storage/client-store';
export { loadOrCreateClientKeys, readClientKeys, writeClientKeys } from './storage/key-file';
export { systemClock, cryptoRng } from './runtime';
export type { Clock, Rng, Timer } from './runtime';
export { createClientCrypto } from './crypto/primitives';
export type { ClientCrypto } from './crypto/primitives';

// A client from its home folder (config, keys, state), as `nymts client` runs it
export { clientConfigSchema, clientPaths, defaultClientHome } from './config/client-config';
export type { ClientConfig, ClientPaths } from './config/client-config';
export { initClient } from './config/init';
export type { InitClientOptions, InitClientResult } from './config/init';
export { loadClientFromHome } from './config/from-config';
export type { ClientOverrides, ClientProcess, ClientRuntime } from './config/from-config';

// nym-client's WebSocket API
export { createWebSocketApi, CLOSE_ALREADY_CONNECTED } from './api/websocket-api';
export type { WebSocketApi, WebSocketApiOptions } from './api/websocket-api';
export {
  ApiError,
  decodeBinaryRequest,
  decodeTextRequest,
  encodeBinaryResponse,
  encodeTextResponse,
  ErrorKind,
} from './api/protocol';
export type { ApiRequest, ApiResponse } from './api/protocol';

// Nym's packet formats, for gateways, tools and tests
export {
  decodeFragment,
  encodeFragment,
  decodeFragmentId,
  encodeFragmentId,
  COVER_FRAGMENT_ID,
  LINKED_HEADER_SIZE,
  UNLINKED_HEADER_SIZE,
  MAX_FRAGMENTS_PER_SET,
} from './chunking/fragment';
export type { Fragment, FragmentId } from './chunking/fragment';
export { layoutFor, numberOfSets, paddedLength, splitIntoFragments } from './chunking/split';
export type { Layout } from './chunking/split';
export { Reassembler } from './chunking/reassembler';
export type { InsertResult } from './chunking/reassembler';
export { decodeNymMessage, encodeNymMessage } from './message/nym-message';
export type { NymMessage, RepliableContent, ReplyContent } from './message/nym-message';
export { padMessage, unpadMessage } from './message/padding';
export { fragmentMessage, FRAGMENT_LAYOUT } from './message/fragment-message';
export { decodeReplySurb, encodeReplySurb } from './message/reply-surb';
export type { ReplySurb } from './message/reply-surb';
export { LOOP_COVER_PAYLOAD } from './packets/prepare';
export {
  ACK_OVERHEAD,
  ACK_PLAINTEXT_SIZE,
  FRAGMENT_SPACE,
  MAX_NODE_ADDRESS_UNPADDED_LEN,
  RECEIVED_MESSAGE_SIZE,
  REGULAR_PLAINTEXT_SIZE,
  REPLY_SURB_V1_SIZE,
} from './constants';
