import { sdkErrors } from '../errors/chain-error';
import { isValidDenom, type Coin } from '../modules/bank/coins';

/** A gas price as an exact fraction: amount = numerator / 10^decimals per unit of gas. */
export interface GasPrice {
  denom: string;
  numerator: bigint;
  decimals: number;
}

const PRICE = /^([0-9]+)(?:\.([0-9]{1,18}))?([a-zA-Z][a-zA-Z0-9/:._-]{2,127})$/;

/** Parses "0.025unyx" or "0.025unyx,1uother" (the SDK's minimum-gas-prices syntax). */
export function parseGasPrices(text: string): GasPrice[] {
  if (text.trim() === '') return [];
  return text.split(',').map((part) => {
    const match = PRICE.exec(part.trim());
    if (match === null || !isValidDenom(match[3] as string)) {
      throw new Error(`invalid gas price ${JSON.stringify(part)}: expected e.g. "0.025unyx"`);
    }
    const fraction = match[2] ?? '';
    return {
      denom: match[3] as string,
      numerator: BigInt(`${match[1]}${fraction}`),
      decimals: fraction.length,
    };
  });
}

export function formatGasPrice(price: GasPrice): string {
  const digits = price.numerator.toString().padStart(price.decimals + 1, '0');
  const whole = digits.slice(0, digits.length - price.decimals);
  const fraction = digits.slice(digits.length - price.decimals);
  return `${whole}${fraction === '' ? '' : `.${fraction}`}${price.denom}`;
}

/** ceil(price × gas): the fee a gas limit needs, exactly as cosmjs's calculateFee rounds. */
export function requiredFee(price: GasPrice, gasLimit: bigint): Coin {
  const scale = 10n ** BigInt(price.decimals);
  return { denom: price.denom, amount: (price.numerator * gasLimit + scale - 1n) / scale };
}

/**
 * The validator's CheckTx fee floor: the fee must cover the price in at least one of the listed
 * denoms (the SDK's IsAnyGTE). No prices or only zero prices means no floor.
 */
export function checkMinimumFee(fee: readonly Coin[], prices: readonly GasPrice[], gasLimit: bigint): void {
  const required = prices.map((price) => requiredFee(price, gasLimit)).filter((coin) => coin.amount > 0n);
  if (required.length === 0) return;
  const covered = required.some(
    (need) => (fee.find((coin) => coin.denom === need.denom)?.amount ?? 0n) >= need.amount,
  );
  if (!covered) {
    const got = fee.map((coin) => `${coin.amount}${coin.denom}`).join(',');
    const need = required.map((coin) => `${coin.amount}${coin.denom}`).join(',');
    throw sdkErrors.insufficientFee.wrap(`insufficient fees; got: ${got} required: ${need}`);
  }
}
