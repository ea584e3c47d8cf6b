import { toBase64, toHex, toHexUpper } from '../encoding/bytes';
import { formatRfc3339Nano } from '../encoding/time';
import type { BlockRow, TxRow } from '../node/block-store';
import { BLOCK_PROTOCOL, precommitSignBytes } from '../node/cometbft-hash';
import { MempoolRefusal, type ChainNode, type CommittedTx } from '../node/node';
import { parseQuery, QueryError } from '../node/tx-query';
import { internalError, invalidParams, RpcError, RPC_METHOD_NOT_FOUND } from './errors';
import { commitJson, txResultJson, type Json } from './json';
import type { ParamSpec, ParamValue } from './params';

export const COMETBFT_VERSION = '0.38.17';

export interface RpcEnvironment {
  node: ChainNode;
  moniker: string;
  /** e.g. "tcp://127.0.0.1:26657", known once the server listens. */
  listenAddress(): string;
  dev: boolean;
  /** How long broadcast_tx_commit waits for inclusion. */
  commitTimeoutMs: number;
  /** Aborted when the server shuts down: pending broadcast_tx_commit calls give up. */
  signal: AbortSignal;
}

export interface RpcMethod {
  params: readonly ParamSpec[];
  /** Only when the chain runs in dev mode. */
  dev?: boolean;
  call(params: Record<string, ParamValue>, env: RpcEnvironment): Json | Promise<Json>;
}

const height: ParamSpec = { name: 'height', kind: 'int' };

