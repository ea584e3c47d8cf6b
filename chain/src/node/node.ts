import type { Logger } from 'pino';
import { ChainApp, type BlockExecution } from '../app/app';
import type { Genesis } from '../config/genesis';
import { sha256 } from '../crypto/hash';
import { SignatureVerifier } from '../crypto/signature-verifier';
import type { Secp256k1Backend } from '../crypto/secp256k1';
import { fromHex, toHex, toHexUpper } from '../encoding/bytes';
import { formatRfc3339Seconds, parseRfc3339, timestampFromNanos, timestampToNanos } from '../encoding/time';
import { createAuthModule } from '../modules/auth/module';
import { createBankModule } from '../modules/bank/module';
import { createChainServices, type ChainServices } from '../modules/context';
import type { ModuleRegistry } from '../modules/registry';
import { createTxServiceModule, type IndexedTx } from '../modules/tx-service/module';
import type { BlockInfo, ChainModule, Timestamp } from '../modules/types';
import { txResultJson } from '../rpc/json';
import { type SqliteDatabase, readMeta, writeMeta } from '../store/database';
import { SqliteStateStore } from '../store/sqlite-state';
import type { DecodedTx } from '../tx/decode';
import type { GasPrice } from '../tx/gas-price';
import type { TxOutcome } from '../tx/run-tx';
import { buildBlock, type PreviousBlock } from './block-builder';
import { BlockStore, type BlockRow, type NewTx } from './block-store';
import { consensusHash, EMPTY_BLOCK_ID, resultsHash, validatorsHash } from './cometbft-hash';
import { Mempool, type MempoolLimits } from './mempool';
import { TxIndexer } from './tx-indexer';
import type { Condition } from './tx-query';
import type { SearchOrder } from './block-store';
import { useExactProtobufAllocation } from '../encoding/protobuf';
import type { Ed25519Key } from './validator-key';

useExactProtobufAllocation();

/** Instant mode under load: the longest a block waits after the previous commit for more txs. */
const INSTANT_COALESCE_MS = 20;

export type BlockMode =
  { kind: 'interval'; intervalMs: number; createEmptyBlocks: boolean } | { kind: 'instant' };

export interface NodeOptions {
  database: SqliteDatabase;
  genesis: Genesis;
  validatorKey: Ed25519Key;
  blockMode: BlockMode;
  minGasPrices: readonly GasPrice[];
  mempool: MempoolLimits;
  /** Modules beyond auth, bank and tx (the wasm module plugs in here). */
  modules: readonly ChainModule[];
  /** Past versions of state kept for queries at a height; 0 keeps all. */
  keepRecentVersions: number;
  secp256k1Backend: Secp256k1Backend;
}

export interface NodeDeps {
  logger: Logger;
  /** Milliseconds since the epoch; block times come from here (plus any dev time offset). */
  clock: { now(): number };
}

export interface CommittedTx {
  hash: Uint8Array;
  index: number;
  bytes: Uint8Array;
  outcome: TxOutcome;
}

/** A block as subscribers and waiters see it, right after it is durably committed. */
export interface CommittedBlock {
  height: number;
  row: BlockRow;
  txs: CommittedTx[];
  execution: BlockExecution;
}

export interface SubmitResult {
  hash: Uint8Array;
  outcome: TxOutcome;
}

/** A mempool refusal that CometBFT reports as an RPC error rather than a CheckTx code. */
export class MempoolRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MempoolRefusal';
  }
}

/**
 * The embedded node: genesis, mempool, block production, commit (one SQLite transaction per
 * block), and notifications. It runs in one thread; a block is produced synchronously, so no tx
 * is admitted while one executes.
 */
export class ChainNode {
  readonly app: ChainApp;
  readonly blocks: BlockStore;
  private readonly indexer: TxIndexer;
  readonly state: SqliteStateStore;
  readonly mempool: Mempool;
  readonly genesis: Genesis;
  readonly validatorKey: Ed25519Key;
  readonly services: ChainServices;
  private previous: PreviousBlock;
  private timeOffsetNanos = 0n;
  private readonly listeners = new Set<(block: CommittedBlock) => void>();
  private timer: NodeJS.Timeout | undefined;
  private immediate: NodeJS.Immediate | undefined;
  /** How many txs the last block had and when (performance.now()) it was committed. */
  private lastBlock = { txs: 0, committedAt: 0 };
  private running = false;
  private readonly validatorsHash: Uint8Array;
  private readonly consensusHash: Uint8Array;
  private readonly log: Logger;

