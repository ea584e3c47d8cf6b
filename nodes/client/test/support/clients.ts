import pino from 'pino';
import { type ClientOptions, createClient, type MixnetClient, type ReceivedMessage } from '../../src/client';
import { generateClientKeys, type ClientKeys } from '../../src/keys';
import type { Rng } from '../../src/runtime';
import { type ClientStateStore, openSqliteClientStore } from '../../src/storage/client-store';
import type { ManualClock } from './manual-clock';
import { createSeededRng } from '@nymts/node-common';
import type { TestNetwork } from './test-network';

/**
 * Short hop delays, and packets sent as soon as they are queued with no cover traffic: most tests
 * are about what arrives, and cover packets cost CPU without changing that. Tests about the
 * streams turn them on.
 */
export const TEST_TIMING = {
  averagePacketDelayMs: 5,
  averageAckDelayMs: 5,
  messageSendingAverageDelayMs: 20,
  loopCoverTrafficAverageDelayMs: 200,
  disableMainPoissonStream: true,
  disableLoopCoverStream: true,
};

export const WITH_COVER = { disableMainPoissonStream: false, disableLoopCoverStream: false };

export interface TestClient {
  client: MixnetClient;
  keys: ClientKeys;
  store: ClientStateStore;
  rng: Rng;
  /** Everything the client received, in order. */
  inbox: ReceivedMessage[];
}

/**
 * A client on the test network, reading its messages into `inbox`, with TEST_TIMING unless the
 * test says otherwise.
 */
export async function startTestClient(
  network: TestNetwork,
  clock: ManualClock,
  setup: {
    seed: string;
    gatewayIndex: number;
    keys?: ClientKeys;
    store?: ClientStateStore;
    options?: Partial<ClientOptions>;
    wallClock?: () => number;
    /** Leave `messages()` to someone else (the WebSocket API). */
    readInbox?: boolean;
  },
): Promise<TestClient> {
  const rng = createSeededRng(setup.seed);
  const keys = setup.keys ?? generateClientKeys((n) => rng.randomBytes(n));
  const store = setup.store ?? openSqliteClientStore(':memory:');
  const client = createClient(
    {
      keys,
      gateway: network.gateway(setup.gatewayIndex).identity,
      ...setup.options,
      timing: { ...TEST_TIMING, ...setup.options?.timing },
    },
    {
      topology: network.provider,
      connectGateway: network.connector(keys.identityPublicKey),
      store,
      clock,
      rng,
      logger: pino({ level: 'silent' }),
      wallClock: setup.wallClock ?? (() => 1_700_000_000_000 + clock.now()),
    },
  );
  await client.start();
  const inbox: ReceivedMessage[] = [];
  if (setup.readInbox !== false) {
    void (async () => {
      for await (const message of client.messages()) inbox.push(message);
    })();
  }
  return { client, keys, store, rng, inbox };
}
