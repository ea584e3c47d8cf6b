import {
  cw20Send,
  cw20Transfer,
  Cw20ReceiveMsg,
  decodeVariant,
  Env,
  Fields,
  JsonValue,
  JsonWriter,
  Key,
  MessageInfo,
  Response,
  Result,
  Uint128,
  unknownVariant,
  WasmExecute,
} from '../../std/assembly/index';
import { checkAddress, loadConfig, requireAdmin, stakingAccount } from './auth';
import { handleReceive } from './receive';
import { pledgeCapAmount, spendable } from './schedule';
import {
  Account,
  ACCOUNTS,
  CONFIG,
  DELEGATIONS,
  delegationKey,
  loadAccount,
  PledgeCap,
  saveAccount,
} from './state';

const VARIANTS = [
  'receive',
  'withdraw_vested_coins',
  'transfer_ownership',
  'update_staking_address',
  'update_locked_pledge_cap',
  'update_admin',
  'update_mixnet_address',
  'delegate_to_mixnode',
  'bond_mixnode',
  'bond_gateway',
  'pledge_more',
  'undelegate_from_mixnode',
  'unbond_mixnode',
  'unbond_gateway',
  'decrease_pledge',
  'update_mixnode_cost_params',
  'update_mixnode_config',
  'update_gateway_config',
  'claim_operator_reward',
  'claim_delegator_reward',
];
const STAKING_WITH_NYM = ['delegate_to_mixnode', 'bond_mixnode', 'bond_gateway', 'pledge_more'];

function withdraw(env: Env, sender: string, amount: Uint128): Result<Response> {
  const loaded = loadAccount(sender);
  if (loaded.isErr) return loaded.cast<Response>();
  const account = loaded.value;
  if (amount.isZero) return Result.err<Response>('The amount to withdraw must be positive');
  const available = spendable(account, env.block.timeSeconds);
  if (available.isZero) return Result.err<Response>('Nothing to withdraw: no vested NYM is spendable yet');
  if (amount.gt(available)) {
    return Result.err<Response>(
      'Insufficient spendable balance: asked for ' +
        amount.toString() +
        ' unym, ' +
        available.toString() +
        ' unym is spendable',
    );
  }
  account.balance = account.balance.sub(amount);
  account.withdrawn = account.withdrawn.add(amount);
  saveAccount(account);
  return Result.ok<Response>(
    new Response()
      .addMessage(cw20Transfer(loadConfig().tokenAddress, account.owner, amount))
      .addAttribute('action', 'withdraw_vested_coins')
      .addAttribute('owner', account.owner)
      .addAttribute('amount', amount.toString()),
  );
}

function transferOwnership(sender: string, to: string): Result<Response> {
  const valid = checkAddress('to_address', to);
  if (valid.isErr) return valid.cast<Response>();
  const loaded = loadAccount(sender);
  if (loaded.isErr) return loaded.cast<Response>();
  if (ACCOUNTS.has(Key.str(to))) return Result.err<Response>('Account already exists: ' + to);
  const account = loaded.value;
  // The mixnet contract returns stake to the owner it was staked for, so the owner must not change.
  if (!account.delegated.isZero || !account.pledged.isZero) {
    return Result.err<Response>(
      'Account ' +
        sender +
        ' has NYM staked through the mixnet contract; unstake it before transferring ownership',
    );
  }
  ACCOUNTS.remove(Key.str(sender));
  account.owner = to;
  saveAccount(account);
  return Result.ok<Response>(
    new Response()
      .addAttribute('action', 'transfer_ownership')
      .addAttribute('from', sender)
      .addAttribute('to', to),
  );
}

function updateStakingAddress(sender: string, to: string | null): Result<Response> {
  if (to !== null) {
    const valid = checkAddress('to_address', to);
    if (valid.isErr) return valid.cast<Response>();
  }
  const loaded = loadAccount(sender);
  if (loaded.isErr) return loaded.cast<Response>();
  loaded.value.stakingAddress = to;
  saveAccount(loaded.value);
  return Result.ok<Response>(
    new Response()
      .addAttribute('action', 'update_staking_address')
      .addAttribute('owner', sender)
      .addAttribute('staking_address', to !== null ? to : ''),
  );
}

function adminUpdate(sender: string, name: string, f: Fields): Result<Response> {
  const config = loadConfig();
  if (name === 'update_locked_pledge_cap') {
    const address = f.string('address');
    const cap = PledgeCap.decode(f.value('cap'));
    const problem = f.finish();
    if (problem !== null) return Result.err<Response>(problem);
    const unauthorized = requireAdmin(config, sender);
    if (unauthorized !== null) return Result.err<Response>(unauthorized);
    if (cap.isErr) return cap.cast<Response>();
    const loaded = loadAccount(address);
    if (loaded.isErr) return loaded.cast<Response>();
    loaded.value.pledgeCap = cap.value;
    saveAccount(loaded.value);
    return Result.ok<Response>(new Response().addAttribute('action', name).addAttribute('owner', address));
  }
  const field = name === 'update_admin' ? 'admin' : 'address';
  const address = f.string(field);
  const problem = f.finish();
  if (problem !== null) return Result.err<Response>(problem);
  const unauthorized = requireAdmin(config, sender);
  if (unauthorized !== null) return Result.err<Response>(unauthorized);
  const valid = checkAddress(field, address);
  if (valid.isErr) return valid.cast<Response>();
  if (name === 'update_admin') config.admin = address;
  else config.mixnetAddress = address;
  CONFIG.save(config);
  return Result.ok<Response>(new Response().addAttribute('action', name).addAttribute(field, address));
}

