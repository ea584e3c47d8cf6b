import { Metadata } from 'cosmjs-types/cosmos/bank/v1beta1/bank';
import { z } from 'zod';
import { fromBase64, toBase64, toHexUpper } from '../encoding/bytes';
import { formatRfc3339Nano, parseRfc3339 } from '../encoding/time';
import type { AuthGenesis } from '../modules/auth/module';
import type { BankGenesis } from '../modules/bank/module';
import { isValidDenom, normalizeCoins, toCoinMessages, type Coin } from '../modules/bank/coins';
import type { Timestamp } from '../modules/types';
import type { Ed25519Key } from '../node/validator-key';

const intString = z.string().regex(/^-?[0-9]+$/, 'expected an integer as a string');
const coinJson = z.object({
  denom: z.string().refine(isValidDenom, 'invalid denom'),
  amount: z.string().regex(/^[0-9]+$/, 'expected a non-negative integer amount'),
});

const denomMetadataJson = z.object({
  description: z.string().default(''),
  denom_units: z.array(
    z.object({
      denom: z.string(),
      exponent: z.number().int().min(0),
      aliases: z.array(z.string()).default([]),
    }),
  ),
  base: z.string(),
  display: z.string(),
  name: z.string().default(''),
  symbol: z.string().default(''),
  uri: z.string().default(''),
  uri_hash: z.string().default(''),
});

const genesisSchema = z.object({
  genesis_time: z.string(),
  chain_id: z
    .string()
    .regex(/^[a-zA-Z0-9_.-]{1,50}$/, 'chain ids are 1-50 characters of letters, digits, _ . -'),
  initial_height: z.literal('1').default('1'),
  consensus_params: z
    .object({
      block: z.object({ max_bytes: intString, max_gas: intString }).passthrough(),
    })
    .passthrough(),
  validators: z
    .array(
      z.object({
        address: z.string(),
        pub_key: z.object({ type: z.literal('tendermint/PubKeyEd25519'), value: z.string() }),
        power: intString,
        name: z.string().default(''),
      }),
    )
    .default([]),
  app_hash: z.string().default(''),
  app_state: z
    .object({
      bech32_prefix: z
        .string()
        .regex(/^[a-z]{1,20}$/, 'a bech32 prefix is 1-20 lower-case letters')
        .default('n'),
      auth: z
        .object({
          params: z
            .object({
              max_memo_characters: intString.optional(),
              tx_sig_limit: intString.optional(),
              tx_size_cost_per_byte: intString.optional(),
              sig_verify_cost_secp256k1: intString.optional(),
            })
            .passthrough()
            .default({}),
          accounts: z.array(z.object({ address: z.string() }).passthrough()).default([]),
        })
        .default({ params: {}, accounts: [] }),
      bank: z
        .object({
          balances: z.array(z.object({ address: z.string(), coins: z.array(coinJson) })).default([]),
          denom_metadata: z.array(denomMetadataJson).default([]),
        })
        .passthrough()
        .default({ balances: [], denom_metadata: [] }),
    })
    .passthrough(),
});

export type GenesisJson = z.input<typeof genesisSchema>;

export interface Genesis {
  /** The document as served by the `genesis` RPC method. */
  json: z.output<typeof genesisSchema>;
  chainId: string;
  genesisTime: Timestamp;
  maxBlockBytes: number;
  maxBlockGas: number;
  validators: Array<{ address: Uint8Array; publicKey: Uint8Array; power: number; name: string }>;
  bech32Prefix: string;
  /** Module sections, keyed by module name, in the form each module's initGenesis takes. */
  appState: Record<string, unknown>;
}

