import { createServer, connect as netConnect, type Server, type Socket } from 'node:net';
import type { SocketAddress } from '../address/node-address';

export interface Listener {
  /** Where it listens, with the real port when port 0 was asked for. */
  readonly address: SocketAddress;
  /** Stops accepting; resolves once every accepted socket is gone (destroy them first). */
  close(): Promise<void>;
}

/** How a node reaches the network; injected so tests can watch or break connections. */
export interface Transport {
  listen(address: SocketAddress, onConnection: (socket: Socket) => void): Promise<Listener>;
  connect(address: SocketAddress, signal?: AbortSignal): Promise<Socket>;
}

function listenerOf(server: Server): Listener {
  const bound = server.address();
  if (bound === null || typeof bound === 'string')
    throw new Error('a TCP server has an address once listening');
  return {
    address: { host: bound.address, port: bound.port },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export const tcpTransport: Transport = {
  listen(address, onConnection) {
    const server = createServer({ noDelay: true }, onConnection);
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen({ host: address.host, port: address.port }, () => {
        server.off('error', reject);
        resolve(listenerOf(server));
      });
    });
  },
  connect(address, signal) {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) {
        reject(signal.reason);
        return;
      }
      const socket = netConnect({ host: address.host, port: address.port, noDelay: true });
      const onAbort = (): void => {
        socket.destroy();
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      socket.once('connect', () => {
        signal?.removeEventListener('abort', onAbort);
        socket.removeAllListeners('error');
        resolve(socket);
      });
      socket.once('error', (error) => {
        signal?.removeEventListener('abort', onAbort);
        reject(error);
      });
    });
  },
};
