import {
  Cw20ReceiveMsg,
  decodeVariant,
  Env,
  Fields,
  Key,
  parseJson,
  Response,
  Result,
  Uint128,
  unknownVariant,
} from '../../std/assembly/index';
import { checkAddress, loadConfig, requireAdmin } from './auth';
import { endTime } from './schedule';
import {
  Account,
  ACCOUNTS,
  Config,
  DELEGATIONS,
  delegationKey,
  loadAccount,
  NEXT_ACCOUNT_ID,
  PledgeCap,
  saveAccount,
} from './state';

// NYM arrives through the token's cw20 `Send`: from the admin to open an account, and from the
// mixnet contract when staked NYM (and rewards) come back.

const DEFAULT_PERIOD_SECONDS: u64 = 3 * 30 * 86400;
const DEFAULT_NUM_PERIODS: u64 = 8;
const RECEIVE_VARIANTS = [
  'create_account',
  'track_undelegation',
  'track_unbond',
  'track_decrease_pledge',
  'track_reward',
];

function createAccount(env: Env, config: Config, hook: Cw20ReceiveMsg, f: Fields): Result<Response> {
  const owner = f.string('owner_address');
  const staking = f.optionalString('staking_address');
  const spec = f.optionalValue('vesting_spec');
  const capValue = f.optionalValue('cap');
  const problem = f.finish();
  if (problem !== null) return Result.err<Response>(problem);
  const unauthorized = requireAdmin(config, hook.sender);
  if (unauthorized !== null) return Result.err<Response>(unauthorized);
  const ownerValid = checkAddress('owner_address', owner);
  if (ownerValid.isErr) return ownerValid.cast<Response>();
  if (staking !== null) {
    const stakingValid = checkAddress('staking_address', staking);
    if (stakingValid.isErr) return stakingValid.cast<Response>();
  }
  if (ACCOUNTS.has(Key.str(owner))) return Result.err<Response>('Account already exists: ' + owner);
  if (hook.amount.isZero) return Result.err<Response>('A vesting account needs a non-zero amount');

  let startTime = env.block.timeSeconds;
  let periodSeconds = DEFAULT_PERIOD_SECONDS;
  let numPeriods = DEFAULT_NUM_PERIODS;
  if (spec !== null) {
    const s = new Fields(spec, 'VestingSpecification');
    startTime = s.optionalU64('start_time', startTime);
    periodSeconds = s.optionalU64('period_seconds', periodSeconds);
    numPeriods = s.optionalU64('num_periods', numPeriods);
    const specProblem = s.finish();
    if (specProblem !== null) return Result.err<Response>(specProblem);
  }
  if (periodSeconds === 0 || numPeriods === 0) {
    return Result.err<Response>('A vesting schedule needs at least one period of at least one second');
  }
  if (periodSeconds > (U64.MAX_VALUE - startTime) / numPeriods) {
    return Result.err<Response>('The vesting schedule ends beyond the representable time');
  }
  let cap = PledgeCap.defaultCap();
  if (capValue !== null) {
    const decoded = PledgeCap.decode(capValue);
    if (decoded.isErr) return decoded.cast<Response>();
    cap = decoded.value;
  }

  const id = NEXT_ACCOUNT_ID.exists() ? NEXT_ACCOUNT_ID.load().value : 1;
  NEXT_ACCOUNT_ID.save(id + 1);
  const account = new Account(
    id,
    owner,
    staking,
    startTime,
    periodSeconds,
    numPeriods,
    hook.amount,
    hook.amount,
    Uint128.zero(),
    Uint128.zero(),
    Uint128.zero(),
    cap,
  );
  saveAccount(account);
  return Result.ok<Response>(
    new Response()
      .addAttribute('action', 'create_account')
      .addAttribute('owner', owner)
      .addAttribute('account_id', id.toString())
      .addAttribute('amount', hook.amount.toString())
      .addAttribute('start_time', startTime.toString())
      .addAttribute('end_time', endTime(account).toString()),
  );
}

/** The account a mixnet callback names; the callback must come from the mixnet contract. */
function callbackAccount(config: Config, hook: Cw20ReceiveMsg, owner: string): Result<Account> {
  const mixnet = config.mixnetAddress;
  if (mixnet === null || hook.sender !== mixnet) {
    return Result.err<Account>('Unauthorized: ' + hook.sender + ' is not the mixnet contract');
  }
  return loadAccount(owner);
}

function trackReturn(config: Config, hook: Cw20ReceiveMsg, f: Fields, action: string): Result<Response> {
  const owner = f.string('owner');
  const hasMix = action === 'track_undelegation';
  const mixId = hasMix ? f.u32('mix_id') : 0;
  const problem = f.finish();
  if (problem !== null) return Result.err<Response>(problem);
  const loaded = callbackAccount(config, hook, owner);
  if (loaded.isErr) return loaded.cast<Response>();
  const account = loaded.value;
  if (action === 'track_undelegation') {
    const key = delegationKey(account, mixId);
    const delegation = DELEGATIONS.mayLoad(key);
    if (delegation === null)
      return Result.err<Response>('No delegation of ' + owner + ' to mix node ' + mixId.toString());
    DELEGATIONS.remove(key);
    account.delegated = account.delegated.sub(delegation);
  } else if (action === 'track_unbond') {
    account.pledged = Uint128.zero();
  } else if (action === 'track_decrease_pledge') {
    account.pledged = account.pledged.saturatingSub(hook.amount);
  }
  const balance = account.balance.checkedAdd(hook.amount);
  if (balance.isErr) return balance.cast<Response>();
  account.balance = balance.value;
  saveAccount(account);
  return Result.ok<Response>(
    new Response()
      .addAttribute('action', action)
      .addAttribute('owner', owner)
      .addAttribute('amount', hook.amount.toString()),
  );
}

/** Handles `ExecuteMsg::Receive`: `info.sender` is the token contract that moved the NYM. */
export function handleReceive(env: Env, tokenSender: string, hook: Cw20ReceiveMsg): Result<Response> {
  const config = loadConfig();
  if (tokenSender !== config.tokenAddress) {
    return Result.err<Response>('Unauthorized: NYM must come from the token contract ' + config.tokenAddress);
  }
  const inner = parseJson(hook.msg);
  if (inner.isErr) return Result.err<Response>('Error parsing into type ReceiveMsg: ' + inner.message);
  const variant = decodeVariant(inner.value, 'ReceiveMsg');
  if (variant.isErr) return variant.cast<Response>();
  const name = variant.value.name;
  const f = new Fields(variant.value.body, 'ReceiveMsg::' + name);
  if (name === 'create_account') return createAccount(env, config, hook, f);
  if (name.startsWith('track_') && RECEIVE_VARIANTS.includes(name)) {
    return trackReturn(config, hook, f, name);
  }
  return Result.err<Response>(unknownVariant('ReceiveMsg', name, RECEIVE_VARIANTS));
}