function mixnetAddress(): Result<string> {
  const mixnet = loadConfig().mixnetAddress;
  if (mixnet === null) return Result.err<string>('No mixnet contract is configured yet');
  return Result.ok<string>(mixnet);
}

/** The JSON `{"<name>": {...fields, "<ownerField>": owner}}` sent to the mixnet contract. */
function onBehalf(name: string, ownerField: string, owner: string, extra: JsonValue | null): Uint8Array {
  const w = new JsonWriter();
  w.beginObject().key(name).beginObject();
  if (extra !== null) {
    for (let i = 0; i < extra.keys.length; i++) w.key(extra.keys[i]).value(extra.items[i]);
  }
  w.key(ownerField).string(owner);
  w.endObject().endObject();
  return w.toBytes();
}

function mixIdField(mixId: u32): JsonValue {
  return JsonValue.object().set('mix_id', JsonValue.number(mixId.toString()));
}

/** Moves `amount` of the account's NYM to the mixnet contract with `message`. */
function stake(account: Account, amount: Uint128, mixnet: string, message: Uint8Array): Result<Response> {
  if (amount.isZero) return Result.err<Response>('The amount to stake must be positive');
  if (amount.gt(account.balance)) {
    return Result.err<Response>(
      'Insufficient balance: asked to stake ' +
        amount.toString() +
        ' unym, the account holds ' +
        account.balance.toString(),
    );
  }
  account.balance = account.balance.sub(amount);
  return Result.ok<Response>(
    new Response().addMessage(cw20Send(loadConfig().tokenAddress, mixnet, amount, message)),
  );
}

function delegate(account: Account, mixId: u32, amount: Uint128, mixnet: string): Result<Response> {
  const message = onBehalf('delegate_to_mixnode_on_behalf', 'delegate', account.owner, mixIdField(mixId));
  const staked = stake(account, amount, mixnet, message);
  if (staked.isErr) return staked;
  const key = delegationKey(account, mixId);
  const previous = DELEGATIONS.mayLoad(key);
  DELEGATIONS.save(key, previous !== null ? previous.add(amount) : amount);
  account.delegated = account.delegated.add(amount);
  saveAccount(account);
  return Result.ok<Response>(
    staked.value
      .addAttribute('action', 'delegate_to_mixnode')
      .addAttribute('owner', account.owner)
      .addAttribute('mix_id', mixId.toString())
      .addAttribute('amount', amount.toString()),
  );
}

function pledge(
  account: Account,
  amount: Uint128,
  mixnet: string,
  name: string,
  extra: JsonValue | null,
): Result<Response> {
  const cap = pledgeCapAmount(account);
  if (cap.isErr) return cap.cast<Response>();
  const total = account.pledged.checkedAdd(amount);
  if (total.isErr) return total.cast<Response>();
  if (total.value.gt(cap.value)) {
    return Result.err<Response>(
      'Locked pledge cap reached: pledging ' +
        total.value.toString() +
        ' unym exceeds the cap of ' +
        cap.value.toString(),
    );
  }
  const staked = stake(account, amount, mixnet, onBehalf(name + '_on_behalf', 'owner', account.owner, extra));
  if (staked.isErr) return staked;
  account.pledged = total.value;
  saveAccount(account);
  return Result.ok<Response>(
    staked.value
      .addAttribute('action', name)
      .addAttribute('owner', account.owner)
      .addAttribute('amount', amount.toString()),
  );
}

/** Staking that moves the account's NYM to the mixnet contract (cw20 Send with `…_on_behalf`). */
function stakeNym(info: MessageInfo, name: string, f: Fields): Result<Response> {
  const onBehalfOf = f.optionalString('on_behalf_of');
  const amount = f.uint128('amount');
  const mixId = name === 'delegate_to_mixnode' ? f.u32('mix_id') : 0;
  let bond: JsonValue | null = null;
  if (name === 'bond_mixnode')
    bond = JsonValue.object().set('mix_node', f.value('mix_node')).set('cost_params', f.value('cost_params'));
  else if (name === 'bond_gateway') bond = JsonValue.object().set('gateway', f.value('gateway'));
  if (bond !== null) bond.set('owner_signature', JsonValue.string(f.string('owner_signature')));
  const problem = f.finish();
  if (problem !== null) return Result.err<Response>(problem);
  const mixnet = mixnetAddress();
  if (mixnet.isErr) return mixnet.cast<Response>();
  const loaded = stakingAccount(info.sender, onBehalfOf);
  if (loaded.isErr) return loaded.cast<Response>();
  const account = loaded.value;
  if (name === 'delegate_to_mixnode') return delegate(account, mixId, amount, mixnet.value);
  if (name === 'pledge_more') {
    if (account.pledged.isZero)
      return Result.err<Response>('Account ' + account.owner + ' has no bonded mix node');
    return pledge(account, amount, mixnet.value, name, null);
  }
  // One node per owner, as the mixnet contract has it.
  if (!account.pledged.isZero)
    return Result.err<Response>('Account ' + account.owner + ' already has a bonded node');
  return pledge(account, amount, mixnet.value, name, bond);
}

