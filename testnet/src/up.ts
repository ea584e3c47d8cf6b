// `nymts testnet up`: builds the network in its data folder the first time, resumes it after,
// starts every service as its own process and keeps them under watch until stopped.
import { existsSync } from 'node:fs';
import type { DevAccount } from '@nymts/chain';
import {
  connectSigner,
  recordContracts,
  walletFromMnemonic,
  type ContractDeployment,
  type SigningSession,
} from '@nymts/contracts-client';
import { encodeKey } from '@nymts/node-common';
import {
  createMixnetTopologyProvider,
  writeTopologyFile,
  type MixnetTopologyProvider,
} from '@nymts/topology';
import { startClients } from './clients';
import { chainHeight, DEFAULT_CHAIN_ID, ensureChainHome, rpcUrl } from './chain';
import { TestnetError } from './errors';
import { testnetLayout, type TestnetLayout } from './layout';
import { observeNode } from './metrics';
import type { MixnetOperations } from './mixnet';
import { mixnetContractOperations } from './mixnet-contract';
import { initNodeHome } from './nodes';
import { DEFAULT_SHAPE, planNetwork, portsNeeded, type PlanShape, type PortSource } from './plan';
import { freePorts } from './ports';
import { createRewarder, type Rewarder } from './rewarder';
import { readState, runningSupervisor, stateStore, type StateStore, type TestnetState } from './state';
import { describeNetwork, type NetworkDescription } from './describe';
import {
  createSupervisor,
  type Launcher,
  type ManagedService,
  type ServiceExit,
  type Supervisor,
} from './supervisor';
import { waitFor } from './wait';

export interface UpOptions {
  home?: string;
  /**
   * Undefined: DESIGN §7's default ports, offset per node. 0: ports the system picks. Otherwise
   * consecutive ports from this one. Fixed when the network is created; a resume keeps them.
   */
  basePort?: number;
  /** Block time of a new chain: `500ms`, `1s`, `instant`. */
  blockTime?: string;
  /** How often the rewarding validator reports performance and advances the epoch. */
  epochSeconds?: number;
  shape?: Partial<PlanShape>;
  chainId?: string;
}

export interface UpDeps {
  /** How to run `nymts` in a child process. */
  launcher: Launcher;
  /** One line per step, for the person watching. */
  progress(line: string): void;
  /** The mixnet contract's operations; `mixnetContractOperations` unless given. */
  mixnet?: MixnetOperations;
  signal?: AbortSignal;
}

export interface RunningTestnet {
  description: NetworkDescription;
  /** Stops the rewarding loop and every service (clients, nodes, then the chain). */
  stop(): Promise<void>;
}

export const DEFAULT_BLOCK_TIME = '500ms';
export const DEFAULT_EPOCH_SECONDS = 60;
/** NYM (in unym) each node owner gets: pledges come out of it. */
export const OWNER_BALANCE = 100_000_000_000n;
const READY_TIMEOUT_MS = 60_000;

