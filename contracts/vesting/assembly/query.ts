import {
  Bound,
  decodeVariant,
  Env,
  Fields,
  fromUtf8,
  jsonAnswer,
  JsonValue,
  JsonWriter,
  Key,
  Order,
  pageLimit,
  Result,
  Uint128,
  unknownVariant,
} from '../../std/assembly/index';
import { loadConfig } from './auth';
import { currentPeriod, endTime, locked, spendable, vested, vestedAfter, vesting } from './schedule';
import { Account, ACCOUNT_CODEC, ACCOUNTS, DELEGATIONS, delegationKey, loadAccount } from './state';

const VARIANTS = [
  'get_config',
  'get_account',
  'get_accounts_paged',
  'get_vested_coins',
  'get_vesting_coins',
  'locked_coins',
  'spendable_coins',
  'get_delegated_coins',
  'get_pledged_coins',
  'get_withdrawn_coins',
  'get_original_vesting',
  'get_current_vesting_period',
  'get_vesting_schedule',
  'get_account_summary',
  'get_locked_pledge_cap',
  'get_delegation',
];
const DEFAULT_PAGE: u32 = 50;
const MAX_PAGE: u32 = 100;

function amountAnswer(amount: Uint128): Result<Uint8Array> {
  const w = new JsonWriter();
  w.beginObject().key('amount').string(amount.toString()).endObject();
  return jsonAnswer(w);
}

function writeConfig(w: JsonWriter): void {
  const config = loadConfig();
  w.beginObject().key('admin').string(config.admin).key('token_address').string(config.tokenAddress);
  w.key('mixnet_contract_address');
  const mixnet = config.mixnetAddress;
  if (mixnet === null) w.nullValue();
  else w.string(mixnet);
  w.endObject();
}

function writePeriod(w: JsonWriter, account: Account, time: u64): void {
  const period = currentPeriod(account, time);
  if (period < 0) w.string('before');
  else if (period >= (account.numPeriods as i64)) w.string('after');
  else
    w.beginObject()
      .key('in')
      .u64(period as u64)
      .endObject();
}

function writeSchedule(w: JsonWriter, account: Account): void {
  w.beginObject().key('start_time').u64(account.startTime).key('end_time').u64(endTime(account));
  w.key('periods').beginArray();
  for (let i: u64 = 0; i < account.numPeriods; i++) {
    const start = account.startTime + i * account.periodSeconds;
    w.beginObject()
      .key('start_time')
      .u64(start)
      .key('end_time')
      .u64(start + account.periodSeconds);
    w.key('vested_at_end')
      .string(vestedAfter(account, i + 1).toString())
      .endObject();
  }
  w.endArray().endObject();
}

function writeSummary(w: JsonWriter, account: Account, time: u64): void {
  w.beginObject().key('owner_address').string(account.owner).key('block_time').u64(time);
  w.key('original')
    .string(account.original.toString())
    .key('vested')
    .string(vested(account, time).toString());
  w.key('vesting')
    .string(vesting(account, time).toString())
    .key('locked')
    .string(locked(account, time).toString());
  w.key('spendable')
    .string(spendable(account, time).toString())
    .key('balance')
    .string(account.balance.toString());
  w.key('withdrawn')
    .string(account.withdrawn.toString())
    .key('delegated')
    .string(account.delegated.toString());
  w.key('pledged').string(account.pledged.toString()).key('current_period');
  writePeriod(w, account, time);
  w.endObject();
}