/** The mixnet contract's name for what a vesting message asks of it. */
function mixnetMessage(name: string): string {
  if (name === 'claim_operator_reward') return 'withdraw_operator_reward_on_behalf';
  if (name === 'claim_delegator_reward') return 'withdraw_delegator_reward_on_behalf';
  return name + '_on_behalf';
}

/**
 * Calls on the mixnet contract for the account. NYM it returns (undelegations, unbonding, pledge
 * decreases, rewards) comes back later through the token with a track_* message.
 */
function askMixnet(info: MessageInfo, name: string, f: Fields): Result<Response> {
  const onBehalfOf = f.optionalString('on_behalf_of');
  const hasMix = name === 'undelegate_from_mixnode' || name === 'claim_delegator_reward';
  const mixId = hasMix ? f.u32('mix_id') : 0;
  const extra = hasMix ? mixIdField(mixId) : JsonValue.object();
  const decrease = name === 'decrease_pledge' ? f.uint128('amount') : Uint128.zero();
  if (name === 'decrease_pledge') extra.set('decrease_by', JsonValue.string(decrease.toString()));
  if (name === 'update_mixnode_cost_params') extra.set('new_costs', f.value('new_costs'));
  if (name === 'update_mixnode_config' || name === 'update_gateway_config')
    extra.set('new_config', f.value('new_config'));
  const problem = f.finish();
  if (problem !== null) return Result.err<Response>(problem);
  const mixnet = mixnetAddress();
  if (mixnet.isErr) return mixnet.cast<Response>();
  const loaded = stakingAccount(info.sender, onBehalfOf);
  if (loaded.isErr) return loaded.cast<Response>();
  const account = loaded.value;
  const refused = checkAsk(account, name, mixId, decrease);
  if (refused !== null) return Result.err<Response>(refused);
  const ownerField = name === 'undelegate_from_mixnode' ? 'delegate' : 'owner';
  return Result.ok<Response>(
    new Response()
      .addMessage(
        new WasmExecute(mixnet.value, onBehalf(mixnetMessage(name), ownerField, account.owner, extra)),
      )
      .addAttribute('action', name)
      .addAttribute('owner', account.owner),
  );
}

function checkAsk(account: Account, name: string, mixId: u32, decrease: Uint128): string | null {
  if (name === 'undelegate_from_mixnode') {
    if (!DELEGATIONS.has(delegationKey(account, mixId)))
      return 'No delegation of ' + account.owner + ' to mix node ' + mixId.toString();
    return null;
  }
  const needsBond = name === 'unbond_mixnode' || name === 'unbond_gateway' || name === 'decrease_pledge';
  if (needsBond && account.pledged.isZero)
    return (
      'Account ' + account.owner + ' has no bonded ' + (name === 'unbond_gateway' ? 'gateway' : 'mix node')
    );
  if (name === 'decrease_pledge' && (decrease.isZero || decrease.ge(account.pledged)))
    return (
      'The pledge decrease must be positive and below the pledge of ' + account.pledged.toString() + ' unym'
    );
  return null;
}

export function execute(env: Env, info: MessageInfo, msg: JsonValue): Result<Response> {
  const variant = decodeVariant(msg, 'ExecuteMsg');
  if (variant.isErr) return variant.cast<Response>();
  const name = variant.value.name;
  const f = new Fields(variant.value.body, 'ExecuteMsg::' + name);
  if (name === 'receive') {
    const hook = Cw20ReceiveMsg.decode(variant.value.body);
    if (hook.isErr) return hook.cast<Response>();
    return handleReceive(env, info.sender, hook.value);
  }
  if (name === 'withdraw_vested_coins') {
    const amount = f.uint128('amount');
    const problem = f.finish();
    if (problem !== null) return Result.err<Response>(problem);
    return withdraw(env, info.sender, amount);
  }
  if (name === 'transfer_ownership') {
    const to = f.string('to_address');
    const problem = f.finish();
    if (problem !== null) return Result.err<Response>(problem);
    return transferOwnership(info.sender, to);
  }
  if (name === 'update_staking_address') {
    const to = f.optionalString('to_address');
    const problem = f.finish();
    if (problem !== null) return Result.err<Response>(problem);
    return updateStakingAddress(info.sender, to);
  }
  if (name === 'update_locked_pledge_cap' || name === 'update_admin' || name === 'update_mixnet_address') {
    return adminUpdate(info.sender, name, f);
  }
  if (STAKING_WITH_NYM.includes(name)) return stakeNym(info, name, f);
  if (VARIANTS.includes(name)) return askMixnet(info, name, f);
  return Result.err<Response>(unknownVariant('ExecuteMsg', name, VARIANTS));
}
