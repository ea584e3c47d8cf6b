// Types the cw-plus 1.0.1 contracts share (cosmwasm-std 1.2, cw-utils 1.0, cw20, cw3, cw4),
// written by hand in the shape cosmwasm-schema gives them: no npm package ships the JSON schemas
// of cw-plus, only the binaries (@oraichain/common-contracts-build) and clients generated from
// them. Field names, optionality and integer formats follow the Rust message definitions.
import { type Field, type JsonSchema, optional, required, s, struct } from '@nymts/contract-build';

/** A unit variant of a Rust enum: serde writes it as a bare string. */
export function unitVariants(names: readonly string[], description?: string): JsonSchema {
  return { ...(description === undefined ? {} : { description }), type: 'string', enum: [...names] };
}

/** A variant holding one value (`Url(String)`): `{"url": "…"}`. */
export function newtypeVariant(name: string, schema: JsonSchema, description?: string): JsonSchema {
  return {
    ...(description === undefined ? {} : { description }),
    type: 'object',
    required: [name],
    properties: { [name]: schema },
    additionalProperties: false,
  };
}

/** A struct variant (`Transfer { … }`): `{"transfer": {…}}`. */
export function structVariant(name: string, fields: Record<string, Field>, description?: string): JsonSchema {
  return newtypeVariant(name, struct(fields), description);
}

export const u8 = (): JsonSchema => ({ type: 'integer', format: 'uint8', minimum: 0 });

/** `start_after` / `limit` of the paginated queries. */
export const page = (startAfter: JsonSchema = s.string()): Record<string, Field> => ({
  start_after: optional(startAfter),
  limit: optional(s.u32()),
});

export const DEFINITIONS: Record<string, JsonSchema> = {
  Addr: {
    description: 'A human readable address, validated by the contract that stored it.',
    type: 'string',
  },
  Uint64: {
    description: 'A 64-bit unsigned integer, serialized as a decimal string.',
    type: 'string',
  },
  Timestamp: {
    description: 'Nanoseconds since the Unix epoch, serialized as a decimal string.',
    allOf: [s.ref('Uint64')],
  },
  Empty: {
    description: 'An empty struct: the custom message type of chains without custom messages.',
    type: 'object',
  },
  Coin: struct({ denom: required(s.string()), amount: required(s.uint128()) }),
  Expiration: {
    description: 'When something expires (cw-utils).',
    oneOf: [
      newtypeVariant('at_height', s.u64(), 'At the given block height.'),
      newtypeVariant('at_time', s.ref('Timestamp'), 'At the given block time.'),
      newtypeVariant('never', struct({}), 'Never.'),
    ],
  },
  Duration: {
    description: 'A span of blocks or of seconds (cw-utils).',
    oneOf: [newtypeVariant('height', s.u64()), newtypeVariant('time', s.u64(), 'Seconds.')],
  },
  Cw20Coin: struct({ address: required(s.string()), amount: required(s.uint128()) }),
  Member: struct(
    { addr: required(s.string()), weight: required(s.u64()) },
    'A cw4 group member and its voting weight.',
  ),
  MemberDiff: struct(
    {
      key: required(s.string()),
      old: optional(s.u64()),
      new: optional(s.u64()),
    },
    'One member whose weight changed: old or new is null when it left or joined.',
  ),
  MemberChangedHookMsg: struct(
    { diffs: required(s.array(s.ref('MemberDiff'))) },
    'What a cw4 group sends its hooks when members change.',
  ),
  Threshold: {
    description: 'How a cw3 proposal passes.',
    oneOf: [
      structVariant(
        'absolute_count',
        { weight: required(s.u64()) },
        'Passes once the yes votes reach this total weight.',
      ),
      structVariant(
        'absolute_percentage',
        { percentage: required(s.decimal()) },
        'Passes once the yes votes reach this fraction of the total weight.',
      ),
      structVariant(
        'threshold_quorum',
        { threshold: required(s.decimal()), quorum: required(s.decimal()) },
        'Passes with a quorum of all weight voting and a threshold of yes among those votes.',
      ),
    ],
  },
  ThresholdResponse: {
    description: 'A threshold with the total weight it is measured against.',
    oneOf: [
      structVariant('absolute_count', { weight: required(s.u64()), total_weight: required(s.u64()) }),
      structVariant('absolute_percentage', {
        percentage: required(s.decimal()),
        total_weight: required(s.u64()),
      }),
      structVariant('threshold_quorum', {
        threshold: required(s.decimal()),
        quorum: required(s.decimal()),
        total_weight: required(s.u64()),
      }),
    ],
  },
  Vote: unitVariants(['yes', 'no', 'abstain', 'veto']),
  Status: unitVariants(['pending', 'open', 'rejected', 'passed', 'executed']),
  ...cosmosMsgDefinitions(),
};

