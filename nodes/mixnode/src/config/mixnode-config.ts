// The mix node's config file, `<home>/config/config.toml`. Every key has a default, so a file
// with only [node] id works; relative paths are relative to the home folder. The sections a
// gateway shares (its mix port, HTTP API, unwrap workers, replay protection, keys, logging) are
// exported for its schema.
import { homedir } from 'node:os';
import { join } from 'node:path';
import {
  FRAME_VERSIONS,
  NODE_CONFIG_FILE,
  inHome,
  loggingSection,
  socketAddressSchema,
} from '@nymts/node-common';
import { z } from 'zod';

// Shared with every nymts process; re-exported so the gateway's schema keeps one import.
export { NODE_CONFIG_FILE, inHome, loggingSection, socketAddressSchema };

export const countSchema = z.number().int().positive();

export const nodeSection = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'letters, digits, _ . - (at most 64)'),
});

/** The mix port and the connections to next hops. */
export const mixPortSection = z.strictObject({
  listen_address: socketAddressSchema.default('0.0.0.0:1789'),
  announce_address: socketAddressSchema.optional(),
  max_connections: countSchema.default(1024),
  max_in_flight_per_connection: countSchema.default(256),
  max_in_flight_total: countSchema.default(8192),
  outbound_frame_version: z.enum(FRAME_VERSIONS).default('v8'),
  outbound_max_buffered_bytes: countSchema.default(4 * 1024 * 1024),
  outbound_max_peers: countSchema.default(1024),
  outbound_connect_timeout_ms: countSchema.default(3000),
  outbound_reconnect_backoff_initial_ms: countSchema.default(250),
  outbound_reconnect_backoff_max_ms: countSchema.default(30_000),
});

export const httpSection = z.strictObject({
  enabled: z.boolean().default(true),
  listen_address: socketAddressSchema.default('0.0.0.0:8000'),
});

export const unwrapSection = z.strictObject({
  /** 0 unwraps on the main thread. */
  workers: z.number().int().min(0).max(64).default(2),
});

export const replayProtectionSection = z.strictObject({
  false_positive_rate: z.number().gt(0).lt(1).default(1e-5),
  expected_packets_per_second: countSchema.default(200),
  key_lifetime_hours: z.number().positive().default(25),
  size_multiplier: z.number().min(1).default(1.12),
  flush_interval_secs: countSchema.default(600),
});

export const keysSection = z.strictObject({
  identity_private_key: z.string().default('data/private_identity.pem'),
  identity_public_key: z.string().default('data/public_identity.pem'),
  sphinx_private_key: z.string().default('data/private_sphinx.pem'),
  sphinx_public_key: z.string().default('data/public_sphinx.pem'),
  sphinx_rotation_id: z.number().int().nonnegative().default(0),
});

export const mixnodeConfigSchema = z.strictObject({
  node: nodeSection,
  mixnet: mixPortSection
    .extend({
      max_packet_delay_ms: z.number().int().nonnegative().default(10_000),
      delay_queue_capacity: countSchema.default(100_000),
    })
    .prefault({}),
  http: httpSection.prefault({}),
  unwrap: unwrapSection.prefault({}),
  replay_protection: replayProtectionSection.prefault({}),
  keys: keysSection.prefault({}),
  storage: z.strictObject({ replay_filters_dir: z.string().default('data/replay') }).prefault({}),
  logging: loggingSection.prefault({}),
});

export type MixnodeConfig = z.output<typeof mixnodeConfigSchema>;

/** `~/.nym/mixnodes/<id>`, where Nym keeps a mix node's files. */
export function defaultMixnodeHome(id: string): string {
  return join(homedir(), '.nym', 'mixnodes', id);
}

export interface NodePaths {
  home: string;
  config: string;
  identity: { privateKeyPath: string; publicKeyPath: string };
  sphinx: { privateKeyPath: string; publicKeyPath: string };
  replayFilters: string;
}

/** Where a node's files are, from its config's `keys` and `storage` (defaults before it has one). */
export function nodePaths(
  home: string,
  keys: z.output<typeof keysSection> = keysSection.parse({}),
  storage: { replay_filters_dir: string } = { replay_filters_dir: 'data/replay' },
): NodePaths {
  const at = (path: string): string => inHome(home, path);
  return {
    home,
    config: join(home, NODE_CONFIG_FILE),
    identity: { privateKeyPath: at(keys.identity_private_key), publicKeyPath: at(keys.identity_public_key) },
    sphinx: { privateKeyPath: at(keys.sphinx_private_key), publicKeyPath: at(keys.sphinx_public_key) },
    replayFilters: at(storage.replay_filters_dir),
  };
}
