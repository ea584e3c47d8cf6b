// A small app on a client's WebSocket API (nym-client's JSON text frames): what `up` uses to check
// that a message goes round the network and back, and what the end-to-end test uses.
import { randomBytes } from 'node:crypto';
import WebSocket from 'ws';
import { TestnetError } from './errors';

export interface ReceivedMessage {
  message: string;
  /** Present on an anonymous (repliable) message: what `reply` answers to. */
  senderTag: string | null;
}

export interface ClientApi {
  selfAddress(): Promise<string>;
  send(recipient: string, message: string): void;
  sendAnonymous(recipient: string, message: string, replySurbs?: number): void;
  reply(senderTag: string, message: string): void;
  /** The first message (already received or still to come) that `matches` accepts. */
  receive(matches: (message: ReceivedMessage) => boolean, timeoutMs: number): Promise<ReceivedMessage>;
  close(): Promise<void>;
}

type Frame =
  | { type: 'received'; message: string; senderTag?: string | null }
  | { type: 'selfAddress'; address: string }
  | { type: 'error'; message: string }
  | { type: string };

export async function connectClientApi(port: number, signal?: AbortSignal): Promise<ClientApi> {
  const socket = new WebSocket(`ws://127.0.0.1:${port}`);
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', (error) =>
      reject(
        new TestnetError(
          'client_api_unreachable',
          `cannot reach the client API on port ${port}: ${error.message}`,
          { port },
        ),
      ),
    );
  });
  const inbox: ReceivedMessage[] = [];
  const errors: string[] = [];
  const listeners = new Set<() => void>();
  const pendingAddress: Array<(address: string) => void> = [];
  socket.on('message', (data, isBinary) => {
    if (isBinary) return;
    const frame = JSON.parse(data.toString()) as Frame;
    if (frame.type === 'received' && 'message' in frame) {
      inbox.push({
        message: frame.message,
        senderTag: ('senderTag' in frame ? frame.senderTag : null) ?? null,
      });
    } else if (frame.type === 'error' && 'message' in frame) {
      errors.push(frame.message);
    } else if (frame.type === 'selfAddress' && 'address' in frame) {
      pendingAddress.forEach((resolve) => resolve(frame.address));
      pendingAddress.length = 0;
    }
    listeners.forEach((listener) => listener());
  });
  const request = (body: object): void => socket.send(JSON.stringify(body));

  return {
    selfAddress() {
      return new Promise((resolve) => {
        pendingAddress.push(resolve);
        request({ type: 'selfAddress' });
      });
    },
    send: (recipient, message) => request({ type: 'send', recipient, message }),
    sendAnonymous: (recipient, message, replySurbs = 10) =>
      request({ type: 'sendAnonymous', recipient, message, replySurbs }),
    reply: (senderTag, message) => request({ type: 'reply', senderTag, message }),
    receive(matches, timeoutMs) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          const index = inbox.findIndex(matches);
          if (index < 0) return;
          const [found] = inbox.splice(index, 1);
          finish();
          resolve(found as ReceivedMessage);
        };
        const timer = setTimeout(() => {
          finish();
          const reported = errors.length === 0 ? '' : ` (the client reported: ${errors.join('; ')})`;
          reject(
            new TestnetError(
              'message_timeout',
              `no matching message within ${timeoutMs / 1000} s${reported}`,
            ),
          );
        }, timeoutMs);
        const abort = (): void => {
          finish();
          reject(signal?.reason);
        };
        const finish = (): void => {
          clearTimeout(timer);
          listeners.delete(check);
          signal?.removeEventListener('abort', abort);
        };
        signal?.addEventListener('abort', abort, { once: true });
        listeners.add(check);
        check();
      });
    },
    close() {
      return new Promise((resolve) => {
        if (socket.readyState === WebSocket.CLOSED) return resolve();
        socket.once('close', () => resolve());
        socket.close();
      });
    },
  };
}

/**
 * A repliable message from a client to itself through the network, and the reply through the
 * SURBs it carried: both directions of every layer in one go.
 */
export async function roundTrip(
  api: ClientApi,
  timeoutMs: number,
): Promise<{ address: string; elapsedMs: number }> {
  const started = performance.now();
  const address = await api.selfAddress();
  const nonce = randomBytes(8).toString('hex');
  api.sendAnonymous(address, `nymts self-test ${nonce}`, 5);
  const request = await api.receive((message) => message.message === `nymts self-test ${nonce}`, timeoutMs);
  if (request.senderTag === null)
    throw new TestnetError('no_sender_tag', 'the self-test message arrived without a sender tag to reply to');
  api.reply(request.senderTag, `nymts self-test reply ${nonce}`);
  await api.receive((message) => message.message === `nymts self-test reply ${nonce}`, timeoutMs);
  return { address, elapsedMs: performance.now() - started };
}
