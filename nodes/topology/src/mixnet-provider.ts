// The topology from the mixnet contract: the active set with its layers (get_rewarded_set) and the
// bonded gateways (get_gateways), read over RPC through cosmjs, as a Nym client reads it.
import { parseTopologyDocument, type Topology, type TopologyProvider } from '@nymts/client';
import { connectReader } from '@nymts/contracts-client';
import type { z } from 'zod';
import {
  describeIssues,
  gatewayBond,
  gatewaysPage,
  rewardedSetNode,
  rewardedSetPage,
} from './contract-answers';
import { type SkippedNode, topologyError } from './errors';
import { readAllPages } from './pages';
import { parsePerformance } from './performance';
import { type HostResolver, resolveHost as systemResolveHost } from './resolve-host';

/** What the provider needs of a chain connection (cosmjs's CosmWasmClient has it). */
export interface ContractReader {
  queryContractSmart(address: string, query: Record<string, unknown>): Promise<unknown>;
  disconnect(): void;
}

export interface MixnetTopologyOptions {
  /** The chain's CometBFT RPC endpoint, e.g. http://127.0.0.1:26657. */
  rpcUrl: string;
  /** The mixnet contract (the deployment record's `mixnet` role). */
  mixnetAddress: string;
  /**
   * The performance of a node the rewarding validator has not reported on yet (a new network, a
   * newly bonded node): 1, so that a fresh network is usable before its first report.
   */
  unmeasuredPerformance?: number;
  /** Nodes per query (the contract allows up to 250 for the rewarded set, 100 for gateways). */
  pageSize?: number;
}

export interface MixnetTopologyDeps {
  connect?: (rpcUrl: string) => Promise<ContractReader>;
  resolveHost?: HostResolver;
  /** Nodes left out of a fetch because their bond cannot be routed through, with the reason. */
  onSkipped?: (nodes: SkippedNode[]) => void;
}

export interface MixnetTopologyProvider extends TopologyProvider {
  /** Closes the RPC connection; a later fetch opens a new one. */
  close(): void;
}

const DEFAULT_PAGE_SIZE = 100;

interface Candidate {
  id: string;
  host: string;
  entry: Record<string, unknown>;
}

type Reading = { kind: 'use'; candidate: Candidate } | { kind: 'skip'; reason: string; id: string };

async function defaultConnect(rpcUrl: string): Promise<ContractReader> {
  const session = await connectReader(rpcUrl);
  return {
    queryContractSmart: (address, query) => session.client.queryContractSmart(address, query),
    disconnect: session.disconnect,
  };
}

function performanceOf(text: string | null, unmeasured: number): ReturnType<typeof parsePerformance> {
  return text === null ? { kind: 'ok', value: unmeasured } : parsePerformance(text);
}

function readMixnode(raw: unknown, index: number, unmeasured: number): Reading | undefined {
  const parsed = rewardedSetNode.safeParse(raw);
  if (!parsed.success) return { kind: 'skip', id: `#${index}`, reason: describeIssues(parsed.error) };
  const node = parsed.data;
  const id = String(node.mix_id);
  // Standby nodes are in the rewarded set but carry no traffic; clients route through the active set.
  if (node.status === 'standby') return undefined;
  if (node.layer === null || node.layer < 1 || node.layer > 3) {
    return { kind: 'skip', id, reason: `active node without a layer 1–3 (layer ${node.layer})` };
  }
  const performance = performanceOf(node.last_performance, unmeasured);
  if (performance.kind === 'bad') return { kind: 'skip', id, reason: performance.reason };
  const { host, mix_port: mixPort, sphinx_key: sphinxKey, identity_key: identityKey } = node.mix_node;
  return {
    kind: 'use',
    candidate: {
      id,
      host,
      entry: { identityKey, sphinxKey, mixPort, layer: node.layer, performance: performance.value },
    },
  };
}

function readGateway(raw: unknown, index: number, unmeasured: number): Reading {
  const parsed = gatewayBond.safeParse(raw);
  if (!parsed.success) return { kind: 'skip', id: `#${index}`, reason: describeIssues(parsed.error) };
  const { gateway, last_performance: lastPerformance } = parsed.data;
  const id = gateway.identity_key;
  const performance = performanceOf(lastPerformance, unmeasured);
  if (performance.kind === 'bad') return { kind: 'skip', id, reason: performance.reason };
  return {
    kind: 'use',
    candidate: {
      id,
      host: gateway.host,
      entry: {
        identityKey: gateway.identity_key,
        sphinxKey: gateway.sphinx_key,
        mixPort: gateway.mix_port,
        clientsPort: gateway.clients_port,
        performance: performance.value,
      },
    },
  };
}

