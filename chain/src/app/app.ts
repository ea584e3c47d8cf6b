import { CacheStore, type StoreChange } from '../store/cache';
import type { SqliteStateStore } from '../store/sqlite-state';
import type { BranchableStore } from '../store/types';
import { ChainError, sdkErrors, toAbciError, type AbciError } from '../errors/chain-error';
import { createInfiniteGasMeter } from '../gas/meter';
import { Context, type ChainServices } from '../modules/context';
import type { ChainEvent } from '../modules/events';
import type { BlockInfo, ExecMode } from '../modules/types';
import type { AnteSettings } from '../tx/ante';
import { decodeTx, type DecodedTx } from '../tx/decode';
import { runTx, type TxOutcome } from '../tx/run-tx';
import { nextAppHash } from './app-hash';

export interface CommittedInfo {
  height: number;
  appHash: Uint8Array;
}

export type CheckTxResult =
  { kind: 'accepted'; tx: DecodedTx; outcome: TxOutcome } | { kind: 'rejected'; outcome: TxOutcome };

export interface BlockExecution {
  height: number;
  block: BlockInfo;
  outcomes: TxOutcome[];
  /** Events of begin/end block hooks: finalize_block_events. */
  blockEvents: ChainEvent[];
  changes: StoreChange[];
  appHash: Uint8Array;
}

export interface QueryResult extends AbciError {
  value: Uint8Array;
  height: number;
}

export interface AppOptions {
  services: ChainServices;
  state: SqliteStateStore;
  ante: AnteSettings;
  committed: CommittedInfo;
  /** The block a height's state belongs to (its time), for query contexts. */
  blockAt(height: number): BlockInfo | undefined;
  /** The lowest height whose state can still be read. */
  earliestVersion(): number;
}

/**
 * The state machine behind the node (what an ABCI application is to CometBFT): CheckTx against
 * a check state that accumulates the mempool's effects, simulation, queries at any retained
 * height, and block execution on a branch whose change set the node commits.
 */
export class ChainApp {
  private checkState: CacheStore;
  private last: CommittedInfo;

  constructor(private readonly options: AppOptions) {
    this.last = options.committed;
    this.checkState = new CacheStore(options.state);
  }

  get committed(): CommittedInfo {
    return this.last;
  }

  get services(): ChainServices {
    return this.options.services;
  }

  /** InitChain: runs every module's genesis on an empty state; returns the change set and hash. */
  initChain(
    appState: Record<string, unknown>,
    block: BlockInfo,
  ): { changes: StoreChange[]; appHash: Uint8Array } {
    const branch = new CacheStore(this.options.state);
    const ctx = this.context('genesis', block, branch);
    for (const module of this.options.services.registry.modules())
      module.initGenesis?.(ctx, appState[module.name]);
    const changes = branch.changes();
    return { changes, appHash: nextAppHash(new Uint8Array(), changes) };
  }

  /** `hash`: sha256(bytes) when the caller has it (the mempool does). */
  checkTx(bytes: Uint8Array, hash?: Uint8Array): CheckTxResult {
    const block = this.nextBlockInfo();
    let tx: DecodedTx;
    try {
      tx = decodeTx(bytes, this.options.services.registry, hash);
    } catch (error) {
      return { kind: 'rejected', outcome: rejection(error) };
    }
    const outcome = runTx(this.context('check', block, this.checkState), tx, this.options.ante);
    return outcome.code === 0 ? { kind: 'accepted', tx, outcome } : { kind: 'rejected', outcome };
  }

  /** Re-runs CheckTx for txs still in the mempool after a commit; returns those still valid. */
  recheck(txs: readonly DecodedTx[]): DecodedTx[] {
    const block = this.nextBlockInfo();
    const ctx = this.context('check', block, this.checkState);
    return txs.filter((tx) => runTx(ctx, tx, this.options.ante).code === 0);
  }