export async function upTestnet(options: UpOptions, deps: UpDeps): Promise<RunningTestnet> {
  const layout = testnetLayout(options.home);
  const existing = readState(layout.state);
  if (existing !== undefined) {
    const pid = runningSupervisor(existing);
    if (pid !== undefined) {
      throw new TestnetError(
        'already_running',
        `the network in ${layout.home} is already running (pid ${pid})`,
        {
          pid,
          home: layout.home,
        },
      );
    }
  }
  const epochSeconds = options.epochSeconds ?? DEFAULT_EPOCH_SECONDS;
  let supervisor: Supervisor | undefined;
  let store: StateStore | undefined;
  let rewarder: Rewarder | undefined;
  let topology: MixnetTopologyProvider | undefined;
  const stopEverything = async (): Promise<void> => {
    await rewarder?.stop();
    topology?.close();
    await supervisor?.stopAll();
    store?.update((state) => {
      delete state.supervisor;
    });
  };
  try {
    const initial = existing ?? (await createNetwork(layout, options, deps));
    if (existing !== undefined) deps.progress(`resuming the network in ${layout.home}`);
    const devAccounts = await ensureChainHome({
      chainHome: layout.chainHome,
      chainId: initial.chainId,
      rpcPort: initial.rpcPort,
      blockTime: initial.blockTime,
    });
    store = stateStore(layout.state, {
      ...initial,
      supervisor: { pid: process.pid, startedAt: new Date().toISOString(), processes: {} },
    });
    const activeStore = store;
    supervisor = createSupervisor({
      launcher: deps.launcher,
      onUnexpectedExit: (exit) => recordExit(activeStore, exit, deps),
    });
    const run = (service: ManagedService): ManagedService => {
      activeStore.update((state) => {
        if (state.supervisor !== undefined)
          state.supervisor.processes[service.name] = { pid: service.pid, status: 'running' };
      });
      return service;
    };
    const url = rpcUrl(initial.rpcPort);
    const mixnet =
      deps.mixnet ?? mixnetContractOperations({ rpcUrl: url, deploymentPath: layout.deployment });

    deps.progress(`starting the chain ${initial.chainId} (RPC ${url})`);
    const chain = run(
      supervisor.start({
        name: 'chain',
        args: ['chain', 'start', '--home', layout.chainHome],
        logFile: layout.log('chain'),
        tier: 0,
      }),
    );
    initNodes(activeStore, layout, devAccounts, deps);
    const nodesReady = startNodes(activeStore, layout, supervisor, run, deps);
    await waitFor(`the chain's RPC at ${url}`, async () => (await chainHeight(url)) !== undefined, {
      service: chain,
      timeoutMs: READY_TIMEOUT_MS,
      signal: deps.signal,
    });
    deps.progress(`chain up at height ${(await chainHeight(url)) ?? '?'}`);

    const admin = await signerFor(url, devAccounts[0]);
    try {
      if (!activeStore.get().steps.contracts) await deployContracts(activeStore, layout, admin, mixnet, deps);
      else deps.progress(`contracts: ${contractList(activeStore.get())}`);
      await bondAndDrawSet(activeStore, layout, devAccounts, admin, epochSeconds, mixnet, deps);
    } finally {
      admin.disconnect();
    }

    topology = createMixnetTopologyProvider({
      rpcUrl: url,
      mixnetAddress: requireContract(activeStore.get(), 'mixnet'),
    });
    const writeTopology = topologyWriter(activeStore, layout, topology);
    await writeTopology();
    deps.progress(`${layerText(activeStore.get())}; topology for clients in ${layout.topology}`);
    const clientsReady = await startClients({
      store: activeStore,
      layout,
      supervisor,
      run,
      progress: deps.progress,
      signal: deps.signal,
    });
    await nodesReady();
    await clientsReady();

    rewarder = createRewarder(
      { epochSeconds, rpcUrl: url, adminMnemonic: mnemonicOf(devAccounts[0]) },
      { store: activeStore, mixnet, progress: deps.progress, afterEpoch: writeTopology },
    );
    rewarder.start();
    return { description: describeNetwork(activeStore.get(), layout), stop: stopEverything };
  } catch (error) {
    await stopEverything();
    throw error;
  }
}

/** A service that stopped on its own: said at once, and kept in the state for `status`. */
function recordExit(store: StateStore, exit: ServiceExit, deps: UpDeps): void {
  const how = exit.signal !== null ? `signal ${exit.signal}` : `exit code ${String(exit.code)}`;
  deps.progress(`! ${exit.name} (pid ${exit.pid}) stopped on its own (${how}); the rest keeps running`);
  store.update((state) => {
    const entry = state.supervisor?.processes[exit.name];
    if (entry !== undefined)
      Object.assign(entry, { status: 'exited', exitCode: exit.code, signal: exit.signal });
  });
}