export const METHODS: Readonly<Record<string, RpcMethod>> = {
  health: { params: [], call: () => ({}) },
  status: { params: [], call: (_p, env) => status(env) },
  abci_info: {
    params: [],
    call: (_p, { node }) => ({
      response: {
        data: 'nymts',
        version: '0.1.0',
        app_version: '0',
        last_block_height: String(node.height),
        last_block_app_hash: toBase64(node.app.committed.appHash),
      },
    }),
  },
  abci_query: {
    params: [
      { name: 'path', kind: 'string' },
      { name: 'data', kind: 'hex' },
      height,
      { name: 'prove', kind: 'bool' },
    ],
    call({ path, data, height: at }, { node }) {
      if (typeof path !== 'string') throw invalidParams('path is required');
      const result = node.app.query(
        path,
        (data as Uint8Array | undefined) ?? new Uint8Array(),
        (at as number | undefined) ?? 0,
      );
      return {
        response: {
          code: result.code,
          log: result.log,
          info: '',
          index: '0',
          key: null,
          value: result.value.length === 0 ? null : toBase64(result.value),
          proofOps: null,
          height: String(result.height),
          codespace: result.codespace,
        },
      };
    },
  },
  broadcast_tx_async: {
    params: [{ name: 'tx', kind: 'base64' }],
    call({ tx }, { node }) {
      const { hash } = submit(node, tx);
      return { code: 0, data: '', log: '', codespace: '', hash: toHexUpper(hash) };
    },
  },
  broadcast_tx_sync: {
    params: [{ name: 'tx', kind: 'base64' }],
    call({ tx }, { node }) {
      const { hash, outcome } = submit(node, tx);
      return {
        code: outcome.code,
        data: outcome.data.length === 0 ? '' : toBase64(outcome.data),
        log: outcome.log,
        codespace: outcome.codespace,
        hash: toHexUpper(hash),
      };
    },
  },
  broadcast_tx_commit: {
    params: [{ name: 'tx', kind: 'base64' }],
    call: ({ tx }, env) => broadcastCommit(tx, env),
  },
  tx: {
    params: [
      { name: 'hash', kind: 'base64' },
      { name: 'prove', kind: 'bool' },
    ],
    call({ hash }, { node }) {
      if (!(hash instanceof Uint8Array)) throw invalidParams('hash is required');
      const row = node.blocks.tx(hash);
      if (row === undefined) throw internalError(`tx (${toHexUpper(hash)}) not found`);
      return txJson(row);
    },
  },
  tx_search: {
    params: [
      { name: 'query', kind: 'string' },
      { name: 'prove', kind: 'bool' },
      { name: 'page', kind: 'int' },
      { name: 'per_page', kind: 'int' },
      { name: 'order_by', kind: 'string' },
    ],
    call({ query, page, per_page: perPage, order_by: orderBy }, { node }) {
      if (typeof query !== 'string') throw invalidParams('query is required');
      const order = orderBy ?? 'asc';
      if (order !== 'asc' && order !== 'desc')
        throw internalError('expected order_by to be either `asc` or `desc` or empty');
      let conditions;
      try {
        conditions = parseQuery(query);
      } catch (error) {
        throw internalError(`failed to parse query: ${(error as Error).message}`);
      }
      const size = pageSize(perPage as number | undefined);
      const wanted = (page as number | undefined) ?? 1;
      let found;
      try {
        found = node.searchTxs(conditions, Math.max(1, wanted), size, order);
      } catch (error) {
        if (error instanceof QueryError) throw internalError(error.message);
        throw error;
      }
      checkPage(wanted, size, found.total);
      return { txs: found.rows.map(txJson), total_count: String(found.total) };
    },
  },
  block: {
    params: [height],
    call: ({ height: at }, { node }) =>
      blockResponse(node, node.blocks.block(heightOf(node, at)) as BlockRow),
  },
  block_by_hash: {
    params: [{ name: 'hash', kind: 'base64' }],
    call({ hash }, { node }) {
      if (!(hash instanceof Uint8Array)) throw invalidParams('hash is required');
      const row = node.blocks.blockByHash(hash);
      if (row === undefined) return { block_id: { hash: '', parts: { total: 0, hash: '' } }, block: null };
      return blockResponse(node, row);
    },
  },
  block_results: {
    params: [height],
    call({ height: at }, { node }) {
      const row = node.blocks.block(heightOf(node, at)) as BlockRow;
      const results = node.blocks.blockTxs(row.height).map((tx) => JSON.parse(tx.result_json) as Json);
      return {
        height: String(row.height),
        txs_results: results.length === 0 ? null : results,
        finalize_block_events: JSON.parse(row.finalize_events) as Json,
        validator_updates: [],
        consensus_param_updates: null,
        app_hash: toBase64(row.app_hash),
      };
    },
  },
  blockchain: {
    params: [
      { name: 'minHeight', kind: 'int' },
      { name: 'maxHeight', kind: 'int' },
    ],
    call({ minHeight, maxHeight }, { node }) {
      const latest = node.height;
      let max = (maxHeight as number | undefined) ?? latest;
      let min = (minHeight as number | undefined) ?? 1;
      if (min < 0 || max < 0) throw internalError('heights must be non-negative');
      if (max === 0) max = latest;
      max = Math.min(max, latest);
      min = Math.max(min, 1, max - 19);
      if (min > max) throw internalError(`min height ${min} can't be greater than max height ${max}`);
      const metas: Json[] = [];
      for (let h = max; h >= min; h--) {
        const row = node.blocks.block(h) as BlockRow;
        const stored = JSON.parse(row.block_json) as { block_id: Json; header: Json };
        metas.push({
          block_id: stored.block_id,
          block_size: String(row.size),
          header: stored.header,
          num_txs: String(row.num_txs),
        });
      }
      return { last_height: String(latest), block_metas: metas };
    },
  },
  commit: {
    params: [height],
    call({ height: at }, { node }) {
      const target = heightOf(node, at);
      const row = node.blocks.block(target) as BlockRow;
      const stored = JSON.parse(row.block_json) as { header: Json };
      const next = node.blocks.block(target + 1);
      if (next !== undefined) {
        const nextJson = JSON.parse(next.block_json) as { last_commit: Json };
        return { signed_header: { header: stored.header, commit: nextJson.last_commit }, canonical: true };
      }
      // The latest block has no canonical commit yet: sign one now, as a node's "seen commit".
      const { blockId, time } = node.latest;
      const signature = node.validatorKey.sign(
        precommitSignBytes(node.genesis.chainId, target, blockId, time),
      );
      const commit = commitJson({
        height: target,
        blockId,
        signatures: [{ validatorAddress: node.validatorKey.address, timestamp: time, signature }],
      });
      return { signed_header: { header: stored.header, commit }, canonical: false };
    },
  },
  validators: {
    params: [height, { name: 'page', kind: 'int' }, { name: 'per_page', kind: 'int' }],
    call({ height: at }, { node }) {
      const validators = node.genesis.validators.map((validator) => ({
        address: toHexUpper(validator.address),
        pub_key: { type: 'tendermint/PubKeyEd25519', value: toBase64(validator.publicKey) },
        voting_power: String(validator.power),
        proposer_priority: '0',
      }));
      return {
        block_height: String(heightOf(node, at)),
        validators,
        count: String(validators.length),
        total: String(validators.length),
      };
    },
  },
  genesis: { params: [], call: (_p, { node }) => ({ genesis: node.genesis.json as unknown as Json }) },
  consensus_params: {
    params: [height],
    call: ({ height: at }, { node }) => ({
      block_height: String(heightOf(node, at)),
      consensus_params: node.genesis.json.consensus_params as unknown as Json,
    }),
  },
  num_unconfirmed_txs: {
    params: [],
    call: (_p, { node }) => ({
      n_txs: String(node.mempool.count),
      total: String(node.mempool.count),
      total_bytes: String(node.mempool.totalBytes),
      txs: null,
    }),
  },
  unconfirmed_txs: {
    params: [{ name: 'limit', kind: 'int' }],
    call({ limit }, { node }) {
      const txs = node.mempool
        .all()
        .slice(0, Math.min(Math.max((limit as number | undefined) ?? 30, 1), 100));
      return {
        n_txs: String(txs.length),
        total: String(node.mempool.count),
        total_bytes: String(node.mempool.totalBytes),
        txs: txs.map((entry) => toBase64(entry.tx.bytes)),
      };
    },
  },
  net_info: {
    params: [],
    call: (_p, env) => ({ listening: true, listeners: [env.listenAddress()], n_peers: '0', peers: [] }),
  },
  dev_produce_block: {
    params: [{ name: 'count', kind: 'int' }],
    dev: true,
    call({ count }, { node }) {
      const blocks = (count as number | undefined) ?? 1;
      if (blocks < 1 || blocks > 1000) throw invalidParams('count must be between 1 and 1000');
      for (let i = 0; i < blocks; i++) node.produceBlock();
      return { height: String(node.height), time: formatRfc3339Nano(node.latest.time) };
    },
  },
  dev_advance_time: {
    params: [
      { name: 'seconds', kind: 'int' },
      { name: 'produce_block', kind: 'bool' },
    ],
    dev: true,
    call({ seconds, produce_block: produce }, { node }) {
      if (typeof seconds !== 'number' || seconds < 0)
        throw invalidParams('seconds must be a non-negative integer');
      const next = node.advanceTime(seconds);
      if (produce === true) node.produceBlock();
      return {
        height: String(node.height),
        next_block_time: formatRfc3339Nano(next),
        latest_block_time: formatRfc3339Nano(node.latest.time),
      };
    },
  },
};

