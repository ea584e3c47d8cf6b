// The client's config file, `<home>/config/config.toml`. Every key but the client id, its gateway
// and the topology source has a default; relative paths are relative to the home folder.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { inHome, loggingSection, NODE_CONFIG_FILE, socketAddressSchema } from '@nymts/node-common';
import { z } from 'zod';
import { TIMING_PRESETS } from '../traffic/timing';

const milliseconds = z.number().nonnegative().finite();
const defaults = TIMING_PRESETS.current;

export const clientConfigSchema = z.strictObject({
  client: z.strictObject({ id: z.string().regex(/^[\w.-]+$/, 'letters, digits, _ . - only') }),
  gateway: z.strictObject({
    /** bs58 ed25519 identity: the part of our address after the `@`. */
    identity: z.string().min(1),
    /** The gateway's client WebSocket; read from the topology (host and clientsPort) when absent. */
    url: z.url({ protocol: /^wss?$/ }).optional(),
  }),
  /** Where the network comes from. Only `file` is built in; other providers are passed in code. */
  topology: z.strictObject({
    source: z.literal('file').default('file'),
    file: z.string().min(1),
    refresh_interval_ms: z
      .number()
      .int()
      .positive()
      .default(5 * 60_000),
  }),
  /** nym-client's WebSocket API. */
  api: z
    .strictObject({
      enabled: z.boolean().default(true),
      listen_address: socketAddressSchema.default('127.0.0.1:1977'),
    })
    .prefault({}),
  /** /metrics, health and description over HTTP; off unless an address is given. */
  http: z.strictObject({ listen_address: socketAddressSchema.optional() }).prefault({}),
  traffic: z
    .strictObject({
      average_packet_delay_ms: milliseconds.default(defaults.averagePacketDelayMs),
      average_ack_delay_ms: milliseconds.default(defaults.averageAckDelayMs),
      message_sending_average_delay_ms: milliseconds.default(defaults.messageSendingAverageDelayMs),
      loop_cover_traffic_average_delay_ms: milliseconds.default(defaults.loopCoverTrafficAverageDelayMs),
      disable_main_poisson_stream: z.boolean().default(false),
      disable_loop_cover_stream: z.boolean().default(false),
    })
    .prefault({}),
  storage: z
    .strictObject({
      keys: z.string().default('data/keys.json'),
      state: z.string().default('data/state.sqlite'),
    })
    .prefault({}),
  logging: loggingSection.prefault({}),
});

export type ClientConfig = z.output<typeof clientConfigSchema>;

/** `~/.nym/clients/<id>`, where Nym keeps a client's files. */
export function defaultClientHome(id: string): string {
  return join(homedir(), '.nym', 'clients', id);
}

export interface ClientPaths {
  home: string;
  config: string;
  keys: string;
  state: string;
}

export function clientPaths(home: string, config?: ClientConfig): ClientPaths {
  const storage = config?.storage ?? clientConfigSchema.shape.storage.parse(undefined);
  return {
    home,
    config: join(home, NODE_CONFIG_FILE),
    keys: inHome(home, storage.keys),
    state: inHome(home, storage.state),
  };
}
