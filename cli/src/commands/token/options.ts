import type { ChainOptions, KeyOptions, SigningOptions } from '../../chain/options';

interface TokenContract {
  /** The NYM token contract; the deployment record's when absent. */
  token?: string;
  args?: string[];
}

export type TokenQueryOptions = ChainOptions & KeyOptions & TokenContract;
export type TokenTxOptions = SigningOptions & TokenContract;
