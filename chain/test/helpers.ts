import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Secp256k1HdWallet } from '@cosmjs/amino';
import { SigningCosmWasmClient, type WasmExtension } from '@cosmjs/cosmwasm-stargate';
import { DirectSecp256k1HdWallet } from '@cosmjs/proto-signing';
import { calculateFee, GasPrice, type QueryClient, SigningStargateClient } from '@cosmjs/stargate';
import { startChain, type Chain, type ChainOptions } from '../src';
import type { RpcServer } from '../src/rpc/server';

export const GAS_PRICE = GasPrice.fromString('0.025unyx');

/**
 * A fixed fee of 2M gas, for txs that are meant to fail (with "auto", cosmjs's simulation fails
 * and it throws before broadcasting) and for modules so small that cosmjs's 10 % upload margin is
 * thin.
 */
export const FIXED_FEE = calculateFee(2_000_000, GAS_PRICE);

export type RunningChain = Chain & { rpc: RpcServer };

/** A dev chain on a free port, in instant mode, stored in a fresh temp folder. */
export async function startTestChain(
  options: ChainOptions = {},
): Promise<{ chain: RunningChain; dataDir: string; cleanup(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'nymts-chain-'));
  const chain = await startChain({ dataDir, blockTime: 'instant', dev: true, rpc: { port: 0 }, ...options });
  return {
    chain,
    dataDir,
    async cleanup() {
      await chain.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function signingClient(
  url: string,
  mnemonic: string,
): Promise<{ client: SigningStargateClient; address: string }> {
  const wallet = await DirectSecp256k1HdWallet.fromMnemonic(mnemonic, { prefix: 'n' });
  const [account] = await wallet.getAccounts();
  // cosmjs waits pollIntervalMs before its first tx_search: keep it short for an instant chain.
  const client = await SigningStargateClient.connectWithSigner(url, wallet, {
    gasPrice: GAS_PRICE,
    broadcastPollIntervalMs: 50,
  });
  return { client, address: (account as { address: string }).address };
}

export interface RpcAnswer {
  status: number;
  body: {
    jsonrpc?: string;
    id?: unknown;
    result?: Record<string, unknown>;
    error?: { code: number; message: string; data: string };
  };
}

/** A raw JSON-RPC POST, for what cosmjs cannot express (bad input, dev controls). */
export async function rpcCall(url: string, method: string, params: unknown = {}): Promise<RpcAnswer> {
  return rpcPost(url, JSON.stringify({ jsonrpc: '2.0', id: 1, method, params }));
}

/** Moves the dev chain's block time `seconds` forward and produces a block there. */
export async function advanceTime(url: string, seconds: number): Promise<void> {
  const answer = await rpcCall(url, 'dev_advance_time', { seconds: String(seconds), produce_block: true });
  if (answer.body.error !== undefined) {
    throw new Error(`dev_advance_time: ${answer.body.error.message} ${answer.body.error.data ?? ''}`);
  }
}

/** Every key and value a contract has stored, hex → hex, over every page of AllContractState. */
export async function allContractState(
  query: QueryClient & WasmExtension,
  address: string,
): Promise<Map<string, string>> {
  const state = new Map<string, string>();
  let key: Uint8Array | undefined;
  do {
    const page = await query.wasm.getAllContractState(address, key);
    for (const model of page.models) {
      state.set(Buffer.from(model.key).toString('hex'), Buffer.from(model.value).toString('hex'));
    }
    key = page.pagination?.nextKey?.length ? page.pagination.nextKey : undefined;
  } while (key !== undefined);
  return state;
}

export async function rpcPost(url: string, body: string): Promise<RpcAnswer> {
  const response = await fetch(url, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json' },
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? {} : (JSON.parse(text) as RpcAnswer['body']) };
}

export type WasmSigner = { client: SigningCosmWasmClient; address: string };

/** A SigningCosmWasmClient for a mnemonic: direct signing, or amino-JSON with `amino`. */
export async function wasmClient(
  url: string,
  mnemonic: string,
  options: { amino?: boolean } = {},
): Promise<WasmSigner> {
  const wallet = options.amino
    ? await Secp256k1HdWallet.fromMnemonic(mnemonic, { prefix: 'n' })
    : await DirectSecp256k1HdWallet.fromMnemonic(mnemonic, { prefix: 'n' });
  const [account] = await wallet.getAccounts();
  const client = await SigningCosmWasmClient.connectWithSigner(url, wallet, {
    gasPrice: GAS_PRICE,
    broadcastPollIntervalMs: 50,
  });
  return { client, address: (account as { address: string }).address };
}

/** The attributes of each event of a type, as objects (msg_index dropped). */
export function eventAttributes(
  events: readonly { type: string; attributes: readonly { key: string; value: string }[] }[],
  type: string,
): Record<string, string>[] {
  return events
    .filter((event) => event.type === type)
    .map((event) =>
      Object.fromEntries(
        event.attributes.filter(({ key }) => key !== 'msg_index').map(({ key, value }) => [key, value]),
      ),
    );
}
