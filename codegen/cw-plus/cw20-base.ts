// cw20-base 1.0.1 (cw-plus `contracts/cw20-base/src/msg.rs`, `packages/cw20/src/{msg,query,logo}.rs`):
// the NYM token's API.
import {
  type ContractIdl,
  type JsonSchema,
  optional,
  required,
  root,
  s,
  struct,
} from '@nymts/contract-build';
import { DEFINITIONS, newtypeVariant, page, structVariant, u8, unitVariants } from './shared';

const CW20_DEFINITIONS: Record<string, JsonSchema> = {
  ...DEFINITIONS,
  Logo: {
    description: 'A logo: a link, or an image stored in the contract.',
    oneOf: [
      newtypeVariant('url', s.string(), 'A reference to an externally hosted logo.'),
      newtypeVariant('embedded', s.ref('EmbeddedLogo'), 'Logo content stored on the blockchain.'),
    ],
  },
  EmbeddedLogo: {
    description: 'An image stored on chain (at most 5 KB).',
    oneOf: [
      newtypeVariant('svg', s.binary(), 'An SVG document (may be gzipped).'),
      newtypeVariant('png', s.binary(), 'A PNG image.'),
    ],
  },
  LogoInfo: {
    description: 'Where the logo is: a link, or "embedded" (fetch it with download_logo).',
    oneOf: [newtypeVariant('url', s.string()), unitVariants(['embedded'])],
  },
  InstantiateMarketingInfo: struct({
    project: optional(s.string()),
    description: optional(s.string()),
    marketing: optional(s.string()),
    logo: optional(s.ref('Logo')),
  }),
  MinterResponse: struct({
    minter: required(s.string()),
    cap: optional(s.uint128(), 'A hard cap on the total supply that minting can reach; null for no cap.'),
  }),
  AllowanceInfo: struct({
    spender: required(s.string()),
    allowance: required(s.uint128()),
    expires: required(s.ref('Expiration')),
  }),
  SpenderAllowanceInfo: struct({
    owner: required(s.string()),
    allowance: required(s.uint128()),
    expires: required(s.ref('Expiration')),
  }),
};

const expires = optional(s.ref('Expiration'), 'If set, replaces the allowance’s expiration.');

const execute: JsonSchema = {
  oneOf: [
    structVariant(
      'transfer',
      { recipient: required(s.string()), amount: required(s.uint128()) },
      'Move tokens to another account.',
    ),
    structVariant('burn', { amount: required(s.uint128()) }, 'Destroy tokens forever.'),
    structVariant(
      'send',
      { contract: required(s.string()), amount: required(s.uint128()), msg: required(s.binary()) },
      'Move tokens to a contract and call its receive hook with `msg`.',
    ),
    structVariant(
      'increase_allowance',
      { spender: required(s.string()), amount: required(s.uint128()), expires },
      'Let `spender` move more of the sender’s tokens.',
    ),
    structVariant(
      'decrease_allowance',
      { spender: required(s.string()), amount: required(s.uint128()), expires },
      'Let `spender` move less of the sender’s tokens.',
    ),
    structVariant(
      'transfer_from',
      { owner: required(s.string()), recipient: required(s.string()), amount: required(s.uint128()) },
      'Move tokens from `owner` within the sender’s allowance.',
    ),
    structVariant(
      'send_from',
      {
        owner: required(s.string()),
        contract: required(s.string()),
        amount: required(s.uint128()),
        msg: required(s.binary()),
      },
      'Send tokens from `owner` to a contract within the sender’s allowance.',
    ),
    structVariant(
      'burn_from',
      { owner: required(s.string()), amount: required(s.uint128()) },
      'Burn tokens of `owner` within the sender’s allowance.',
    ),
    structVariant(
      'mint',
      { recipient: required(s.string()), amount: required(s.uint128()) },
      'Create new tokens (minter only).',
    ),
    structVariant(
      'update_minter',
      { new_minter: optional(s.string()) },
      'Hand the minter role on; null removes the minter forever (minter only).',
    ),
    structVariant(
      'update_marketing',
      {
        project: optional(s.string(), 'A URL pointing to the project behind this token.'),
        description: optional(s.string(), 'A longer description of the token and its use.'),
        marketing: optional(s.string(), 'The address that may update the marketing data.'),
      },
      'Update marketing metadata: null leaves a field unchanged, "" clears it.',
    ),
    newtypeVariant('upload_logo', s.ref('Logo'), 'Set a new logo (marketing role only).'),
  ],
};