export function parseGenesis(json: unknown, source: string): Genesis {
  const parsed = genesisSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
      .join('; ');
    throw new Error(`invalid genesis ${source}: ${issues}`);
  }
  const doc = parsed.data;
  const { auth, bank, bech32_prefix: bech32Prefix, ...otherModules } = doc.app_state;
  const authParams = auth.params;
  const authGenesis: AuthGenesis = {
    params: {
      ...(authParams.max_memo_characters && { maxMemoCharacters: Number(authParams.max_memo_characters) }),
      ...(authParams.tx_sig_limit && { txSigLimit: Number(authParams.tx_sig_limit) }),
      ...(authParams.tx_size_cost_per_byte && {
        txSizeCostPerByte: Number(authParams.tx_size_cost_per_byte),
      }),
      ...(authParams.sig_verify_cost_secp256k1 && {
        sigVerifyCostSecp256k1: Number(authParams.sig_verify_cost_secp256k1),
      }),
    },
    accounts: auth.accounts.map((account) => ({ address: account.address })),
  };
  const bankGenesis: BankGenesis = {
    balances: bank.balances,
    denomMetadata: bank.denom_metadata.map((metadata) =>
      Metadata.fromPartial({
        description: metadata.description,
        denomUnits: metadata.denom_units,
        base: metadata.base,
        display: metadata.display,
        name: metadata.name,
        symbol: metadata.symbol,
        uri: metadata.uri,
        uriHash: metadata.uri_hash,
      }),
    ),
  };
  let genesisTime: Timestamp;
  try {
    genesisTime = parseRfc3339(doc.genesis_time);
  } catch (error) {
    throw new Error(`invalid genesis ${source}: genesis_time: ${(error as Error).message}`, { cause: error });
  }
  return {
    json: doc,
    chainId: doc.chain_id,
    genesisTime,
    maxBlockBytes: Number(doc.consensus_params.block.max_bytes),
    maxBlockGas: Number(doc.consensus_params.block.max_gas),
    validators: doc.validators.map((validator) => ({
      address: new Uint8Array(Buffer.from(validator.address, 'hex')),
      publicKey: fromBase64(validator.pub_key.value),
      power: Number(validator.power),
      name: validator.name,
    })),
    bech32Prefix,
    appState: { ...otherModules, auth: authGenesis, bank: bankGenesis },
  };
}

export interface GenesisAccount {
  address: string;
  coins: readonly Coin[];
}

export interface GenesisInput {
  chainId: string;
  genesisTime: Timestamp;
  validator: Ed25519Key;
  accounts: readonly GenesisAccount[];
  bech32Prefix?: string;
  maxBlockGas?: number;
}

/** CometBFT's default block limits: 21 MiB of txs, no gas limit. */
export const DEFAULT_MAX_BLOCK_BYTES = 22_020_096;

export function buildGenesis(input: GenesisInput): GenesisJson {
  const merged = new Map<string, Coin[]>();
  for (const account of input.accounts)
    merged.set(account.address, [...(merged.get(account.address) ?? []), ...account.coins]);
  return {
    genesis_time: formatRfc3339Nano(input.genesisTime),
    chain_id: input.chainId,
    initial_height: '1',
    consensus_params: {
      block: { max_bytes: String(DEFAULT_MAX_BLOCK_BYTES), max_gas: String(input.maxBlockGas ?? -1) },
      evidence: { max_age_num_blocks: '100000', max_age_duration: '172800000000000', max_bytes: '1048576' },
      validator: { pub_key_types: ['ed25519'] },
      version: { app: '0' },
    },
    validators: [
      {
        address: toHexUpper(input.validator.address),
        pub_key: { type: 'tendermint/PubKeyEd25519', value: toBase64(input.validator.publicKey) },
        power: '10',
        name: 'nymts',
      },
    ],
    app_hash: '',
    app_state: {
      bech32_prefix: input.bech32Prefix ?? 'n',
      auth: { params: {}, accounts: [...merged.keys()].map((address) => ({ address })) },
      bank: {
        balances: [...merged.entries()].map(([address, coins]) => ({
          address,
          coins: toCoinMessages(normalizeCoins(coins)),
        })),
        denom_metadata: [],
      },
    },
  };
}