function accountsPaged(f: Fields): Result<Uint8Array> {
  const startAfter = f.optionalString('start_next_after');
  const limit = pageLimit(f.optionalU64('limit', 0) as u32, f.has('limit'), DEFAULT_PAGE, MAX_PAGE);
  const problem = f.finish();
  if (problem !== null) return Result.err<Uint8Array>(problem);
  const bound = startAfter !== null ? Bound.exclusive(Key.str(startAfter)) : null;
  const entries = ACCOUNTS.range(bound, null, Order.Ascending, limit);
  const w = new JsonWriter().beginObject().key('accounts').beginArray();
  for (let i = 0; i < entries.length; i++) {
    w.beginObject()
      .key('account_id')
      .u64(entries[i].value.id)
      .key('owner')
      .string(entries[i].value.owner)
      .endObject();
  }
  w.endArray().key('start_next_after');
  if (entries.length === limit && limit > 0) w.string(fromUtf8(entries[entries.length - 1].key));
  else w.nullValue();
  return jsonAnswer(w.endObject());
}

// Nym names the account `vesting_account_address` in the amount queries and `address` elsewhere.
const QUERIES_BY_ADDRESS = [
  'get_account',
  'get_current_vesting_period',
  'get_vesting_schedule',
  'get_account_summary',
  'get_locked_pledge_cap',
  'get_delegation',
];

/** Queries about one account, some of them at a given `block_time` (seconds; default now). */
function accountQuery(env: Env, name: string, f: Fields): Result<Uint8Array> {
  const address = f.string(QUERIES_BY_ADDRESS.includes(name) ? 'address' : 'vesting_account_address');
  const timed =
    name === 'get_vested_coins' ||
    name === 'get_vesting_coins' ||
    name === 'locked_coins' ||
    name === 'spendable_coins' ||
    name === 'get_current_vesting_period' ||
    name === 'get_account_summary';
  const time = timed ? f.optionalU64('block_time', env.block.timeSeconds) : env.block.timeSeconds;
  const mixId = name === 'get_delegation' ? f.u32('mix_id') : 0;
  const problem = f.finish();
  if (problem !== null) return Result.err<Uint8Array>(problem);
  const loaded = loadAccount(address);
  if (loaded.isErr) return loaded.cast<Uint8Array>();
  const account = loaded.value;
  if (name === 'get_vested_coins') return amountAnswer(vested(account, time));
  if (name === 'get_vesting_coins') return amountAnswer(vesting(account, time));
  if (name === 'locked_coins') return amountAnswer(locked(account, time));
  if (name === 'spendable_coins') return amountAnswer(spendable(account, time));
  if (name === 'get_delegated_coins') return amountAnswer(account.delegated);
  if (name === 'get_pledged_coins') return amountAnswer(account.pledged);
  if (name === 'get_withdrawn_coins') return amountAnswer(account.withdrawn);
  if (name === 'get_original_vesting') return amountAnswer(account.original);
  if (name === 'get_delegation') {
    const delegation = DELEGATIONS.mayLoad(delegationKey(account, mixId));
    return amountAnswer(delegation !== null ? delegation : Uint128.zero());
  }
  if (name === 'get_account') return Result.ok<Uint8Array>(ACCOUNT_CODEC.encode(account));
  const w = new JsonWriter();
  if (name === 'get_current_vesting_period') writePeriod(w, account, time);
  else if (name === 'get_vesting_schedule') writeSchedule(w, account);
  else if (name === 'get_account_summary') writeSummary(w, account, time);
  else account.pledgeCap.write(w);
  return jsonAnswer(w);
}

export function query(env: Env, msg: JsonValue): Result<Uint8Array> {
  const variant = decodeVariant(msg, 'QueryMsg');
  if (variant.isErr) return variant.cast<Uint8Array>();
  const name = variant.value.name;
  const f = new Fields(variant.value.body, 'QueryMsg::' + name);
  if (name === 'get_config') {
    const problem = f.finish();
    if (problem !== null) return Result.err<Uint8Array>(problem);
    const w = new JsonWriter();
    writeConfig(w);
    return jsonAnswer(w);
  }
  if (name === 'get_accounts_paged') return accountsPaged(f);
  if (VARIANTS.includes(name)) return accountQuery(env, name, f);
  return Result.err<Uint8Array>(unknownVariant('QueryMsg', name, VARIANTS));
}