async function createNetwork(layout: TestnetLayout, options: UpOptions, deps: UpDeps): Promise<TestnetState> {
  if (existsSync(layout.chainHome)) {
    throw new TestnetError(
      'home_not_a_network',
      `${layout.home} holds a chain but no ${layout.state}; run \`nymts testnet reset --home ${layout.home}\` to start over`,
      { home: layout.home },
    );
  }
  const shape = { ...DEFAULT_SHAPE, ...options.shape };
  const plan = planNetwork(shape, await portSource(options.basePort, shape));
  deps.progress(
    `creating a network in ${layout.home}: 3 layers × ${shape.mixnodesPerLayer} mix nodes, ${shape.gateways} gateways`,
  );
  return {
    version: 1,
    chainId: options.chainId ?? DEFAULT_CHAIN_ID,
    rpcPort: plan.chain.rpcPort,
    blockTime: options.blockTime ?? DEFAULT_BLOCK_TIME,
    admin: '',
    nodes: [],
    clients: plan.clients.map((client) => ({ ...client })),
    contracts: {},
    steps: { contracts: false, firstEpoch: false },
    pendingNodes: plan.nodes,
  };
}

async function portSource(basePort: number | undefined, shape: PlanShape): Promise<PortSource> {
  if (basePort === undefined) return { kind: 'defaults' };
  if (basePort === 0) return { kind: 'given', ports: await freePorts(portsNeeded(shape)) };
  return { kind: 'base', port: basePort };
}

/**
 * Clients read the active set from a file the network rewrites from the mixnet contract; the
 * state keeps each mix node's layer for the summary and `status`.
 */
function topologyWriter(store: StateStore, layout: TestnetLayout, provider: MixnetTopologyProvider) {
  return async (): Promise<void> => {
    const current = await provider.fetch();
    writeTopologyFile(layout.topology, current);
    const layers = new Map(current.mixnodes.map((node) => [encodeKey(node.identity), node.layer]));
    store.update((state) => {
      for (const node of state.nodes) {
        if (node.role !== 'mixnode') continue;
        const layer = layers.get(node.identityKey);
        if (layer === undefined) delete node.layer;
        else node.layer = layer;
      }
    });
  };
}

/** Keys and configs for nodes not made yet; owners are the dev accounts after the admin. */
function initNodes(
  store: StateStore,
  layout: TestnetLayout,
  devAccounts: readonly DevAccount[],
  deps: UpDeps,
): void {
  const pending = store.get().pendingNodes;
  if (pending.length === 0) return;
  store.update((state) => {
    state.admin = addressOf(devAccounts[0]);
  });
  for (const node of pending) {
    const index = store.get().nodes.length + 1;
    const owner = devAccounts[index];
    if (owner === undefined) {
      throw new TestnetError(
        'too_many_nodes',
        `the dev genesis has ${devAccounts.length} accounts: too few to own every node`,
      );
    }
    const created = initNodeHome(node, layout.nodeHome(node.id), owner.address);
    store.update((state) => {
      state.nodes.push(created);
      state.pendingNodes = state.pendingNodes.filter((entry) => entry.id !== node.id);
    });
    const where = created.role === 'mixnode' ? 'mix node' : `gateway, clients port ${created.ports.clients}`;
    deps.progress(
      `initialised ${created.id} (${where}, mix port ${created.ports.mix}, identity ${created.identityKey})`,
    );
  }
}

async function deployContracts(
  store: StateStore,
  layout: TestnetLayout,
  admin: SigningSession,
  mixnet: MixnetOperations,
  deps: UpDeps,
): Promise<void> {
  const owners = store.get().nodes.map((node) => ({ address: node.owner, amount: OWNER_BALANCE }));
  deps.progress('deploying the NYM token, vesting and mixnet contracts');
  const deployed: Record<string, ContractDeployment> = await mixnet.deployPlatform(admin, { owners });
  recordContracts(layout.deployment, admin.chainId, deployed);
  store.update((state) => {
    for (const [role, deployment] of Object.entries(deployed)) state.contracts[role] = deployment.address;
    state.steps.contracts = true;
  });
  deps.progress(`contracts: ${contractList(store.get())} (recorded in ${layout.deployment})`);
}