/**
 * A TopologyProvider for `@nymts/client` that reads the mixnet contract on every fetch. Nodes whose
 * bond cannot be used (a bad key, an unresolvable host, an active node without a layer) are left
 * out and reported through `onSkipped`; an unreachable chain or an answer that is not the mixnet
 * contract's is an error, and the client keeps its last good topology.
 */
export function createMixnetTopologyProvider(
  options: MixnetTopologyOptions,
  deps: MixnetTopologyDeps = {},
): MixnetTopologyProvider {
  const connect = deps.connect ?? defaultConnect;
  const resolve = deps.resolveHost ?? systemResolveHost;
  const unmeasured = options.unmeasuredPerformance ?? 1;
  const limit = options.pageSize ?? DEFAULT_PAGE_SIZE;
  const where = { rpcUrl: options.rpcUrl, contract: options.mixnetAddress };
  let reader: Promise<ContractReader> | undefined;

  const connection = (): Promise<ContractReader> => {
    reader ??= connect(options.rpcUrl).catch((error: unknown) => {
      reader = undefined;
      throw topologyError(`cannot reach the chain at ${options.rpcUrl} for the topology`, where, error);
    });
    return reader;
  };

  async function query<T>(
    name: string,
    args: Record<string, unknown>,
    shape: z.ZodType<T>,
    signal?: AbortSignal,
  ): Promise<T> {
    signal?.throwIfAborted();
    const client = await connection();
    let answer: unknown;
    try {
      answer = await client.queryContractSmart(options.mixnetAddress, { [name]: args });
    } catch (error) {
      throw topologyError(
        `the mixnet contract ${options.mixnetAddress} (at ${options.rpcUrl}) did not answer ${name}: ${(error as Error).message}`,
        { ...where, query: name },
        error,
      );
    }
    const parsed = shape.safeParse(answer);
    if (!parsed.success) {
      throw topologyError(
        `the answer of ${options.mixnetAddress} to ${name} is not the mixnet contract's: ${describeIssues(parsed.error)}`,
        { ...where, query: name },
      );
    }
    return parsed.data;
  }

  const readMixnodes = (signal?: AbortSignal) =>
    readAllPages<number, unknown>('get_rewarded_set', async (startAfter) => {
      const page = await query(
        'get_rewarded_set',
        { start_after: startAfter, limit },
        rewardedSetPage,
        signal,
      );
      return { items: page.nodes, next: page.start_next_after };
    });

  const readGateways = (signal?: AbortSignal) =>
    readAllPages<string, unknown>('get_gateways', async (startAfter) => {
      const page = await query('get_gateways', { start_after: startAfter, limit }, gatewaysPage, signal);
      return { items: page.nodes, next: page.start_next_after };
    });

  /** Resolves each candidate's host; a host that does not resolve skips that node only. */
  async function withAddresses(
    kind: SkippedNode['kind'],
    readings: Array<Reading | undefined>,
    skipped: SkippedNode[],
    signal?: AbortSignal,
  ): Promise<Candidate[]> {
    const usable: Candidate[] = [];
    for (const reading of readings) {
      if (reading === undefined) continue;
      if (reading.kind === 'skip') {
        skipped.push({ kind, id: reading.id, reason: reading.reason });
        continue;
      }
      const { candidate } = reading;
      try {
        usable.push({ ...candidate, host: await resolve(candidate.host, signal) });
      } catch (error) {
        signal?.throwIfAborted();
        const reason = `host "${candidate.host}" does not resolve: ${(error as Error).message}`;
        skipped.push({ kind, id: candidate.id, reason });
      }
    }
    return usable;
  }

  return {
    async fetch(signal): Promise<Topology> {
      const mixnodes = (await readMixnodes(signal)).map((raw, i) => readMixnode(raw, i, unmeasured));
      const gateways = (await readGateways(signal)).map((raw, i) => readGateway(raw, i, unmeasured));
      const skipped: SkippedNode[] = [];
      const usableMixnodes = await withAddresses('mixnode', mixnodes, skipped, signal);
      const usableGateways = await withAddresses('gateway', gateways, skipped, signal);
      const document = {
        mixnodes: usableMixnodes.map(({ host, entry }) => ({ ...entry, host })),
        gateways: usableGateways.map(({ host, entry }) => ({ ...entry, host })),
      };
      // The client's own reader checks keys and layers and builds the Sphinx addresses.
      const parsed = parseTopologyDocument(document);
      for (const entry of parsed.skipped) {
        const candidates = entry.kind === 'mixnode' ? usableMixnodes : usableGateways;
        skipped.push({ kind: entry.kind, id: candidates[entry.index]!.id, reason: entry.reason });
      }
      if (skipped.length > 0) deps.onSkipped?.(skipped);
      return parsed.topology;
    },
    close() {
      const open = reader;
      reader = undefined;
      void open?.then(
        (client) => client.disconnect(),
        () => undefined,
      );
    },
  };
}
