// Runs Nym's published wasm client (`@nymproject/nym-client-wasm-node`) in its own process, driven
// over IPC by the interop test: the client keeps timers and sockets the test cannot stop, so the
// test ends the whole process instead.
import 'fake-indexeddb/auto';
import { WebSocket } from 'ws';

type Listener = (event: unknown) => void;

/**
 * The wasm glue expects browser globals: IndexedDB (above) and a WebSocket. In a browser an
 * exception thrown by an event listener is reported and dispatch goes on; `ws` lets it escape and
 * end the process. The client drops its `close` listener closure before the socket's close event
 * arrives (wasm-bindgen then throws "closure invoked ... after being dropped"), so listeners are
 * wrapped to behave as in a browser.
 */
class BrowserLikeWebSocket extends WebSocket {
  private readonly wrapped = new Map<Listener, Listener>();

  override addEventListener(type: string, listener: Listener, options?: object): void {
    const guarded: Listener = (event) => {
      try {
        listener(event);
      } catch (error) {
        console.error(`[child] ${type} listener threw (ignored, as a browser would): ${String(error)}`);
      }
    };
    this.wrapped.set(listener, guarded);
    super.addEventListener(type as 'message', guarded as never, options as never);
  }

  override removeEventListener(type: string, listener: Listener): void {
    super.removeEventListener(type as 'message', (this.wrapped.get(listener) ?? listener) as never);
    this.wrapped.delete(listener);
  }
}

(globalThis as unknown as { WebSocket: unknown }).WebSocket = BrowserLikeWebSocket;

type Command =
  | { cmd: 'start'; nymApiUrl: string; clientId: string; gatewayId: string }
  | { cmd: 'send'; recipient: string; message: string };

interface WasmClient {
  selfAddress(): string;
  send_regular_message(message: Uint8Array, recipient: string): Promise<unknown>;
}

const wasm = require('@nymproject/nym-client-wasm-node') as {
  NymClient: new (onMessage: (message: unknown) => void, options: object) => Promise<WasmClient>;
};

const reply = (message: object) => process.send?.(message);
const clients: WasmClient[] = [];

async function start(command: Extract<Command, { cmd: 'start' }>): Promise<void> {
  const client = await new wasm.NymClient(
    (message: unknown) =>
      reply({
        event: 'message',
        message: message instanceof Uint8Array ? new TextDecoder().decode(message) : String(message),
      }),
    {
      clientId: command.clientId,
      nymApiUrl: command.nymApiUrl,
      preferredGateway: command.gatewayId,
      // Only the packets the test sends: no Poisson stream, no loop cover.
      clientOverride: {
        traffic: { disableMainPoissonPacketDistribution: true },
        coverTraffic: { disableLoopCoverTrafficStream: true },
        topology: { disableRefreshing: true },
      },
    },
  );
  clients.push(client);
  reply({ event: 'started', address: client.selfAddress() });
}

async function send(command: Extract<Command, { cmd: 'send' }>): Promise<void> {
  const client = clients[clients.length - 1];
  await client.send_regular_message(new TextEncoder().encode(command.message), command.recipient);
  reply({ event: 'sent' });
}

process.on('message', (command: Command) => {
  const run = command.cmd === 'start' ? start(command) : send(command);
  run.catch((error: unknown) =>
    reply({ event: 'error', message: error instanceof Error ? error.message : String(error) }),
  );
});
reply({ event: 'ready' });
