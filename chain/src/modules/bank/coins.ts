import { sdkErrors } from '../../errors/chain-error';

/** A coin inside the chain: amounts are bigints, never floats. */
export interface Coin {
  denom: string;
  amount: bigint;
}

/** The protobuf / JSON form: the amount as a decimal string. */
export interface CoinMessage {
  denom: string;
  amount: string;
}

const DENOM = /^[a-zA-Z][a-zA-Z0-9/:._-]{2,127}$/;
const AMOUNT = /^(0|[1-9][0-9]*)$/;
/** The SDK's math.Int is bounded to 256 bits. */
const MAX_AMOUNT = (1n << 256n) - 1n;

export function isValidDenom(denom: string): boolean {
  return DENOM.test(denom);
}

export function parseAmount(text: string, what = 'amount'): bigint {
  if (!AMOUNT.test(text)) throw sdkErrors.invalidCoins.wrap(`invalid ${what} ${JSON.stringify(text)}`);
  const amount = BigInt(text);
  if (amount > MAX_AMOUNT) throw sdkErrors.invalidCoins.wrap(`${what} ${text} is larger than 2^256 - 1`);
  return amount;
}

export function fromCoinMessages(coins: readonly CoinMessage[], what = 'coins'): Coin[] {
  return coins.map((coin) => {
    if (!isValidDenom(coin.denom))
      throw sdkErrors.invalidCoins.wrap(`invalid denom ${JSON.stringify(coin.denom)} in ${what}`);
    return { denom: coin.denom, amount: parseAmount(coin.amount, `amount of ${coin.denom}`) };
  });
}

export function toCoinMessages(coins: readonly Coin[]): CoinMessage[] {
  return coins.map((coin) => ({ denom: coin.denom, amount: coin.amount.toString() }));
}

/** "10unyx,5uother" — the SDK's Coins.String(), used in event attributes. */
export function formatCoins(coins: readonly Coin[]): string {
  return coins.map((coin) => `${coin.amount}${coin.denom}`).join(',');
}

const COIN_TEXT = /^([0-9]+)([a-zA-Z][a-zA-Z0-9/:._-]{2,127})$/;

/** Parses "10unyx,5uother" (config files, CLI flags); the result is sorted and validated. */
export function parseCoins(text: string): Coin[] {
  const trimmed = text.trim();
  if (trimmed === '') return [];
  const coins = trimmed.split(',').map((part) => {
    const match = COIN_TEXT.exec(part.trim());
    if (match === null) throw sdkErrors.invalidCoins.wrap(`cannot parse coin ${JSON.stringify(part)}`);
    return { denom: match[2] as string, amount: parseAmount(match[1] as string) };
  });
  return normalizeCoins(coins);
}

/**
 * What the SDK's Coins.Validate demands of amounts sent or paid: sorted by denom, no duplicates,
 * every amount positive.
 */
export function validateCoins(coins: readonly Coin[], what: string): void {
  for (let i = 0; i < coins.length; i++) {
    const coin = coins[i] as Coin;
    if (coin.amount <= 0n)
      throw sdkErrors.invalidCoins.wrap(`${what}: coin ${coin.amount}${coin.denom} is not positive`);
    const previous = coins[i - 1];
    if (previous !== undefined) {
      if (previous.denom === coin.denom)
        throw sdkErrors.invalidCoins.wrap(`${what}: duplicate denomination ${coin.denom}`);
      if (previous.denom > coin.denom)
        throw sdkErrors.invalidCoins.wrap(`${what}: coins are not sorted by denom`);
    }
  }
}

/** Sorted, merged, zero amounts dropped. */
export function normalizeCoins(coins: readonly Coin[]): Coin[] {
  const byDenom = new Map<string, bigint>();
  for (const coin of coins) byDenom.set(coin.denom, (byDenom.get(coin.denom) ?? 0n) + coin.amount);
  return [...byDenom.entries()]
    .filter(([, amount]) => amount !== 0n)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([denom, amount]) => ({ denom, amount }));
}

export function amountOf(coins: readonly Coin[], denom: string): bigint {
  return coins.find((coin) => coin.denom === denom)?.amount ?? 0n;
}
