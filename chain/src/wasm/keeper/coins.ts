import { type Coin } from './types';
import { WasmKeeperError } from './errors';

const DENOM = /^[a-zA-Z][a-zA-Z0-9/:._-]{2,127}$/;
const AMOUNT = /^[0-9]{1,78}$/;

/** sdk.Coins.Validate: valid denoms, positive amounts, sorted by denom without duplicates. */
export function validateCoins(coins: Coin[]): Coin[] {
  if (!Array.isArray(coins)) throw new WasmKeeperError('sdk', 10, 'coins must be a list: invalid coins');
  let previous = '';
  for (const coin of coins) {
    const valid =
      typeof coin?.denom === 'string' &&
      typeof coin.amount === 'string' &&
      DENOM.test(coin.denom) &&
      AMOUNT.test(coin.amount) &&
      BigInt(coin.amount) > 0n &&
      coin.denom > previous;
    if (!valid) {
      throw new WasmKeeperError('sdk', 10, `${formatCoins(coins)}: invalid coins`);
    }
    previous = coin.denom;
  }
  return coins.map((coin) => ({ denom: coin.denom, amount: BigInt(coin.amount).toString() }));
}

export function formatCoins(coins: Coin[]): string {
  return coins.map((coin) => `${coin?.amount}${coin?.denom}`).join(',');
}
