import type { ChainOptions, KeyOptions, SigningOptions } from '../../chain/options';

interface VestingContract {
  /** The vesting contract; the deployment record's when absent. */
  vesting?: string;
  args?: string[];
}

export type VestingQueryOptions = ChainOptions & KeyOptions & VestingContract;
export type VestingTxOptions = SigningOptions & VestingContract & { token?: string };
