import { Fields } from './fields';
import { JsonKind, JsonValue, JsonWriter, parseU64 } from './json';
import { Result } from './result';
import { Uint128 } from './uint';

// The context every entry point receives, decoded from the JSON the host passes.

export class Coin {
  constructor(
    readonly denom: string,
    readonly amount: Uint128,
  ) {}

  write(w: JsonWriter): void {
    w.beginObject().key('denom').string(this.denom).key('amount').string(this.amount.toString()).endObject();
  }

  static decode(value: JsonValue): Result<Coin> {
    const f = new Fields(value, 'Coin');
    const denom = f.string('denom');
    const amount = f.uint128('amount');
    const problem = f.finish();
    if (problem !== null) return Result.err<Coin>(problem);
    return Result.ok<Coin>(new Coin(denom, amount));
  }
}

export function writeCoins(w: JsonWriter, coins: Array<Coin>): void {
  w.beginArray();
  for (let i = 0; i < coins.length; i++) coins[i].write(w);
  w.endArray();
}

export class BlockInfo {
  constructor(
    readonly height: u64,
    /** Nanoseconds since the Unix epoch (cosmwasm-std's `Timestamp`). */
    readonly timeNanos: u64,
    readonly chainId: string,
  ) {}

  get timeSeconds(): u64 {
    return this.timeNanos / 1000000000;
  }
}

export class Env {
  constructor(
    readonly block: BlockInfo,
    /** The transaction's index in the block, or -1 when the call is not part of a transaction. */
    readonly transactionIndex: i64,
    readonly contractAddress: string,
  ) {}

  // `Env` is decoded leniently (unknown fields allowed): hosts add fields across CosmWasm versions.
  static decode(value: JsonValue): Result<Env> {
    const block = value.get('block');
    const contract = value.get('contract');
    if (block === null || contract === null)
      return Result.err<Env>('Error parsing into type Env: missing block or contract');
    const height = block.get('height');
    const time = block.get('time');
    const chainId = block.get('chain_id');
    const address = contract.get('address');
    if (height === null || time === null || chainId === null || address === null) {
      return Result.err<Env>('Error parsing into type Env: missing field');
    }
    const heightValue = height.toU64();
    const timeValue = parseU64(time.text);
    if (heightValue.isErr || timeValue.isErr || time.kind !== JsonKind.String) {
      return Result.err<Env>('Error parsing into type Env: invalid block height or time');
    }
    let transactionIndex: i64 = -1;
    const transaction = value.get('transaction');
    if (transaction !== null && !transaction.isNull) {
      const index = transaction.get('index');
      if (index === null) return Result.err<Env>('Error parsing into type Env: missing transaction index');
      const indexValue = index.toU64();
      if (indexValue.isErr) return Result.err<Env>('Error parsing into type Env: invalid transaction index');
      transactionIndex = indexValue.value as i64;
    }
    return Result.ok<Env>(
      new Env(
        new BlockInfo(heightValue.value, timeValue.value, chainId.text),
        transactionIndex,
        address.text,
      ),
    );
  }
}

export class MessageInfo {
  constructor(
    readonly sender: string,
    readonly funds: Array<Coin>,
  ) {}

  static decode(value: JsonValue): Result<MessageInfo> {
    const f = new Fields(value, 'MessageInfo');
    const sender = f.string('sender');
    const fundsValue = f.value('funds');
    const problem = f.finish();
    if (problem !== null) return Result.err<MessageInfo>(problem);
    if (fundsValue.kind !== JsonKind.Array)
      return Result.err<MessageInfo>('Error parsing into type MessageInfo: funds');
    const funds: Array<Coin> = [];
    for (let i = 0; i < fundsValue.items.length; i++) {
      const coin = Coin.decode(fundsValue.items[i]);
      if (coin.isErr) return coin.cast<MessageInfo>();
      funds.push(coin.value);
    }
    return Result.ok<MessageInfo>(new MessageInfo(sender, funds));
  }
}
