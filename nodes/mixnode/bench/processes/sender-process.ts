// Builds unique zero-delay Sphinx packets for [node → sink] once (on every core, in worker
// threads), then offers them to each node under test over one TCP connection, either as fast as
// backpressure allows or paced at a fixed rate. The same packets serve every run: each run's
// node is a new process with an empty replay filter.
import { connect } from 'node:net';
import { once } from 'node:events';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { wallNow, type SenderCommand, type SenderReport } from './protocol';
import type { BuildJob } from './build-packets';

const send = (report: SenderReport): void => void process.send?.(report);
let frames: Buffer[] = [];

async function build(command: Extract<SenderCommand, { kind: 'build' }>): Promise<void> {
  const threads = Math.max(1, availableParallelism());
  const share = Math.ceil(command.packets / threads);
  const parts = await Promise.all(
    Array.from({ length: threads }, async (_, t) => {
      const job: BuildJob = {
        nodePublicKey: command.nodePublicKey,
        sinkPort: command.sinkPort,
        first: t * share,
        count: Math.max(0, Math.min(share, command.packets - t * share)),
      };
      const worker = new Worker(
        `require('@nymts/ts-run/register'); require(${JSON.stringify(join(__dirname, 'build-packets.ts'))});`,
        { eval: true, workerData: job },
      );
      const [joined] = (await once(worker, 'message')) as [Uint8Array];
      await worker.terminate();
      return Buffer.from(joined.buffer, joined.byteOffset, joined.byteLength);
    }),
  );
  const frameLength = parts[0]!.length / Math.max(1, Math.min(share, command.packets));
  frames = parts.flatMap((part) =>
    Array.from({ length: part.length / frameLength }, (_, i) =>
      part.subarray(i * frameLength, (i + 1) * frameLength),
    ),
  );
  send({ kind: 'built', packets: frames.length });
}

async function offer(command: Extract<SenderCommand, { kind: 'send' }>): Promise<void> {
  const toSend = frames.slice(0, command.packets);
  const socket = connect({ host: '127.0.0.1', port: command.nodePort, noDelay: true });
  await once(socket, 'connect');
  const startedAt = wallNow();
  let sent = 0;
  if (command.rate === 0) {
    for (const frame of toSend) {
      sent += 1;
      if (!socket.write(frame)) await once(socket, 'drain');
    }
  } else {
    while (sent < toSend.length) {
      const due = Math.min(toSend.length, Math.floor(((wallNow() - startedAt) / 1000) * command.rate));
      socket.cork();
      while (sent < due) socket.write(toSend[sent++] as Buffer);
      socket.uncork();
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  }
  await new Promise<void>((resolve) => socket.end(resolve));
  send({ kind: 'sent', sent, startedAt, finishedAt: wallNow() });
}

process.on('message', (command: SenderCommand) => {
  if (command.kind === 'build') void build(command);
  else if (command.kind === 'send') void offer(command);
  else process.disconnect?.();
});
