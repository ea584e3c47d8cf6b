import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import pino, { type Logger } from 'pino';
import { buildGenesis, parseGenesis, type Genesis, type GenesisJson } from './config/genesis';
import { devAccounts, type DevAccount } from './config/dev-accounts';
import { DEFAULT_SECP256K1_BACKEND, type Secp256k1Backend } from './crypto/secp256k1';
import { timestampFromNanos } from './encoding/time';
import type { Coin } from './modules/bank/coins';
import type { ChainModule } from './modules/types';
import type { MempoolLimits } from './node/mempool';
import { ChainNode, type BlockMode } from './node/node';
import { generateEd25519Key, type Ed25519Key } from './node/validator-key';
import { startRpcServer, type RpcServer, type RpcServerOptions } from './rpc/server';
import { openDatabase, type SyncMode } from './store/database';
import { parseGasPrices } from './tx/gas-price';
import { createWasmModule, type WasmKeeperOptions, type WasmModule } from './wasm';

export interface ChainOptions {
  /** Folder for the database; omit for an in-memory chain that is gone when it stops. */
  dataDir?: string;
  /**
   * The genesis document. Omitted: a dev genesis with the published dev accounts (see
   * `devAccountCount`), funded with `devAccountBalance`, plus `accounts`.
   */
  genesis?: GenesisJson;
  /** Must be the genesis validator; generated (with the dev genesis) when omitted. */
  validatorKey?: Ed25519Key;
  /** "instant": a block as soon as txs arrive (tests); a number: a block every so many ms. */
  blockTime?: 'instant' | number;
  /** Interval mode only: produce blocks with no txs (CometBFT's default), default true. */
  createEmptyBlocks?: boolean;
  /** Serve the dev_* JSON-RPC controls. */
  dev?: boolean;
  /** The CheckTx fee floor, e.g. "0.025unyx"; "" for none. */
  minimumGasPrices?: string;
  rpc?: Partial<RpcServerOptions>;
  mempool?: Partial<MempoolLimits>;
  /**
   * The wasm module's settings, or false for a chain without CosmWasm. Its compiled-module cache
   * lives in `<dataDir>/wasm-cache` unless `cacheDirectory` says otherwise (in memory without a
   * data dir).
   */
  wasm?: WasmKeeperOptions | false;
  /** Extra modules, after auth, bank, tx and wasm. */
  modules?: readonly ChainModule[];
  /** Past state versions kept for historical queries; 0 keeps all. */
  keepRecentVersions?: number;
  sync?: SyncMode;
  secp256k1Backend?: Secp256k1Backend;
  /** Dev genesis only. */
  chainId?: string;
  devAccountCount?: number;
  devAccountBalance?: readonly Coin[];
  accounts?: ReadonlyArray<{ address: string; coins: readonly Coin[] }>;
}

export interface ChainDeps {
  logger?: Logger;
  clock?: { now(): number };
}

export interface Chain {
  readonly node: ChainNode;
  readonly genesis: Genesis;
  /** The wasm module (undefined when disabled). */
  readonly wasm: WasmModule | undefined;
  /** The dev accounts of a generated dev genesis (empty otherwise). */
  readonly devAccounts: readonly DevAccount[];
  /** Starts block production and the RPC server. */
  start(): Promise<RpcServer>;
  /** Stops the RPC server and block production and closes the database. Idempotent. */
  stop(): Promise<void>;
  /** Set once started. */
  readonly rpc: RpcServer | undefined;
}

export const DEFAULT_CHAIN_ID = 'nyx-local';
export const DEFAULT_DEV_BALANCE: readonly Coin[] = [{ denom: 'unyx', amount: 1_000_000_000_000n }];
export const DEFAULT_MINIMUM_GAS_PRICES = '0.025unyx';

export const DEFAULT_RPC_OPTIONS: RpcServerOptions = {
  host: '127.0.0.1',
  port: 26657,
  moniker: 'nymts',
  dev: false,
  maxBodyBytes: 1_000_000,
  maxSubscriptionsPerClient: 5,
  commitTimeoutMs: 10_000,
  corsAllowedOrigins: ['*'],
};

export const DEFAULT_MEMPOOL_LIMITS: MempoolLimits = {
  size: 5000,
  maxTxBytes: 1_048_576,
  maxTotalBytes: 1_073_741_824,
};

