import {
  Cw20ReceiveMsg,
  decodeVariant,
  Env,
  Fields,
  JsonValue,
  MessageInfo,
  Response,
  Result,
  unknownVariant,
} from '../../std/assembly/index';
import { ActorField } from './actor';
import {
  updateActiveSetSize,
  updateAddress,
  updateIntervalConfig,
  updateRewardingParams,
  updateStateParams,
} from './admin';
import {
  decreasePledge,
  unbondGateway,
  unbondMixnode,
  updateGatewayConfig,
  updateMixnodeConfig,
  updateMixnodeCostParams,
} from './bonding';
import { undelegate, withdrawDelegatorReward } from './delegation';
import { advanceCurrentEpoch, reconcileEpochEvents } from './epoch';
import { handleReceive } from './receive';
import { reportGatewayPerformance, rewardMixnode, withdrawOperatorReward } from './rewarding';
import { loadState } from './storage';
import { ContractState } from './params';

// Every call without NYM attached (NYM comes in through `receive`, see receive.ts).

const OWNER_ACTIONS = [
  'unbond_mixnode',
  'decrease_pledge',
  'update_mixnode_cost_params',
  'update_mixnode_config',
  'unbond_gateway',
  'update_gateway_config',
  'undelegate_from_mixnode',
  'withdraw_operator_reward',
  'withdraw_delegator_reward',
];

const SYSTEM_ACTIONS = [
  'reward_mixnode',
  'report_gateway_performance',
  'advance_current_epoch',
  'reconcile_epoch_events',
  'update_rewarding_validator_address',
  'update_admin',
  'update_contract_state_params',
  'update_active_set_size',
  'update_rewarding_params',
  'update_interval_config',
];

function variants(): Array<string> {
  const all = ['receive'];
  for (let i = 0; i < OWNER_ACTIONS.length; i++) {
    all.push(OWNER_ACTIONS[i]);
    all.push(OWNER_ACTIONS[i] + '_on_behalf');
  }
  return all.concat(SYSTEM_ACTIONS);
}

/** What node owners and delegators do, themselves or (`…_on_behalf`) through the vesting contract. */
function ownerAction(
  env: Env,
  state: ContractState,
  sender: string,
  base: string,
  onBehalf: bool,
  f: Fields,
): Result<Response> {
  const who = new ActorField(f, onBehalf, base === 'undelegate_from_mixnode' ? 'delegate' : 'owner');
  if (base === 'unbond_mixnode') return unbondMixnode(env, state, sender, who, f);
  if (base === 'decrease_pledge') return decreasePledge(env, state, sender, who, f);
  if (base === 'update_mixnode_cost_params') return updateMixnodeCostParams(env, state, sender, who, f);
  if (base === 'update_mixnode_config') return updateMixnodeConfig(state, sender, who, f);
  if (base === 'unbond_gateway') return unbondGateway(state, sender, who, f);
  if (base === 'update_gateway_config') return updateGatewayConfig(state, sender, who, f);
  if (base === 'undelegate_from_mixnode') return undelegate(env, state, sender, who, f);
  if (base === 'withdraw_operator_reward') return withdrawOperatorReward(state, sender, who, f);
  return withdrawDelegatorReward(state, sender, who, f);
}

/** What the rewarding validator and the contract owner do. */
function systemAction(
  env: Env,
  state: ContractState,
  sender: string,
  name: string,
  f: Fields,
): Result<Response> {
  if (name === 'reward_mixnode' || name === 'report_gateway_performance') {
    const isMixnode = name === 'reward_mixnode';
    const mixId = isMixnode ? f.u32('mix_id') : 0;
    const identity = isMixnode ? '' : f.string('identity');
    const performance = f.decimal('performance');
    const problem = f.finish();
    if (problem !== null) return Result.err<Response>(problem);
    if (isMixnode) return rewardMixnode(env, state, sender, mixId, performance);
    return reportGatewayPerformance(env, state, sender, identity, performance);
  }
  if (name === 'advance_current_epoch') {
    const randomness = f.binary('randomness');
    const problem = f.finish();
    if (problem !== null) return Result.err<Response>(problem);
    return advanceCurrentEpoch(env, state, sender, randomness);
  }
  if (name === 'reconcile_epoch_events') {
    const limit = f.has('limit') ? (f.u32('limit') as i32) : -1;
    const problem = f.finish();
    if (problem !== null) return Result.err<Response>(problem);
    return reconcileEpochEvents(env, state, sender, limit);
  }
  if (name === 'update_rewarding_validator_address' || name === 'update_admin') {
    const address = f.string(name === 'update_admin' ? 'admin' : 'address');
    const problem = f.finish();
    if (problem !== null) return Result.err<Response>(problem);
    return updateAddress(state, sender, name, address);
  }
  if (name === 'update_contract_state_params') return updateStateParams(state, sender, f);
  if (name === 'update_active_set_size') return updateActiveSetSize(env, state, sender, f);
  if (name === 'update_rewarding_params') return updateRewardingParams(env, state, sender, f);
  return updateIntervalConfig(env, state, sender, f);
}

export function execute(env: Env, info: MessageInfo, msg: JsonValue): Result<Response> {
  const variant = decodeVariant(msg, 'ExecuteMsg');
  if (variant.isErr) return variant.cast<Response>();
  const name = variant.value.name;
  if (info.funds.length > 0)
    return Result.err<Response>(
      'This contract takes NYM through the token contract (cw20 Send), not as funds',
    );
  if (name === 'receive') {
    const hook = Cw20ReceiveMsg.decode(variant.value.body);
    if (hook.isErr) return hook.cast<Response>();
    return handleReceive(env, info.sender, hook.value);
  }
  const f = new Fields(variant.value.body, 'ExecuteMsg::' + name);
  const onBehalf = name.endsWith('_on_behalf');
  const base = onBehalf ? name.substring(0, name.length - '_on_behalf'.length) : name;
  if (OWNER_ACTIONS.includes(base)) return ownerAction(env, loadState(), info.sender, base, onBehalf, f);
  if (SYSTEM_ACTIONS.includes(name)) return systemAction(env, loadState(), info.sender, name, f);
  return Result.err<Response>(unknownVariant('ExecuteMsg', name, variants()));
}