const query: JsonSchema = {
  oneOf: [
    structVariant('balance', { address: required(s.string()) }, 'The balance of an address, 0 if unset.'),
    structVariant('token_info', {}, 'Name, symbol, decimals and total supply.'),
    structVariant('minter', {}, 'Who may mint, and the cap.'),
    structVariant(
      'allowance',
      { owner: required(s.string()), spender: required(s.string()) },
      'How much `spender` may move from `owner`, 0 if unset.',
    ),
    structVariant(
      'all_allowances',
      { owner: required(s.string()), ...page() },
      'Every allowance `owner` has granted (paginated).',
    ),
    structVariant(
      'all_spender_allowances',
      { spender: required(s.string()), ...page() },
      'Every allowance `spender` has been granted (paginated).',
    ),
    structVariant('all_accounts', page(), 'Every account with a balance (paginated).'),
    structVariant('marketing_info', {}, 'Project, description, logo and marketing address.'),
    structVariant('download_logo', {}, 'The embedded logo; fails if none is stored.'),
  ],
};

const expiringAllowance = struct({
  allowance: required(s.uint128()),
  expires: required(s.ref('Expiration')),
});

export const idl: ContractIdl = {
  contract_name: 'cw20-base',
  contract_version: '1.0.1',
  idl_version: '1.0.0',
  instantiate: root(
    'InstantiateMsg',
    struct({
      name: required(s.string()),
      symbol: required(s.string()),
      decimals: required(u8()),
      initial_balances: required(s.array(s.ref('Cw20Coin'))),
      mint: optional(s.ref('MinterResponse')),
      marketing: optional(s.ref('InstantiateMarketingInfo')),
    }),
    CW20_DEFINITIONS,
  ),
  execute: root('ExecuteMsg', execute, CW20_DEFINITIONS),
  query: root('QueryMsg', query, CW20_DEFINITIONS),
  migrate: root('MigrateMsg', { type: 'object' }),
  sudo: null,
  responses: {
    balance: root('BalanceResponse', struct({ balance: required(s.uint128()) })),
    token_info: root(
      'TokenInfoResponse',
      struct({
        name: required(s.string()),
        symbol: required(s.string()),
        decimals: required(u8()),
        total_supply: required(s.uint128()),
      }),
    ),
    minter: root(
      'Nullable_MinterResponse',
      {
        anyOf: [s.ref('MinterResponse'), { type: 'null' }],
      },
      CW20_DEFINITIONS,
    ),
    allowance: root('AllowanceResponse', expiringAllowance, CW20_DEFINITIONS),
    all_allowances: root(
      'AllAllowancesResponse',
      struct({ allowances: required(s.array(s.ref('AllowanceInfo'))) }),
      CW20_DEFINITIONS,
    ),
    all_spender_allowances: root(
      'AllSpenderAllowancesResponse',
      struct({ allowances: required(s.array(s.ref('SpenderAllowanceInfo'))) }),
      CW20_DEFINITIONS,
    ),
    all_accounts: root('AllAccountsResponse', struct({ accounts: required(s.array(s.string())) })),
    marketing_info: root(
      'MarketingInfoResponse',
      struct({
        project: optional(s.string()),
        description: optional(s.string()),
        logo: optional(s.ref('LogoInfo')),
        marketing: optional(s.ref('Addr')),
      }),
      CW20_DEFINITIONS,
    ),
    download_logo: root(
      'DownloadLogoResponse',
      struct({ mime_type: required(s.string()), data: required(s.binary()) }),
    ),
  },
};
