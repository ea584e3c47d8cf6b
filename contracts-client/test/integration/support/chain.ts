// One embedded chain per test file, driven over its RPC as any client would: cosmjs through
// connectSigner, the dev controls for time, the wasm queries for raw contract state.
import { setupWasmExtension, type WasmExtension } from '@cosmjs/cosmwasm-stargate';
import { calculateFee, GasPrice, QueryClient, type StdFee } from '@cosmjs/stargate';
import { connectComet, type CometClient } from '@cosmjs/tendermint-rpc';
import { startChain, type Chain } from '@nymts/chain';
import type { RpcServer } from '@nymts/chain';
import { advanceTime, allContractState } from '@nymts/chain/test/helpers';
import { connectSigner, DEFAULT_GAS_PRICE, walletFromMnemonic, type SigningSession } from '../../../src';

/**
 * The chain's clock stands still at this whole second, so block time moves only when a test
 * moves it (`advanceTo`) and lands exactly where it says: later blocks in the same second differ
 * by nanoseconds, which contracts (reading whole seconds) do not see.
 */
export const GENESIS_SECONDS = 1_800_000_000;

/**
 * A fixed fee for calls meant to fail: with "auto" cosmjs simulates first and throws before
 * broadcasting, so the chain would never see the call. With this fee the tx is included in a
 * block and fails there, which is what "no state change on a rejected call" is about.
 */
export const FAILING_FEE: StdFee = calculateFee(2_000_000, GasPrice.fromString(DEFAULT_GAS_PRICE));

/** What cosmjs throws for a tx that was included in a block and failed there. */
export const FAILED_IN_BLOCK = /Error when broadcasting tx [0-9A-F]+ at height \d+\. Code: \d+/;

export interface TestChain {
  chain: Chain & { rpc: RpcServer };
  /** Signing sessions for the dev accounts, in order. */
  accounts: SigningSession[];
  /** The block time of the latest block, in whole seconds. */
  now(): number;
  /** Makes the next blocks carry `seconds` (and produces one, so queries see it). */
  advanceTo(seconds: number): Promise<void>;
  /** Every key and value a contract has stored, hex → hex, over the wasm AllContractState query. */
  contractState(address: string): Promise<Map<string, string>>;
  stop(): Promise<void>;
}

export async function startTestChain(accountCount: number): Promise<TestChain> {
  let offset = 0;
  const chain = await startChain(
    { blockTime: 'instant', dev: true, rpc: { port: 0 }, devAccountCount: accountCount },
    { clock: { now: () => GENESIS_SECONDS * 1000 } },
  );
  const accounts: SigningSession[] = [];
  let comet: CometClient | undefined;
  try {
    for (const account of chain.devAccounts) {
      accounts.push(
        await connectSigner(chain.rpc.url, await walletFromMnemonic(account.mnemonic), {
          pollIntervalMs: 20,
        }),
      );
    }
    comet = await connectComet(chain.rpc.url);
  } catch (error) {
    for (const session of accounts) session.disconnect();
    await chain.stop();
    throw error;
  }
  const wasm: QueryClient & WasmExtension = QueryClient.withExtensions(comet, setupWasmExtension);
  return {
    chain,
    accounts,
    now: () => GENESIS_SECONDS + offset,
    async advanceTo(seconds) {
      const now = GENESIS_SECONDS + offset;
      if (seconds < now) throw new Error(`cannot go back in time from ${now} to ${seconds}`);
      await advanceTime(chain.rpc.url, seconds - now);
      offset = seconds - GENESIS_SECONDS;
    },
    contractState: (address) => allContractState(wasm, address),
    async stop() {
      for (const session of accounts) session.disconnect();
      comet?.disconnect();
      await chain.stop();
    },
  };
}

/** The base64 `msg` of a cw20 `Send` carrying `message` to the receiving contract. */
export function hookMsg(message: object): string {
  return Buffer.from(JSON.stringify(message)).toString('base64');
}
