// The rewarding validator of the local network: every epoch it looks at each node from outside
// (health, packet counters), reports the performance it saw to the mixnet contract and advances
// the epoch. Without the mixnet contract it still looks and records.
import { connectSigner, walletFromMnemonic, type SigningSession } from '@nymts/contracts-client';
import { observeNode, performance, type NodeObservation } from './metrics';
import type { MixnetOperations } from './mixnet';
import type { StateStore } from './state';

export interface RewarderOptions {
  epochSeconds: number;
  rpcUrl: string;
  adminMnemonic: string;
}

export interface RewarderDeps {
  store: StateStore;
  mixnet?: MixnetOperations;
  progress(line: string): void;
  /** After each epoch advance (the rewarded set may have changed). */
  afterEpoch?(epoch: number): Promise<void>;
}

export interface Rewarder {
  start(): void;
  /** One round now (tests, and the timer). */
  round(): Promise<void>;
  stop(): Promise<void>;
}

export function createRewarder(options: RewarderOptions, deps: RewarderDeps): Rewarder {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;
  let session: SigningSession | undefined;
  let last = new Map<string, NodeObservation>();

  async function observeAll(): Promise<Map<string, { observation: NodeObservation; performance: number }>> {
    const nodes = deps.store.get().nodes;
    const observed = await Promise.all(nodes.map((node) => observeNode(node.role, node.ports.http)));
    const results = new Map<string, { observation: NodeObservation; performance: number }>();
    nodes.forEach((node, index) => {
      const observation = observed[index] as NodeObservation;
      results.set(node.id, {
        observation,
        performance: performance(node.role, last.get(node.id), observation),
      });
    });
    last = new Map([...results].map(([id, result]) => [id, result.observation]));
    return results;
  }

  async function round(): Promise<void> {
    const results = await observeAll();
    const state = deps.store.get();
    let epoch: number | undefined;
    const mixnet = state.contracts.mixnet;
    if (deps.mixnet !== undefined && mixnet !== undefined) {
      session ??= await connectSigner(options.rpcUrl, await walletFromMnemonic(options.adminMnemonic));
      await deps.mixnet.report(
        session,
        mixnet,
        state.nodes.map((node) => ({ node, performance: results.get(node.id)?.performance ?? 0 })),
      );
      epoch = await deps.mixnet.advanceEpoch(session, mixnet);
      await deps.afterEpoch?.(epoch);
    }
    deps.store.update((next) => {
      next.monitor = {
        ...(epoch === undefined ? {} : { epoch }),
        reportedAt: new Date().toISOString(),
        performance: Object.fromEntries([...results].map(([id, result]) => [id, result.performance])),
      };
    });
    const unreachable = [...results].filter(([, result]) => result.observation.kind === 'unreachable');
    const summary = [...results].map(([id, result]) => `${id} ${result.performance.toFixed(2)}`).join(', ');
    deps.progress(`${epoch === undefined ? 'performance' : `epoch ${epoch}`}: ${summary}`);
    for (const [id, result] of unreachable) {
      if (result.observation.kind === 'unreachable')
        deps.progress(`! ${id} is unreachable (${result.observation.reason})`);
    }
  }

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(() => {
      running = round()
        .catch((error: unknown) => deps.progress(`! rewarding round failed: ${(error as Error).message}`))
        .finally(() => {
          running = undefined;
          schedule();
        });
    }, options.epochSeconds * 1000);
  }

  return {
    start() {
      // The first observation is the baseline the first epoch is measured against.
      running = observeAll()
        .then(() => undefined)
        .catch(() => undefined)
        .finally(() => {
          running = undefined;
          schedule();
        });
    },
    round,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
      session?.disconnect();
    },
  };
}
