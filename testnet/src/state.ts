// testnet.json: the network's description (plan, keys, accounts, contracts, progress) and, while
// it runs, the supervisor's pid and its children — so `status` works from another shell and a
// second `up` on the same folder is refused.
import { existsSync, readFileSync } from 'node:fs';
import { writeFileAtomic } from '@nymts/node-common';
import { z } from 'zod';
import { TestnetError } from './errors';

const ports = z.strictObject({
  mix: z.number().int(),
  http: z.number().int(),
  clients: z.number().int().optional(),
});

const nodeState = z.strictObject({
  id: z.string(),
  role: z.enum(['mixnode', 'gateway']),
  /** The layer of the current rewarded set; absent outside it. */
  layer: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
  ports,
  identityKey: z.string(),
  sphinxKey: z.string(),
  /** The dev account that owns (bonds) the node. */
  owner: z.string(),
  /** Set once the node's bond is on chain. */
  bonded: z.boolean(),
  mixId: z.number().int().optional(),
});

const plannedNode = z.discriminatedUnion('role', [
  z.strictObject({ id: z.string(), role: z.literal('mixnode'), ports }),
  z.strictObject({
    id: z.string(),
    role: z.literal('gateway'),
    ports: ports.extend({ clients: z.number().int() }),
  }),
]);

const clientState = z.strictObject({
  id: z.string(),
  gateway: z.string(),
  websocketPort: z.number().int(),
  address: z.string().optional(),
});

const processState = z.strictObject({
  pid: z.number().int(),
  status: z.enum(['running', 'exited']),
  exitCode: z.number().int().nullable().optional(),
  signal: z.string().nullable().optional(),
});

export const testnetStateSchema = z.strictObject({
  version: z.literal(1),
  chainId: z.string(),
  rpcPort: z.number().int(),
  blockTime: z.string(),
  /** The dev account that deploys and owns the contracts and is the rewarding validator. */
  admin: z.string(),
  nodes: z.array(nodeState),
  /** Planned nodes whose keys and config are not made yet. */
  pendingNodes: z.array(plannedNode),
  clients: z.array(clientState),
  contracts: z.record(z.string(), z.string()),
  steps: z.strictObject({ contracts: z.boolean(), firstEpoch: z.boolean() }),
  /** The rewarding validator's last look at the nodes. */
  monitor: z
    .strictObject({
      epoch: z.number().int().optional(),
      reportedAt: z.string(),
      performance: z.record(z.string(), z.number()),
    })
    .optional(),
  supervisor: z
    .strictObject({
      pid: z.number().int(),
      startedAt: z.string(),
      processes: z.record(z.string(), processState),
    })
    .optional(),
});

export type TestnetState = z.infer<typeof testnetStateSchema>;
export type NodeState = z.infer<typeof nodeState>;
export type ClientState = z.infer<typeof clientState>;
export type ProcessState = z.infer<typeof processState>;

export function readState(path: string): TestnetState | undefined {
  if (!existsSync(path)) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new TestnetError('state_invalid', `${path} is not JSON: ${(error as Error).message}`, { path });
  }
  const parsed = testnetStateSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`,
    );
    throw new TestnetError('state_invalid', `${path} is damaged: ${problems.join('; ')}`, { path });
  }
  return parsed.data;
}

export function writeState(path: string, state: TestnetState): void {
  writeFileAtomic(path, `${JSON.stringify(state, null, 2)}\n`);
}

/** Whether a process with this pid exists (signal 0 checks without sending anything). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The supervisor of this state, if one is running now. */
export function runningSupervisor(state: TestnetState): number | undefined {
  const pid = state.supervisor?.pid;
  return pid !== undefined && isAlive(pid) ? pid : undefined;
}

/** The state of a running network, kept in memory and written through on every change. */
export interface StateStore {
  get(): TestnetState;
  update(change: (state: TestnetState) => void): TestnetState;
}

export function stateStore(path: string, initial: TestnetState): StateStore {
  let current = initial;
  writeState(path, current);
  return {
    get: () => current,
    update(change) {
      const next = structuredClone(current);
      change(next);
      current = next;
      writeState(path, current);
      return current;
    },
  };
}