  constructor(
    private readonly options: NodeOptions,
    private readonly deps: NodeDeps,
  ) {
    const { database, genesis } = options;
    this.genesis = genesis;
    this.validatorKey = options.validatorKey;
    this.log = deps.logger.child({ component: 'node' });
    this.state = new SqliteStateStore(database);
    this.blocks = new BlockStore(database);
    this.indexer = new TxIndexer(database, this.blocks);
    this.mempool = new Mempool(options.mempool);
    this.validatorsHash = validatorsHash(
      genesis.validators.map((v) => ({ publicKey: v.publicKey, power: v.power })),
    );
    this.consensusHash = consensusHash(genesis.maxBlockBytes, genesis.maxBlockGas);
    this.checkValidator();

    const modules = [
      createAuthModule(),
      createBankModule(),
      createTxServiceModule({
        simulate: (bytes) => this.app.simulate(bytes).outcome,
        findTx: (hash) => this.findTx(hash),
      }),
      ...options.modules,
    ];
    this.services = createChainServices({
      chainId: genesis.chainId,
      bech32Prefix: genesis.bech32Prefix,
      modules,
    });

    const genesisAppHash = this.loadOrInitGenesis(this.services.registry);
    const latest = this.blocks.latest();
    this.previous =
      latest === undefined
        ? {
            height: 0,
            blockId: EMPTY_BLOCK_ID,
            time: genesis.genesisTime,
            appHash: genesisAppHash,
            resultsHash: new Uint8Array(),
          }
        : previousFromRow(latest);
    this.app = new ChainApp({
      services: this.services,
      state: this.state,
      ante: {
        minGasPrices: options.minGasPrices,
        maxBlockGas: genesis.maxBlockGas,
        verifier: new SignatureVerifier(options.secp256k1Backend),
      },
      committed: { height: this.previous.height, appHash: this.previous.appHash },
      blockAt: (height) => this.blockInfo(height),
      earliestVersion: () => Number(readMeta(database, 'earliest_version') ?? '0'),
    });
    const reindexed = this.indexer.catchUp();
    if (reindexed > 0) this.log.warn({ txs: reindexed }, 'rebuilt tx index rows lost in a crash');
  }

  /** tx_search over every committed tx (pending index rows are written first). */
  searchTxs(
    conditions: readonly Condition[],
    page: number,
    perPage: number,
    order: SearchOrder,
  ): ReturnType<BlockStore['search']> {
    this.indexer.flush();
    return this.blocks.search(conditions, page, perPage, order);
  }

  get height(): number {
    return this.previous.height;
  }

  get latest(): PreviousBlock {
    return this.previous;
  }

  get blockMode(): BlockMode {
    return this.options.blockMode;
  }

  /** Starts producing blocks; block 1 is produced at once so queries always have a height. */
  start(): void {
    if (this.running) return;
    this.running = true;
    if (this.previous.height === 0) this.produceBlock();
    if (this.options.blockMode.kind === 'interval') this.scheduleInterval();
    else if (this.mempool.count > 0) this.scheduleInstant();
  }

  stop(): void {
    this.indexer.stop();
    this.running = false;
    if (this.timer !== undefined) clearTimeout(this.timer);
    if (this.immediate !== undefined) clearImmediate(this.immediate);
    this.timer = undefined;
    this.immediate = undefined;
  }

  /** CheckTx and mempool admission (broadcast_tx_*). */
  submitTx(bytes: Uint8Array): SubmitResult {
    const hash = sha256(bytes);
    const admit = this.mempool.precheck(bytes, hash);
    if (admit.kind === 'refused') throw new MempoolRefusal(admit.reason);
    const result = this.app.checkTx(bytes, hash);
    if (result.kind === 'accepted') {
      this.mempool.add({ tx: result.tx, gasWanted: result.outcome.gasWanted });
      if (this.running && this.options.blockMode.kind === 'instant') this.scheduleInstant();
    }
    return { hash, outcome: result.outcome };
  }