async function bondAndDrawSet(
  store: StateStore,
  layout: TestnetLayout,
  devAccounts: readonly DevAccount[],
  admin: SigningSession,
  epochSeconds: number,
  mixnet: MixnetOperations,
  deps: UpDeps,
): Promise<void> {
  const unbonded = store.get().nodes.filter((node) => !node.bonded);
  if (unbonded.length > 0) {
    deps.progress(`bonding ${unbonded.length} nodes, each from its owner's account`);
    const outcomes = await mixnet.bond(
      unbonded.map((node) => ({
        node,
        home: layout.nodeHome(node.id),
        mnemonic: mnemonicOf(devAccounts.find((account) => account.address === node.owner)),
      })),
    );
    for (const outcome of outcomes) {
      if (!outcome.ok) {
        deps.progress(`! ${outcome.id} could not be bonded: ${outcome.error}`);
        continue;
      }
      store.update((state) => {
        const entry = state.nodes.find((candidate) => candidate.id === outcome.id);
        if (entry !== undefined)
          Object.assign(entry, {
            bonded: true,
            ...(outcome.mixId === undefined ? {} : { mixId: outcome.mixId }),
          });
      });
      const node = store.get().nodes.find((candidate) => candidate.id === outcome.id);
      deps.progress(
        `bonded ${outcome.id}${outcome.mixId === undefined ? '' : ` (mix id ${outcome.mixId})`} owned by ${node?.owner ?? '?'}`,
      );
    }
    const failed = outcomes.filter((outcome) => !outcome.ok).length;
    if (failed > 0)
      throw new TestnetError(
        'bonding_failed',
        `${failed} of ${outcomes.length} nodes could not be bonded (see above)`,
      );
  }
  if (!store.get().steps.firstEpoch) {
    const mixnetAddress = requireContract(store.get(), 'mixnet');
    const epoch = await mixnet.advanceEpoch(admin, mixnetAddress);
    await mixnet.setEpochLength(admin, mixnetAddress, epochSeconds);
    store.update((state) => {
      state.steps.firstEpoch = true;
    });
    deps.progress(`advanced to epoch ${epoch}: the rewarded set and its layers are drawn`);
  }
}

/** Nodes need no chain to run: they start while the chain boots and the contracts deploy. */
function startNodes(
  store: StateStore,
  layout: TestnetLayout,
  supervisor: Supervisor,
  run: (service: ManagedService) => ManagedService,
  deps: UpDeps,
): () => Promise<void> {
  const nodes = store.get().nodes;
  deps.progress(`starting ${nodes.length} nodes, each in its own process`);
  const services = nodes.map((node) =>
    run(
      supervisor.start({
        name: node.id,
        args: [node.role, 'run', '--home', layout.nodeHome(node.id)],
        logFile: layout.log(node.id),
        tier: 1,
      }),
    ),
  );
  return async () => {
    await Promise.all(
      nodes.map((node, index) =>
        waitFor(
          `${node.id}'s HTTP API on port ${node.ports.http}`,
          async () => (await observeNode(node.role, node.ports.http)).kind === 'up',
          { service: services[index], timeoutMs: READY_TIMEOUT_MS, signal: deps.signal },
        ),
      ),
    );
    deps.progress(`all ${nodes.length} nodes answer their health checks`);
  };
}

async function signerFor(url: string, account: DevAccount | undefined): Promise<SigningSession> {
  return connectSigner(url, await walletFromMnemonic(mnemonicOf(account)));
}

function mnemonicOf(account: DevAccount | undefined): string {
  if (account === undefined)
    throw new TestnetError('chain_home_invalid', 'the dev genesis lacks an account this network uses');
  return account.mnemonic;
}

function addressOf(account: DevAccount | undefined): string {
  if (account === undefined) throw new TestnetError('chain_home_invalid', 'the dev genesis has no accounts');
  return account.address;
}

function requireContract(state: TestnetState, role: string): string {
  const address = state.contracts[role];
  if (address === undefined)
    throw new TestnetError('contract_missing', `the network has no ${role} contract recorded`);
  return address;
}

function layerText(state: TestnetState): string {
  const layers = ([1, 2, 3] as const).map((layer) => {
    const ids = state.nodes
      .filter((node) => node.role === 'mixnode' && node.layer === layer)
      .map((node) => node.id);
    return `layer ${layer}: ${ids.join(' ') || '(empty)'}`;
  });
  return `rewarded set: ${layers.join(', ')}`;
}

function contractList(state: TestnetState): string {
  return Object.entries(state.contracts)
    .map(([role, address]) => `${role} ${address}`)
    .join(', ');
}