/** A dev genesis: the first `count` published dev accounts plus any extra accounts, all funded. */
export async function createDevGenesis(input: {
  chainId?: string;
  validatorKey: Ed25519Key;
  devAccountCount?: number;
  devAccountBalance?: readonly Coin[];
  accounts?: ReadonlyArray<{ address: string; coins: readonly Coin[] }>;
  genesisTimeMs: number;
  bech32Prefix?: string;
}): Promise<{ genesis: GenesisJson; devAccounts: DevAccount[] }> {
  const prefix = input.bech32Prefix ?? 'n';
  const accounts = await devAccounts(prefix, input.devAccountCount);
  const balance = input.devAccountBalance ?? DEFAULT_DEV_BALANCE;
  const genesis = buildGenesis({
    chainId: input.chainId ?? DEFAULT_CHAIN_ID,
    genesisTime: timestampFromNanos(BigInt(input.genesisTimeMs) * 1_000_000n),
    validator: input.validatorKey,
    bech32Prefix: prefix,
    accounts: [
      ...accounts.map((account) => ({ address: account.address, coins: balance })),
      ...(input.accounts ?? []),
    ],
  });
  return { genesis, devAccounts: accounts };
}

/** Opens (initialising on first use) a chain; nothing listens until `start()`. */
export async function createChain(options: ChainOptions = {}, deps: ChainDeps = {}): Promise<Chain> {
  const logger = deps.logger ?? pino({ level: 'silent' });
  const clock = deps.clock ?? { now: () => Date.now() };
  let validatorKey = options.validatorKey;
  let genesisJson = options.genesis;
  let dev: DevAccount[] = [];
  if (genesisJson === undefined) {
    validatorKey ??= generateEd25519Key();
    const created = await createDevGenesis({
      chainId: options.chainId,
      validatorKey,
      devAccountCount: options.devAccountCount,
      devAccountBalance: options.devAccountBalance,
      accounts: options.accounts,
      genesisTimeMs: clock.now(),
    });
    genesisJson = created.genesis;
    dev = created.devAccounts;
  }
  if (validatorKey === undefined) throw new Error('a chain with a given genesis needs its validator key');
  const genesis = parseGenesis(genesisJson, 'document');
  const blockTime = options.blockTime ?? 1000;
  const blockMode: BlockMode =
    blockTime === 'instant'
      ? { kind: 'instant' }
      : { kind: 'interval', intervalMs: blockTime, createEmptyBlocks: options.createEmptyBlocks ?? true };
  if (
    blockMode.kind === 'interval' &&
    !(Number.isInteger(blockMode.intervalMs) && blockMode.intervalMs >= 1)
  ) {
    throw new Error(`block time must be "instant" or a whole number of milliseconds >= 1, got ${blockTime}`);
  }
  let path = ':memory:';
  if (options.dataDir !== undefined) {
    mkdirSync(options.dataDir, { recursive: true });
    path = join(options.dataDir, 'chain.sqlite');
  }
  const wasm =
    options.wasm === false
      ? undefined
      : createWasmModule({
          cacheDirectory: options.dataDir === undefined ? undefined : join(options.dataDir, 'wasm-cache'),
          debug: contractDebugLog(logger),
          ...options.wasm,
        });
  const database = openDatabase(path, options.sync ?? 'normal');
  let node: ChainNode;
  try {
    node = new ChainNode(
      {
        database,
        genesis,
        validatorKey,
        blockMode,
        minGasPrices: parseGasPrices(options.minimumGasPrices ?? DEFAULT_MINIMUM_GAS_PRICES),
        mempool: { ...DEFAULT_MEMPOOL_LIMITS, ...options.mempool },
        modules: [...(wasm === undefined ? [] : [wasm]), ...(options.modules ?? [])],
        keepRecentVersions: options.keepRecentVersions ?? 0,
        secp256k1Backend: options.secp256k1Backend ?? DEFAULT_SECP256K1_BACKEND,
      },
      { logger, clock },
    );
  } catch (error) {
    database.close();
    throw error;
  }
  let rpc: RpcServer | undefined;
  let stopped = false;
  return {
    node,
    genesis,
    wasm,
    devAccounts: dev,
    get rpc() {
      return rpc;
    },
    async start() {
      if (stopped) throw new Error('this chain was stopped; create a new one');
      if (rpc !== undefined) return rpc;
      node.start();
      rpc = await startRpcServer(
        node,
        { ...DEFAULT_RPC_OPTIONS, dev: options.dev ?? false, ...options.rpc },
        logger,
      );
      return rpc;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      node.stop();
      await rpc?.close();
      database.close();
    },
  };
}

/** Contracts' `debug` output, at debug level (wasmd logs it only with debug enabled too). */
function contractDebugLog(logger: Logger): (contract: string, message: string) => void {
  const log = logger.child({ component: 'wasm' });
  return (contract, message) => log.debug({ contract }, message);
}

/** createChain + start, for tests and the local network: `const { rpc, stop } = await startChain(…)`. */
export async function startChain(
  options: ChainOptions = {},
  deps: ChainDeps = {},
): Promise<Chain & { rpc: RpcServer }> {
  const chain = await createChain(options, deps);
  try {
    await chain.start();
    return chain as Chain & { rpc: RpcServer };
  } catch (error) {
    await chain.stop();
    throw error;
  }
}