  /** Gas estimation over the check state (so pending txs count), on a throwaway branch. */
  simulate(bytes: Uint8Array): { tx: DecodedTx; outcome: TxOutcome } {
    const tx = decodeTx(bytes, this.options.services.registry);
    const ctx = this.context('simulate', this.nextBlockInfo(), this.checkState.branch()).derive({
      txIndex: 0,
    });
    return { tx, outcome: runTx(ctx, tx, this.options.ante) };
  }

  query(path: string, data: Uint8Array, requestedHeight: number): QueryResult {
    const height = requestedHeight === 0 ? this.last.height : requestedHeight;
    try {
      const handler = this.options.services.registry.queryHandler(path);
      if (handler === undefined) throw sdkErrors.unknownRequest.wrap(`unknown query path ${path}`);
      const ctx = this.queryContext(height);
      return { codespace: '', code: 0, log: '', value: handler.handle(ctx, data), height };
    } catch (error) {
      return { ...toAbciError(error), value: new Uint8Array(), height };
    }
  }

  /** A read-only context over the state after block `height` (writes land on a dropped branch). */
  queryContext(height: number): Context {
    if (height > this.last.height) {
      throw sdkErrors.invalidRequest.wrap(
        `cannot query with height in the future; please provide a valid height (latest height: ${this.last.height})`,
      );
    }
    const earliest = this.options.earliestVersion();
    if (height < earliest) {
      throw sdkErrors.invalidRequest.wrap(
        `failed to load state at height ${height}; version does not exist (earliest available height: ${earliest})`,
      );
    }
    const block = this.options.blockAt(height) ?? { height, time: { seconds: 0n, nanos: 0 } };
    const view = this.options.state.at(height, this.last.height);
    return this.context('query', block, new CacheStore(view));
  }

  /** Runs a block on a branch of the committed state; nothing is stored until the node commits. */
  executeBlock(
    block: BlockInfo,
    txs: ReadonlyArray<{ bytes: Uint8Array; decoded?: DecodedTx }>,
  ): BlockExecution {
    if (block.height !== this.last.height + 1) {
      throw new Error(`block ${block.height} cannot follow committed height ${this.last.height}`);
    }
    const branch = new CacheStore(this.options.state);
    const blockCtx = this.context('deliver', block, branch);
    const modules = this.options.services.registry.modules();
    for (const module of modules) module.beginBlock?.(blockCtx);
    const outcomes = txs.map(({ bytes, decoded }, txIndex) => {
      let tx = decoded;
      if (tx === undefined) {
        try {
          tx = decodeTx(bytes, this.options.services.registry);
        } catch (error) {
          return rejection(error);
        }
      }
      return runTx(blockCtx.derive({ txIndex }), tx, this.options.ante);
    });
    for (const module of modules) module.endBlock?.(blockCtx);
    const changes = branch.changes();
    return {
      height: block.height,
      block,
      outcomes,
      blockEvents: [...blockCtx.events.events()],
      changes,
      appHash: nextAppHash(this.last.appHash, changes),
    };
  }

  /** Called by the node once the block is durably stored: the check state starts afresh. */
  committedBlock(execution: BlockExecution): void {
    this.last = { height: execution.height, appHash: execution.appHash };
    this.checkState = new CacheStore(this.options.state);
  }

  private nextBlockInfo(): BlockInfo {
    const current = this.options.blockAt(this.last.height);
    return { height: this.last.height + 1, time: current?.time ?? { seconds: 0n, nanos: 0 } };
  }

  private context(mode: ExecMode, block: BlockInfo, store: BranchableStore): Context {
    return new Context(this.options.services, mode, block, store, createInfiniteGasMeter());
  }
}

function rejection(error: unknown): TxOutcome {
  const abci = toAbciError(error instanceof ChainError ? error : sdkErrors.txDecode.wrap(String(error)));
  return { ...abci, data: new Uint8Array(), gasWanted: 0, gasUsed: 0, events: [], msgResponses: [] };
}