  /** Executes and commits the next block with what the mempool holds. */
  produceBlock(): CommittedBlock {
    const height = this.previous.height + 1;
    const time = this.nextBlockTime();
    const pending = this.mempool.reap(this.genesis.maxBlockBytes, this.genesis.maxBlockGas);
    const txs = pending.map((entry) => entry.tx);
    const execution = this.app.executeBlock(
      { height, time },
      txs.map((tx) => ({ bytes: tx.bytes, decoded: tx })),
    );
    const built = buildBlock({
      chainId: this.genesis.chainId,
      time,
      previous: this.previous,
      txs: txs.map((tx) => tx.bytes),
      validator: this.validatorKey,
      validatorsHash: this.validatorsHash,
      consensusHash: this.consensusHash,
    });
    const committedTxs = txs.map((tx, index) => ({
      hash: tx.hash,
      index,
      bytes: tx.bytes,
      outcome: execution.outcomes[index] as TxOutcome,
    }));
    const row: BlockRow = {
      height,
      hash: Buffer.from(built.blockId.hash),
      block_json: JSON.stringify(built.json),
      size: built.size,
      num_txs: txs.length,
      finalize_events: JSON.stringify(execution.blockEvents),
      app_hash: Buffer.from(execution.appHash),
      results_hash: Buffer.from(resultsHash(execution.outcomes)),
    };
    this.commit(row, execution, committedTxs);
    this.indexer.add(
      height,
      committedTxs.map((tx) => ({ index: tx.index, events: tx.outcome.events })),
    );
    this.afterCommit(txs, execution, row, built.blockId);
    this.lastBlock = { txs: txs.length, committedAt: performance.now() };
    const block: CommittedBlock = { height, row, txs: committedTxs, execution };
    this.log.info(
      {
        height,
        txs: txs.length,
        time: formatRfc3339Seconds(time),
        appHash: toHexUpper(execution.appHash).slice(0, 16),
      },
      'committed block',
    );
    for (const listener of this.listeners) listener(block);
    return block;
  }

  /** Dev control: later blocks are stamped `seconds` further in the future. */
  advanceTime(seconds: number): Timestamp {
    if (!Number.isSafeInteger(seconds) || seconds < 0)
      throw new RangeError('seconds must be a non-negative integer');
    this.timeOffsetNanos += BigInt(seconds) * 1_000_000_000n;
    return this.nextBlockTime();
  }

