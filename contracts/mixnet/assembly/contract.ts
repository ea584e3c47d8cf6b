// nymts mixnet: the network's directory and economy — bonding mix nodes and gateways with NYM (a
// cw20 token), delegations, epochs and intervals, the rewarded set with its layers, performance
// reports and Nym's reward model. Semantics follow Nym's mixnet contract; see contracts/README.md.
import {
  Decimal,
  Env,
  Event,
  Fields,
  JsonValue,
  MessageInfo,
  Response,
  Result,
  runExecute,
  runInstantiate,
  runMigrate,
  runQuery,
  Uint128,
} from '../../std/assembly/index';
import { checkIntervalConfig, initialRewardingParams } from './admin';
import { checkAddress } from './common';
import { execute as handleExecute } from './execute';
import { ContractState, EventCounters, Interval, RewardedSetMetadata, StateParams } from './params';
import { query as handleQuery } from './query';
import {
  COUNTERS,
  INTERVAL,
  REWARD_POOL_CHANGE,
  REWARDED_SET_METADATA,
  REWARDING_PARAMS,
  STATE,
} from './storage';

export { allocate, deallocate, interface_version_8, requires_iterator } from '../../std/assembly/index';

/** 100 NYM, Nym's default minimum pledge. */
const DEFAULT_MINIMUM_PLEDGE: u64 = 100000000;

function minimum(f: Fields, field: string): Uint128 {
  const value = f.optionalUint128(field);
  return value !== null ? value : Uint128.fromU64(DEFAULT_MINIMUM_PLEDGE);
}

function handleInstantiate(env: Env, info: MessageInfo, msg: JsonValue): Result<Response> {
  const f = new Fields(msg, 'InstantiateMsg');
  const validator = f.string('rewarding_validator_address');
  const vesting = f.string('vesting_contract_address');
  const token = f.string('token_address');
  const epochs = f.u32('epochs_in_interval');
  const epochSeconds = f.u64('epoch_duration_secs');
  const rewardingJson = f.value('initial_rewarding_params');
  const params = new StateParams(
    f.optionalUint128('minimum_mixnode_delegation'),
    minimum(f, 'minimum_mixnode_pledge'),
    minimum(f, 'minimum_gateway_pledge'),
  );
  const problem = f.finish();
  if (problem !== null) return Result.err<Response>(problem);
  const fields = ['rewarding_validator_address', 'vesting_contract_address', 'token_address'];
  const addresses = [validator, vesting, token];
  for (let i = 0; i < addresses.length; i++) {
    const valid = checkAddress(fields[i], addresses[i]);
    if (valid.isErr) return valid.cast<Response>();
  }
  const invalidInterval = checkIntervalConfig(epochs, epochSeconds);
  if (invalidInterval !== null) return Result.err<Response>(invalidInterval);
  if (params.minimumMixnodePledge.isZero || params.minimumGatewayPledge.isZero)
    return Result.err<Response>('Minimum pledges must be positive');
  const rewarding = initialRewardingParams(rewardingJson, epochs);
  if (rewarding.isErr) return rewarding.cast<Response>();

  STATE.save(new ContractState(info.sender, validator, vesting, token, params));
  INTERVAL.save(new Interval(0, epochs, env.block.timeSeconds, 0, epochSeconds, 0));
  REWARDING_PARAMS.save(rewarding.value);
  REWARD_POOL_CHANGE.save(Decimal.zero());
  COUNTERS.save(new EventCounters(0, 0, 0, 0));
  REWARDED_SET_METADATA.save(new RewardedSetMetadata(0, 0, 0, 0, 0, 0, ''));
  return Result.ok<Response>(
    new Response()
      .addAttribute('action', 'instantiate')
      .addEvent(
        new Event('mixnet_instantiate')
          .add('owner', info.sender)
          .add('rewarding_validator', validator)
          .add('token', token)
          .add('epoch_reward_budget', rewarding.value.epochRewardBudget.toString())
          .add('stake_saturation_point', rewarding.value.stakeSaturationPoint.toString()),
      ),
  );
}

function handleMigrate(_env: Env, msg: JsonValue): Result<Response> {
  const problem = new Fields(msg, 'MigrateMsg').finish();
  if (problem !== null) return Result.err<Response>(problem);
  return Result.ok<Response>(new Response().addAttribute('action', 'migrate'));
}

export function instantiate(env: u32, info: u32, msg: u32): u32 {
  return runInstantiate(env, info, msg, handleInstantiate);
}

export function execute(env: u32, info: u32, msg: u32): u32 {
  return runExecute(env, info, msg, handleExecute);
}

export function query(env: u32, msg: u32): u32 {
  return runQuery(env, msg, handleQuery);
}

export function migrate(env: u32, msg: u32): u32 {
  return runMigrate(env, msg, handleMigrate);
}
