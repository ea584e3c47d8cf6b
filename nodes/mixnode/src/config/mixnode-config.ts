// The mix node's config file, `<home>/config/config.toml`. Every key has a default, so a file
// with only [node] id works; relative paths are relative to the home folder.
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { FRAME_VERSIONS, LOG_LEVELS, parseSocketAddress } from '@nymts/node-common';
import { z } from 'zod';

export const MIXNODE_CONFIG_FILE = join('config', 'config.toml');

const socketAddress = z.string().refine(
  (text) => {
    try {
      parseSocketAddress(text);
      return true;
    } catch {
      return false;
    }
  },
  { message: 'expected an IP socket address: host:port or [v6]:port' },
);
const count = z.number().int().positive();

export const mixnodeConfigSchema = z.strictObject({
  node: z.strictObject({
    id: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'letters, digits, _ . - (at most 64)'),
  }),
  mixnet: z
    .strictObject({
      listen_address: socketAddress.default('0.0.0.0:1789'),
      announce_address: socketAddress.optional(),
      max_connections: count.default(1024),
      max_in_flight_per_connection: count.default(256),
      max_in_flight_total: count.default(8192),
      max_packet_delay_ms: z.number().int().nonnegative().default(10_000),
      delay_queue_capacity: count.default(100_000),
      outbound_frame_version: z.enum(FRAME_VERSIONS).default('v8'),
      outbound_max_buffered_bytes: count.default(4 * 1024 * 1024),
      outbound_max_peers: count.default(1024),
      outbound_connect_timeout_ms: count.default(3000),
      outbound_reconnect_backoff_initial_ms: count.default(250),
      outbound_reconnect_backoff_max_ms: count.default(30_000),
    })
    .prefault({}),
  http: z
    .strictObject({
      enabled: z.boolean().default(true),
      listen_address: socketAddress.default('0.0.0.0:8000'),
    })
    .prefault({}),
  unwrap: z
    .strictObject({
      /** 0 unwraps on the main thread. */
      workers: z.number().int().min(0).max(64).default(2),
    })
    .prefault({}),
  replay_protection: z
    .strictObject({
      false_positive_rate: z.number().gt(0).lt(1).default(1e-5),
      expected_packets_per_second: count.default(200),
      key_lifetime_hours: z.number().positive().default(25),
      size_multiplier: z.number().min(1).default(1.12),
      flush_interval_secs: count.default(600),
    })
    .prefault({}),
  keys: z
    .strictObject({
      identity_private_key: z.string().default('data/private_identity.pem'),
      identity_public_key: z.string().default('data/public_identity.pem'),
      sphinx_private_key: z.string().default('data/private_sphinx.pem'),
      sphinx_public_key: z.string().default('data/public_sphinx.pem'),
      sphinx_rotation_id: z.number().int().nonnegative().default(0),
    })
    .prefault({}),
  storage: z.strictObject({ replay_filters_dir: z.string().default('data/replay') }).prefault({}),
  logging: z.strictObject({ level: z.enum(LOG_LEVELS).default('info') }).prefault({}),
});

export type MixnodeConfig = z.output<typeof mixnodeConfigSchema>;

/** `~/.nym/mixnodes/<id>`, where Nym keeps a mix node's files. */
export function defaultMixnodeHome(id: string): string {
  return join(homedir(), '.nym', 'mixnodes', id);
}

export interface MixnodePaths {
  home: string;
  config: string;
  identity: { privateKeyPath: string; publicKeyPath: string };
  sphinx: { privateKeyPath: string; publicKeyPath: string };
  replayFilters: string;
}

export function mixnodePaths(home: string, config?: MixnodeConfig): MixnodePaths {
  const keys = config?.keys ?? mixnodeConfigSchema.shape.keys.parse(undefined);
  const storage = config?.storage ?? mixnodeConfigSchema.shape.storage.parse(undefined);
  const at = (path: string): string => (isAbsolute(path) ? path : join(home, path));
  return {
    home,
    config: join(home, MIXNODE_CONFIG_FILE),
    identity: { privateKeyPath: at(keys.identity_private_key), publicKeyPath: at(keys.identity_public_key) },
    sphinx: { privateKeyPath: at(keys.sphinx_private_key), publicKeyPath: at(keys.sphinx_public_key) },
    replayFilters: at(storage.replay_filters_dir),
  };
}