/** cosmwasm-std 1.2's `CosmosMsg<Empty>` and everything it refers to. */
function cosmosMsgDefinitions(): Record<string, JsonSchema> {
  const coins = () => required(s.array(s.ref('Coin')));
  return {
    CosmosMsg_for_Empty: {
      oneOf: [
        newtypeVariant('bank', s.ref('BankMsg')),
        newtypeVariant('custom', s.ref('Empty')),
        newtypeVariant('staking', s.ref('StakingMsg')),
        newtypeVariant('distribution', s.ref('DistributionMsg')),
        structVariant(
          'stargate',
          { type_url: required(s.string()), value: required(s.binary()) },
          'A protobuf message by type URL.',
        ),
        newtypeVariant('ibc', s.ref('IbcMsg')),
        newtypeVariant('wasm', s.ref('WasmMsg')),
        newtypeVariant('gov', s.ref('GovMsg')),
      ],
    },
    BankMsg: {
      oneOf: [
        structVariant('send', { to_address: required(s.string()), amount: coins() }),
        structVariant('burn', { amount: coins() }),
      ],
    },
    StakingMsg: {
      oneOf: [
        structVariant('delegate', { validator: required(s.string()), amount: required(s.ref('Coin')) }),
        structVariant('undelegate', { validator: required(s.string()), amount: required(s.ref('Coin')) }),
        structVariant('redelegate', {
          src_validator: required(s.string()),
          dst_validator: required(s.string()),
          amount: required(s.ref('Coin')),
        }),
      ],
    },
    DistributionMsg: {
      oneOf: [
        structVariant('set_withdraw_address', { address: required(s.string()) }),
        structVariant('withdraw_delegator_reward', { validator: required(s.string()) }),
      ],
    },
    IbcMsg: {
      oneOf: [
        structVariant('transfer', {
          channel_id: required(s.string()),
          to_address: required(s.string()),
          amount: required(s.ref('Coin')),
          timeout: required(s.ref('IbcTimeout')),
        }),
        structVariant('send_packet', {
          channel_id: required(s.string()),
          data: required(s.binary()),
          timeout: required(s.ref('IbcTimeout')),
        }),
        structVariant('close_channel', { channel_id: required(s.string()) }),
      ],
    },
    IbcTimeout: struct({
      block: optional(s.ref('IbcTimeoutBlock')),
      timestamp: optional(s.ref('Timestamp')),
    }),
    IbcTimeoutBlock: struct({ revision: required(s.u64()), height: required(s.u64()) }),
    WasmMsg: {
      oneOf: [
        structVariant('execute', {
          contract_addr: required(s.string()),
          msg: required(s.binary()),
          funds: coins(),
        }),
        structVariant('instantiate', {
          admin: optional(s.string()),
          code_id: required(s.u64()),
          msg: required(s.binary()),
          funds: coins(),
          label: required(s.string()),
        }),
        structVariant('migrate', {
          contract_addr: required(s.string()),
          new_code_id: required(s.u64()),
          msg: required(s.binary()),
        }),
        structVariant('update_admin', { contract_addr: required(s.string()), admin: required(s.string()) }),
        structVariant('clear_admin', { contract_addr: required(s.string()) }),
      ],
    },
    GovMsg: {
      oneOf: [structVariant('vote', { proposal_id: required(s.u64()), vote: required(s.ref('VoteOption')) })],
    },
    VoteOption: unitVariants(['yes', 'no', 'abstain', 'no_with_veto']),
  };
}
