// The network's clients: keys and a config naming their gateway (as `nymts client init` makes
// them), each run by `nymts client run` in its own process; the first one checks that a message
// goes round the network and back.
import { initClient } from '@nymts/client';
import { connectClientApi, roundTrip, type ClientApi } from './client-api';
import { TestnetError } from './errors';
import type { TestnetLayout } from './layout';
import type { StateStore } from './state';
import type { ManagedService, Supervisor } from './supervisor';
import { waitFor } from './wait';

const READY_TIMEOUT_MS = 60_000;
const SELF_TEST_TIMEOUT_MS = 60_000;

export interface ClientsStep {
  store: StateStore;
  layout: TestnetLayout;
  supervisor: Supervisor;
  run(service: ManagedService): ManagedService;
  progress(line: string): void;
  signal?: AbortSignal;
}

/**
 * Makes the clients' homes and starts them; the returned function waits for their APIs and runs
 * the self-test (call it once the nodes are up: a client keeps retrying its gateway until then).
 */
export async function startClients(step: ClientsStep): Promise<() => Promise<void>> {
  const { store, layout } = step;
  for (const client of store.get().clients) {
    if (client.address !== undefined) continue;
    const gateway = store.get().nodes.find((node) => node.id === client.gateway);
    if (gateway === undefined)
      throw new TestnetError(
        'gateway_missing',
        `${client.id}'s gateway ${client.gateway} is not in the network`,
      );
    const { address } = await initClient(
      {
        id: client.id,
        home: layout.clientHome(client.id),
        topologyFile: layout.topology,
        gateway: gateway.identityKey,
        apiHost: '127.0.0.1',
        apiPort: client.websocketPort,
      },
      step.signal,
    );
    store.update((state) => {
      const entry = state.clients.find((candidate) => candidate.id === client.id);
      if (entry !== undefined) entry.address = address;
    });
    step.progress(`initialised ${client.id} (${address}) on ${client.gateway}`);
  }
  const clients = store.get().clients;
  if (clients.length > 0)
    step.progress(`starting ${clients.length} client${clients.length === 1 ? '' : 's'}`);
  const services = clients.map((client) =>
    step.run(
      step.supervisor.start({
        name: client.id,
        args: ['client', 'run', '--home', layout.clientHome(client.id)],
        logFile: layout.log(client.id),
        tier: 2,
      }),
    ),
  );
  return () => selfTest(step, services);
}

async function selfTest(step: ClientsStep, services: readonly ManagedService[]): Promise<void> {
  const clients = step.store.get().clients;
  const apis = await Promise.all(
    clients.map(async (client, index) => {
      const service = services[index];
      let api: ClientApi | undefined;
      await waitFor(
        `${client.id}'s WebSocket API on port ${client.websocketPort}`,
        async () => {
          api = await connectClientApi(client.websocketPort, step.signal).catch(() => undefined);
          return api !== undefined;
        },
        { service, timeoutMs: READY_TIMEOUT_MS, signal: step.signal },
      );
      return api as ClientApi;
    }),
  );
  try {
    const [first] = clients;
    const [firstApi] = apis;
    if (first === undefined || firstApi === undefined) return;
    const result = await roundTrip(firstApi, SELF_TEST_TIMEOUT_MS);
    step.progress(
      `self-test: ${first.id} sent a message to itself through the mixnet and got the reply through its SURBs in ${(result.elapsedMs / 1000).toFixed(1)} s`,
    );
  } finally {
    // The API serves one app at a time: leave it to the user.
    await Promise.all(apis.map((api) => api.close()));
  }
}
