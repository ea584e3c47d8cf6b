import { parse as parseToml } from 'smol-toml';
import { z } from 'zod';
import { parseGasPrices } from '../tx/gas-price';

/** `<home>/config/config.toml`: everything about running the node (genesis.json holds the chain). */
const durationText = z
  .string()
  .regex(/^[0-9]+(ms|s|m|h)$/, 'expected a duration such as "500ms", "1s" or "2m"');

export const nodeConfigSchema = z
  .object({
    moniker: z.string().min(1).default('nymts'),
    dev: z.boolean().default(false),
    rpc: z
      .object({
        laddr: z.string().default('tcp://127.0.0.1:26657'),
        max_body_bytes: z.number().int().min(1024).default(1_000_000),
        max_subscriptions_per_client: z.number().int().min(0).default(5),
        timeout_broadcast_tx_commit: durationText.default('10s'),
        cors_allowed_origins: z.array(z.string()).default(['*']),
      })
      .strict()
      .default({
        laddr: 'tcp://127.0.0.1:26657',
        max_body_bytes: 1_000_000,
        max_subscriptions_per_client: 5,
        timeout_broadcast_tx_commit: '10s',
        cors_allowed_origins: ['*'],
      }),
    consensus: z
      .object({
        block_time: z.union([z.literal('instant'), durationText]).default('1s'),
        create_empty_blocks: z.boolean().default(true),
      })
      .strict()
      .default({ block_time: '1s', create_empty_blocks: true }),
    mempool: z
      .object({
        size: z.number().int().min(1).default(5000),
        max_tx_bytes: z.number().int().min(1).default(1_048_576),
        max_txs_bytes: z.number().int().min(1).default(1_073_741_824),
      })
      .strict()
      .default({ size: 5000, max_tx_bytes: 1_048_576, max_txs_bytes: 1_073_741_824 }),
    app: z
      .object({
        minimum_gas_prices: z
          .string()
          .default('0.025unyx')
          .refine((text) => {
            try {
              parseGasPrices(text);
              return true;
            } catch {
              return false;
            }
          }, 'expected gas prices such as "0.025unyx" (or "" for none)'),
      })
      .strict()
      .default({ minimum_gas_prices: '0.025unyx' }),
    storage: z
      .object({
        sync: z.enum(['normal', 'full']).default('normal'),
        keep_recent: z.number().int().min(0).default(0),
      })
      .strict()
      .default({ sync: 'normal', keep_recent: 0 }),
  })
  .strict();

export type NodeConfig = z.output<typeof nodeConfigSchema>;

export function parseNodeConfig(text: string, source: string): NodeConfig {
  let raw: unknown;
  try {
    raw = parseToml(text);
  } catch (error) {
    throw new Error(`${source} is not valid TOML: ${(error as Error).message}`, { cause: error });
  }
  return validateNodeConfig(raw, source);
}

export function validateNodeConfig(raw: unknown, source: string): NodeConfig {
  const parsed = nodeConfigSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`,
    );
    throw new Error(`invalid configuration in ${source}: ${issues.join('; ')}`);
  }
  return parsed.data;
}

/** "1s" → 1000; "instant" stays as is. */
export function parseDuration(text: string): number {
  const match = /^([0-9]+)(ms|s|m|h)$/.exec(text);
  if (match === null)
    throw new Error(`invalid duration ${JSON.stringify(text)}: expected e.g. "500ms", "1s", "2m"`);
  const unit = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 }[match[2] as 'ms' | 's' | 'm' | 'h'];
  return Number(match[1]) * unit;
}

/** "tcp://127.0.0.1:26657", "127.0.0.1:26657" → host and port. */
export function parseListenAddress(text: string): { host: string; port: number } {
  const match = /^(?:tcp:\/\/)?(\[[0-9a-fA-F:]+\]|[^:/\s]+):([0-9]{1,5})$/.exec(text.trim());
  const port = match === null ? NaN : Number(match[2]);
  if (match === null || port > 65535)
    throw new Error(`invalid listen address ${JSON.stringify(text)}: expected host:port`);
  return { host: (match[1] as string).replace(/^\[|\]$/g, ''), port };
}

export function renderNodeConfig(config: NodeConfig): string {
  const str = (value: string): string => JSON.stringify(value);
  return `# nymts chain node configuration (validated on start; unknown keys are errors)
moniker = ${str(config.moniker)}
# dev = true serves the dev_* JSON-RPC controls (produce a block now, move block time forward)
dev = ${config.dev}

[rpc]
laddr = ${str(config.rpc.laddr)}
max_body_bytes = ${config.rpc.max_body_bytes}
max_subscriptions_per_client = ${config.rpc.max_subscriptions_per_client}
timeout_broadcast_tx_commit = ${str(config.rpc.timeout_broadcast_tx_commit)}
cors_allowed_origins = [${config.rpc.cors_allowed_origins.map(str).join(', ')}]

[consensus]
# "instant" (a block as soon as txs arrive) or a duration such as "1s"
block_time = ${str(config.consensus.block_time)}
create_empty_blocks = ${config.consensus.create_empty_blocks}

[mempool]
size = ${config.mempool.size}
max_tx_bytes = ${config.mempool.max_tx_bytes}
max_txs_bytes = ${config.mempool.max_txs_bytes}

[app]
# the CheckTx fee floor; "" accepts any fee
minimum_gas_prices = ${str(config.app.minimum_gas_prices)}

[storage]
# "normal": survives a killed process; "full": also a power cut (an fsync per block)
sync = ${str(config.storage.sync)}
# past state versions kept for queries at a height; 0 keeps all
keep_recent = ${config.storage.keep_recent}
`;
}
