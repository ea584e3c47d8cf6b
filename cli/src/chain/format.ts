// How amounts, times and transactions appear in command output: JSON keeps exact unym strings
// (and NYM beside them), text shows NYM.
import { formatNym, toUnym } from '@nymts/contracts-client';

export interface AmountData {
  unym: string;
  nym: string;
}

export function amountData(value: bigint | string): AmountData {
  const unym = toUnym(value);
  return { unym: unym.toString(), nym: formatNym(unym) };
}

export function nymText(value: bigint | string): string {
  return `${formatNym(toUnym(value))} NYM`;
}

/** Unix seconds as an ISO 8601 UTC time. */
export function timeText(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
}

interface TxResult {
  transactionHash: string;
  height: number;
  gasUsed: bigint;
  gasWanted: bigint;
}

export interface TxData {
  tx_hash: string;
  height: number;
  gas_used: string;
  gas_wanted: string;
}

export function txData(result: TxResult): TxData {
  return {
    tx_hash: result.transactionHash,
    height: result.height,
    gas_used: result.gasUsed.toString(),
    gas_wanted: result.gasWanted.toString(),
  };
}

export function txText(result: TxResult): string {
  return `tx ${result.transactionHash} at height ${result.height}, gas ${result.gasUsed} of ${result.gasWanted}`;
}
