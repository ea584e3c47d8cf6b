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
  'undelegate_from_mixnode',
  'bond_mixnode',
  'pledge_more',
  'unbond_mixnode',
];

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

function staking(info: MessageInfo, name: string, f: Fields): Result<Response> {
  const onBehalfOf = f.optionalString('on_behalf_of');
  const needsAmount = name === 'delegate_to_mixnode' || name === 'bond_mixnode' || name === 'pledge_more';
  const amount = needsAmount ? f.uint128('amount') : Uint128.zero();
  const needsMix = name === 'delegate_to_mixnode' || name === 'undelegate_from_mixnode';
  const mixId = needsMix ? f.u32('mix_id') : 0;
  let bond: JsonValue | null = null;
  if (name === 'bond_mixnode') {
    bond = JsonValue.object()
      .set('mix_node', f.value('mix_node'))
      .set('cost_params', f.value('cost_params'))
      .set('owner_signature', JsonValue.string(f.string('owner_signature')));
  }
  const problem = f.finish();
  if (problem !== null) return Result.err<Response>(problem);
  const mixnet = mixnetAddress();
  if (mixnet.isErr) return mixnet.cast<Response>();
  const loaded = stakingAccount(info.sender, onBehalfOf);
  if (loaded.isErr) return loaded.cast<Response>();
  const account = loaded.value;

  if (name === 'delegate_to_mixnode') return delegate(account, mixId, amount, mixnet.value);
  if (name === 'bond_mixnode') {
    if (!account.pledged.isZero)
      return Result.err<Response>('Account ' + account.owner + ' already has a bonded mix node');
    return pledge(account, amount, mixnet.value, 'bond_mixnode', bond);
  }
  if (name === 'pledge_more') {
    if (account.pledged.isZero)
      return Result.err<Response>('Account ' + account.owner + ' has no bonded mix node');
    return pledge(account, amount, mixnet.value, 'pledge_more', null);
  }
  // Undelegating and unbonding return NYM later, through the mixnet contract's track_* callbacks.
  let message: Uint8Array;
  if (name === 'undelegate_from_mixnode') {
    if (!DELEGATIONS.has(delegationKey(account, mixId))) {
      return Result.err<Response>('No delegation of ' + account.owner + ' to mix node ' + mixId.toString());
    }
    message = onBehalf('undelegate_from_mixnode_on_behalf', 'delegate', account.owner, mixIdField(mixId));
  } else {
    if (account.pledged.isZero)
      return Result.err<Response>('Account ' + account.owner + ' has no bonded mix node');
    message = onBehalf('unbond_mixnode_on_behalf', 'owner', account.owner, null);
  }
  return Result.ok<Response>(
    new Response()
      .addMessage(new WasmExecute(mixnet.value, message))
      .addAttribute('action', name)
      .addAttribute('owner', account.owner),
  );
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
  if (VARIANTS.includes(name)) return staking(info, name, f);
  return Result.err<Response>(unknownVariant('ExecuteMsg', name, VARIANTS));
}