  onBlock(listener: (block: CommittedBlock) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The block header time of a committed height (genesis time for 0). */
  blockInfo(height: number): BlockInfo | undefined {
    if (height === this.previous.height) return { height, time: this.previous.time };
    if (height === 0) return { height: 0, time: this.genesis.genesisTime };
    const row = this.blocks.block(height);
    return row === undefined ? undefined : { height, time: previousFromRow(row).time };
  }

  findTx(hash: Uint8Array): IndexedTx | undefined {
    const row = this.blocks.tx(hash);
    if (row === undefined) return undefined;
    const time = this.blockInfo(row.height)?.time ?? this.genesis.genesisTime;
    return {
      height: row.height,
      bytes: row.tx,
      result: JSON.parse(row.result_json),
      timestamp: formatRfc3339Seconds(time),
    };
  }

  private commit(row: BlockRow, execution: BlockExecution, txs: readonly CommittedTx[]): void {
    const newTxs: NewTx[] = txs.map((tx) => ({
      hash: tx.hash,
      index: tx.index,
      bytes: tx.bytes,
      resultJson: JSON.stringify(txResultJson(tx.outcome)),
    }));
    const keep = this.options.keepRecentVersions;
    this.options.database.transaction(() => {
      this.state.applyChanges(row.height, execution.changes, true);
      this.blocks.save(row, newTxs);
      if (keep > 0 && row.height > keep) {
        this.state.prune(row.height - keep);
        writeMeta(this.options.database, 'earliest_version', String(row.height - keep));
      }
    })();
    this.state.committed(execution.changes);
  }

  private afterCommit(
    txs: readonly DecodedTx[],
    execution: BlockExecution,
    row: BlockRow,
    blockId: PreviousBlock['blockId'],
  ): void {
    this.app.committedBlock(execution);
    this.mempool.remove(txs);
    const remaining = this.mempool.all().map((entry) => entry.tx);
    if (remaining.length > 0) {
      const valid = new Set(this.app.recheck(remaining));
      this.mempool.remove(remaining.filter((tx) => !valid.has(tx)));
    }
    this.previous = {
      height: row.height,
      blockId,
      time: execution.block.time,
      appHash: execution.appHash,
      resultsHash: row.results_hash,
    };
  }

  private nextBlockTime(): Timestamp {
    const now = BigInt(Math.floor(this.deps.clock.now())) * 1_000_000n + this.timeOffsetNanos;
    // Strictly after the previous block (block 1 may carry the genesis time itself).
    const floor = timestampToNanos(this.previous.time) + (this.previous.height === 0 ? 0n : 1n);
    return timestampFromNanos(now > floor ? now : floor);
  }

  /**
   * Instant mode: a tx gets a block at once — unless the chain is under load (the last block
   * carried several txs and was committed moments ago), when the next block waits up to
   * INSTANT_COALESCE_MS after that commit and takes everything that arrived meanwhile, so a
   * stream of txs pays the per-block costs (header, signature, SQLite commit) once per batch.
   */
  private scheduleInstant(): void {
    if (this.immediate !== undefined || this.timer !== undefined) return;
    const wait =
      this.lastBlock.txs > 1 ? this.lastBlock.committedAt + INSTANT_COALESCE_MS - performance.now() : 0;
    const produce = () => {
      this.immediate = undefined;
      this.timer = undefined;
      if (!this.running || this.mempool.count === 0) return;
      this.produceSafely();
      if (this.mempool.count > 0) this.scheduleInstant();
    };
    if (wait > 0) this.timer = setTimeout(produce, wait);
    else this.immediate = setImmediate(produce);
  }

  private scheduleInterval(): void {
    if (this.options.blockMode.kind !== 'interval') return;
    const { intervalMs, createEmptyBlocks } = this.options.blockMode;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (!this.running) return;
      if (createEmptyBlocks || this.mempool.count > 0) this.produceSafely();
      this.scheduleInterval();
    }, intervalMs);
  }

  private produceSafely(): void {
    try {
      this.produceBlock();
    } catch (error) {
      // The block's SQLite transaction rolled back and no in-memory state moved: the next
      // attempt starts from the same committed block.
      this.log.error({ err: error, height: this.previous.height + 1 }, 'block production failed');
    }
  }

  private loadOrInitGenesis(registry: ModuleRegistry): Uint8Array {
    const db = this.options.database;
    const stored = readMeta(db, 'genesis');
    if (stored !== undefined) {
      const storedChainId = (JSON.parse(stored) as { chain_id: string }).chain_id;
      if (storedChainId !== this.genesis.chainId) {
        throw new Error(
          `the database holds chain ${storedChainId}, but the genesis is for ${this.genesis.chainId}`,
        );
      }
      return fromHex(readMeta(db, 'genesis_app_hash') as string);
    }
    const app = new ChainApp({
      services: this.services,
      state: this.state,
      ante: { minGasPrices: [], maxBlockGas: -1, verifier: new SignatureVerifier() },
      committed: { height: 0, appHash: new Uint8Array() },
      blockAt: () => ({ height: 0, time: this.genesis.genesisTime }),
      earliestVersion: () => 0,
    });
    let init: ReturnType<ChainApp['initChain']>;
    try {
      init = app.initChain(this.genesis.appState, { height: 0, time: this.genesis.genesisTime });
    } catch (error) {
      throw new Error(`genesis state is invalid: ${(error as Error).message}`, { cause: error });
    }
    db.transaction(() => {
      this.state.applyChanges(0, init.changes, false);
      writeMeta(db, 'genesis', JSON.stringify(this.genesis.json));
      writeMeta(db, 'genesis_app_hash', toHex(init.appHash));
    })();
    this.state.committed(init.changes);
    this.log.info(
      { chainId: this.genesis.chainId, modules: registry.modules().map((m) => m.name) },
      'initialised genesis state',
    );
    return init.appHash;
  }

  private checkValidator(): void {
    const listed = this.genesis.validators.some(
      (v) => Buffer.compare(v.publicKey, this.validatorKey.publicKey) === 0,
    );
    if (!listed) throw new Error('the validator key is not a validator in the genesis file');
  }
}

function previousFromRow(row: BlockRow): PreviousBlock {
  const json = JSON.parse(row.block_json) as {
    block_id: { hash: string; parts: { total: number; hash: string } };
    header: { time: string };
  };
  return {
    height: row.height,
    blockId: {
      hash: fromHex(json.block_id.hash),
      parts: { total: json.block_id.parts.total, hash: fromHex(json.block_id.parts.hash) },
    },
    time: parseRfc3339(json.header.time),
    appHash: row.app_hash,
    resultsHash: row.results_hash,
  };
}