export function methodNotFound(name: string): RpcError {
  return new RpcError(RPC_METHOD_NOT_FOUND, `method ${JSON.stringify(name)} is not served by this node`);
}

function submit(node: ChainNode, tx: ParamValue): ReturnType<ChainNode['submitTx']> {
  if (!(tx instanceof Uint8Array)) throw invalidParams('tx is required');
  try {
    return node.submitTx(tx);
  } catch (error) {
    if (error instanceof MempoolRefusal) throw internalError(error.message);
    throw error;
  }
}

async function broadcastCommit(tx: ParamValue, env: RpcEnvironment): Promise<Json> {
  const { node } = env;
  let resolve: (included: { height: number; tx: CommittedTx }) => void = () => undefined;
  const included = new Promise<{ height: number; tx: CommittedTx }>((done) => (resolve = done));
  let wanted: string | undefined;
  const unsubscribe = node.onBlock((block) => {
    const found = block.txs.find((candidate) => toHex(candidate.hash) === wanted);
    if (found !== undefined) resolve({ height: block.height, tx: found });
  });
  try {
    const { hash, outcome } = submit(node, tx);
    const checkTx = { ...(txResultJson(outcome) as Record<string, Json>) };
    if (outcome.code !== 0) return { check_tx: checkTx, tx_result: {}, hash: toHexUpper(hash), height: '0' };
    wanted = toHex(hash);
    const result = await withTimeout(included, env);
    return {
      check_tx: checkTx,
      tx_result: txResultJson(result.tx.outcome),
      hash: toHexUpper(hash),
      height: String(result.height),
    };
  } finally {
    unsubscribe();
  }
}

