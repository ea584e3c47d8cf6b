// The network's chain: a dev genesis in <home>/chain, run by `nymts chain start` as a child.
import { existsSync, readFileSync } from 'node:fs';
import { homePaths, initHome, type DevAccount } from '@nymts/chain';
import { TestnetError } from './errors';

export const DEFAULT_CHAIN_ID = 'nyx-localnet';

export interface ChainInit {
  chainHome: string;
  chainId: string;
  rpcPort: number;
  blockTime: string;
}

/** Writes the dev genesis and config once; a folder that has them is reused as it is. */
export async function ensureChainHome(options: ChainInit): Promise<DevAccount[]> {
  const paths = homePaths(options.chainHome);
  if (!existsSync(paths.genesis)) {
    await initHome({
      home: options.chainHome,
      chainId: options.chainId,
      dev: true,
      config: { laddr: `tcp://127.0.0.1:${options.rpcPort}`, blockTime: options.blockTime },
    });
  }
  return readDevAccounts(options.chainHome);
}

export function readDevAccounts(chainHome: string): DevAccount[] {
  const path = homePaths(chainHome).devAccounts;
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as DevAccount[];
  } catch (error) {
    throw new TestnetError(
      'chain_home_invalid',
      `cannot read the dev accounts in ${path}: ${(error as Error).message}`,
      {
        path,
      },
    );
  }
}

export const rpcUrl = (port: number): string => `http://127.0.0.1:${port}`;

/** The chain's latest height, or undefined when its RPC does not answer. */
export async function chainHeight(url: string, signal?: AbortSignal): Promise<number | undefined> {
  try {
    const response = await fetch(`${url}/status`, { signal: signal ?? AbortSignal.timeout(2_000) });
    if (!response.ok) return undefined;
    const body = (await response.json()) as { result?: { sync_info?: { latest_block_height?: string } } };
    const height = Number(body.result?.sync_info?.latest_block_height);
    return Number.isFinite(height) ? height : undefined;
  } catch {
    return undefined;
  }
}
