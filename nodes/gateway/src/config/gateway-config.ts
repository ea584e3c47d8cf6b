// The gateway's config file, `<home>/config/config.toml`. The sections it shares with a mix node
// (mix port, HTTP API, unwrap workers, replay protection, keys, logging) are the mix node's; its
// own are `clients` (the WebSocket, rate limit, inbox limits) and the storage paths. Every key has
// a default, so a file with only [node] id works; relative paths are relative to the home folder.
import { homedir } from 'node:os';
import { join } from 'node:path';
import {
  countSchema,
  httpSection,
  inHome,
  keysSection,
  loggingSection,
  mixPortSection,
  nodePaths,
  nodeSection,
  replayProtectionSection,
  socketAddressSchema,
  unwrapSection,
  type NodePaths,
} from '@nymts/mixnode';
import { z } from 'zod';
import { DEFAULT_INBOX_LIMITS } from '../inbox/message-inbox';

export const clientsSection = z.strictObject({
  listen_address: socketAddressSchema.default('0.0.0.0:9000'),
  /** What clients dial (published in the description); the listen address when omitted. */
  announce_address: socketAddressSchema.optional(),
  /** Nym's clients send about 50 packets/s (real or cover) plus loop cover; fast mode about 250. */
  max_packets_per_second: countSchema.default(500),
  max_packets_burst: countSchema.default(1000),
  inbox_max_messages: countSchema.default(DEFAULT_INBOX_LIMITS.maxMessagesPerClient),
  inbox_max_bytes: countSchema.default(DEFAULT_INBOX_LIMITS.maxBytesPerClient),
  /** A connection must register or authenticate within this time. */
  setup_timeout_ms: countSchema.default(15_000),
});

export const gatewayConfigSchema = z.strictObject({
  node: nodeSection,
  mixnet: mixPortSection.prefault({}),
  clients: clientsSection.prefault({}),
  http: httpSection.prefault({}),
  unwrap: unwrapSection.prefault({}),
  replay_protection: replayProtectionSection.prefault({}),
  keys: keysSection.prefault({}),
  storage: z
    .strictObject({
      replay_filters_dir: z.string().default('data/replay'),
      inbox: z.string().default('data/inbox.sqlite'),
      shared_keys: z.string().default('data/shared-keys.sqlite'),
    })
    .prefault({}),
  logging: loggingSection.prefault({}),
});

export type GatewayConfig = z.output<typeof gatewayConfigSchema>;

/** `~/.nym/gateways/<id>`, where Nym keeps a gateway's files. */
export function defaultGatewayHome(id: string): string {
  return join(homedir(), '.nym', 'gateways', id);
}

export interface GatewayPaths extends NodePaths {
  inbox: string;
  sharedKeys: string;
}

export function gatewayPaths(home: string, config?: GatewayConfig): GatewayPaths {
  const storage = config?.storage ?? gatewayConfigSchema.shape.storage.parse(undefined);
  return {
    ...nodePaths(home, config?.keys, storage),
    inbox: inHome(home, storage.inbox),
    sharedKeys: inHome(home, storage.shared_keys),
  };
}
