import {
  Codec,
  Decimal,
  Fields,
  Item,
  JsonKind,
  JsonValue,
  JsonWriter,
  Key,
  Map,
  Result,
  u64Codec,
  Uint128,
  uint128Codec,
} from '../../std/assembly/index';

// The vesting contract's storage, laid out as cw-storage-plus would lay out:
//   config                              Item<Config>
//   accounts      owner address      →  Account
//   delegations   (account id, mix)  →  Uint128
//   next_account_id                     Item<u64>

export class Config {
  constructor(
    public admin: string,
    readonly tokenAddress: string,
    public mixnetAddress: string | null,
  ) {}
}

function writeOptional(w: JsonWriter, value: string | null): void {
  if (value === null) w.nullValue();
  else w.string(value);
}

function writeConfig(config: Config, w: JsonWriter): void {
  w.beginObject().key('admin').string(config.admin).key('token_address').string(config.tokenAddress);
  w.key('mixnet_contract_address');
  writeOptional(w, config.mixnetAddress);
  w.endObject();
}

function readConfig(json: JsonValue): Result<Config> {
  const f = new Fields(json, 'Config');
  const config = new Config(
    f.string('admin'),
    f.string('token_address'),
    f.optionalString('mixnet_contract_address'),
  );
  const problem = f.finish();
  return problem !== null ? Result.err<Config>(problem) : Result.ok<Config>(config);
}

export const CONFIG = new Item<Config>('config', new Codec<Config>(writeConfig, readConfig));
export const NEXT_ACCOUNT_ID = new Item<u64>('next_account_id', u64Codec);

/** How much of its vesting NYM an account may pledge (`PledgeCap` of Nym's vesting contract). */
export class PledgeCap {
  constructor(
    /** A fraction of the original vesting amount, or null for an absolute cap. */
    readonly percent: Decimal | null,
    readonly absolute: Uint128,
  ) {}

  static defaultCap(): PledgeCap {
    return new PledgeCap(Decimal.percent(10), Uint128.zero());
  }

  write(w: JsonWriter): void {
    const percent = this.percent;
    w.beginObject();
    if (percent !== null) w.key('percent').string(percent.toString());
    else w.key('absolute').string(this.absolute.toString());
    w.endObject();
  }

  static decode(json: JsonValue): Result<PledgeCap> {
    if (json.kind !== JsonKind.Object || json.keys.length !== 1 || json.items[0].kind !== JsonKind.String) {
      return Result.err<PledgeCap>(
        'Error parsing into type PledgeCap: expected {"percent": "…"} or {"absolute": "…"}',
      );
    }
    const text = json.items[0].text;
    if (json.keys[0] === 'percent') {
      const percent = Decimal.parse(text);
      if (percent.isErr)
        return Result.err<PledgeCap>('Error parsing into type PledgeCap: ' + percent.message);
      if (percent.value.compare(Decimal.one()) > 0)
        return Result.err<PledgeCap>('A percentage pledge cap must be at most 1');
      return Result.ok<PledgeCap>(new PledgeCap(percent.value, Uint128.zero()));
    }
    if (json.keys[0] === 'absolute') {
      const amount = Uint128.parse(text);
      if (amount.isErr) return amount.cast<PledgeCap>();
      return Result.ok<PledgeCap>(new PledgeCap(null, amount.value));
    }
    return Result.err<PledgeCap>('Error parsing into type PledgeCap: unknown variant `' + json.keys[0] + '`');
  }
}

export class Account {
  constructor(
    readonly id: u64,
    public owner: string,
    public stakingAddress: string | null,
    /** Unix seconds at which the first period starts. */
    readonly startTime: u64,
    readonly periodSeconds: u64,
    readonly numPeriods: u64,
    /** What the admin deposited. */
    readonly original: Uint128,
    /** NYM the contract holds for this account now. */
    public balance: Uint128,
    public withdrawn: Uint128,
    public delegated: Uint128,
    public pledged: Uint128,
    public pledgeCap: PledgeCap,
  ) {}
}

function writeAccount(a: Account, w: JsonWriter): void {
  w.beginObject().key('id').u64(a.id).key('owner_address').string(a.owner).key('staking_address');
  writeOptional(w, a.stakingAddress);
  w.key('start_time')
    .u64(a.startTime)
    .key('period_seconds')
    .u64(a.periodSeconds)
    .key('num_periods')
    .u64(a.numPeriods);
  w.key('original').string(a.original.toString()).key('balance').string(a.balance.toString());
  w.key('withdrawn').string(a.withdrawn.toString()).key('delegated').string(a.delegated.toString());
  w.key('pledged').string(a.pledged.toString()).key('pledge_cap');
  a.pledgeCap.write(w);
  w.endObject();
}

function readAccount(json: JsonValue): Result<Account> {
  const f = new Fields(json, 'Account');
  const id = f.u64('id');
  const owner = f.string('owner_address');
  const staking = f.optionalString('staking_address');
  const start = f.u64('start_time');
  const period = f.u64('period_seconds');
  const count = f.u64('num_periods');
  const original = f.uint128('original');
  const balance = f.uint128('balance');
  const withdrawn = f.uint128('withdrawn');
  const delegated = f.uint128('delegated');
  const pledged = f.uint128('pledged');
  const cap = PledgeCap.decode(f.value('pledge_cap'));
  const problem = f.finish();
  if (problem !== null) return Result.err<Account>(problem);
  if (cap.isErr) return cap.cast<Account>();
  return Result.ok<Account>(
    new Account(
      id,
      owner,
      staking,
      start,
      period,
      count,
      original,
      balance,
      withdrawn,
      delegated,
      pledged,
      cap.value,
    ),
  );
}

export const ACCOUNT_CODEC = new Codec<Account>(writeAccount, readAccount);
export const ACCOUNTS = new Map<Account>('accounts', ACCOUNT_CODEC);
export const DELEGATIONS = new Map<Uint128>('delegations', uint128Codec);

export function delegationKey(account: Account, mixId: u32): Key {
  return Key.u64(account.id).then(Key.u32(mixId));
}

/** The account owned by `owner`, or an error naming the address. */
export function loadAccount(owner: string): Result<Account> {
  const account = ACCOUNTS.mayLoad(Key.str(owner));
  if (account === null) return Result.err<Account>('Account does not exist: ' + owner);
  return Result.ok<Account>(account);
}

export function saveAccount(account: Account): void {
  ACCOUNTS.save(Key.str(account.owner), account);
}