function withTimeout<T>(promise: Promise<T>, env: RpcEnvironment): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const fail = (message: string): void => {
      clearTimeout(timer);
      env.signal.removeEventListener('abort', onAbort);
      reject(internalError(message));
    };
    const onAbort = (): void => fail('the node is shutting down');
    const timer = setTimeout(
      () => fail('timed out waiting for tx to be included in a block'),
      env.commitTimeoutMs,
    );
    env.signal.addEventListener('abort', onAbort, { once: true });
    promise.then((value) => {
      clearTimeout(timer);
      env.signal.removeEventListener('abort', onAbort);
      resolve(value);
    }, reject);
  });
}

function heightOf(node: ChainNode, requested: ParamValue): number {
  const latest = node.height;
  if (requested === undefined || requested === 0) return latest;
  const value = requested as number;
  if (value < 0) throw internalError(`height must be greater than 0, but got ${value}`);
  if (value > latest)
    throw internalError(
      `height ${value} must be less than or equal to the current blockchain height ${latest}`,
    );
  return value;
}

function pageSize(perPage: number | undefined): number {
  if (perPage === undefined || perPage <= 0) return 30;
  return Math.min(perPage, 100);
}

function checkPage(page: number, perPage: number, total: number): void {
  const pages = Math.max(1, Math.ceil(total / perPage));
  if (page < 1 || page > pages)
    throw internalError(`page should be within [1, ${pages}] range, given ${page}`);
}

function txJson(row: TxRow): Json {
  return {
    hash: toHexUpper(row.hash),
    height: String(row.height),
    index: row.idx,
    tx_result: JSON.parse(row.result_json) as Json,
    tx: toBase64(row.tx),
  };
}

/** `{ block_id, block }` as the block method and NewBlock events carry it. */
export function blockResponse(node: ChainNode, row: BlockRow): { block_id: Json; block: Json } {
  const stored = JSON.parse(row.block_json) as { block_id: Json; header: Json; last_commit: Json };
  const txs = node.blocks.blockTxs(row.height).map((tx) => toBase64(tx.tx));
  return {
    block_id: stored.block_id,
    block: {
      header: stored.header,
      data: { txs },
      evidence: { evidence: [] },
      last_commit: stored.last_commit,
    },
  };
}

function status(env: RpcEnvironment): Json {
  const { node } = env;
  const latest = node.blocks.block(node.height) as BlockRow;
  const earliest = node.blocks.block(1) as BlockRow;
  const header = (row: BlockRow) =>
    JSON.parse(row.block_json) as { header: { app_hash: string; time: string } };
  const validator = node.validatorKey;
  return {
    node_info: {
      protocol_version: { p2p: '8', block: String(BLOCK_PROTOCOL), app: '0' },
      id: toHex(validator.address),
      listen_addr: env.listenAddress(),
      network: node.genesis.chainId,
      version: COMETBFT_VERSION,
      channels: '40202122233038606100',
      moniker: env.moniker,
      other: { tx_index: 'on', rpc_address: env.listenAddress() },
    },
    sync_info: {
      latest_block_hash: toHexUpper(latest.hash),
      latest_app_hash: header(latest).header.app_hash,
      latest_block_height: String(latest.height),
      latest_block_time: header(latest).header.time,
      earliest_block_hash: toHexUpper(earliest.hash),
      earliest_app_hash: header(earliest).header.app_hash,
      earliest_block_height: '1',
      earliest_block_time: header(earliest).header.time,
      catching_up: false,
    },
    validator_info: {
      address: toHexUpper(validator.address),
      pub_key: { type: 'tendermint/PubKeyEd25519', value: toBase64(validator.publicKey) },
      voting_power: '10',
    },
  };
}
