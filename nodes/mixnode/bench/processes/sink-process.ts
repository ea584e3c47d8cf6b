// Counts the frames the node forwards; it does not unwrap them (that would make it the bottleneck).
import { createServer } from 'node:net';
import { FrameDecoder } from '@nymts/node-common';
import { wallNow, type SinkCommand, type SinkReport } from './protocol';

let count = 0;
let lastAt = 0;
const server = createServer((socket) => {
  const decoder = new FrameDecoder();
  socket.on('data', (chunk) =>
    decoder.push(chunk, () => {
      lastAt = wallNow();
      count += 1;
    }),
  );
  socket.on('error', () => undefined);
  socket.on('end', () => socket.end());
});
const send = (report: SinkReport): void => void process.send?.(report);
process.on('message', (command: SinkCommand) => {
  if (command.kind === 'count') send({ kind: 'count', count, lastAt });
  else {
    server.close();
    server.unref();
    process.disconnect?.();
  }
});
server.listen(0, '127.0.0.1', () =>
  send({ kind: 'ready', port: (server.address() as { port: number }).port }),
);
