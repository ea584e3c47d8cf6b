// Builds unique zero-delay packets for [node → sink] up front, then offers them to the node over
// one TCP connection, either as fast as backpressure allows or paced at a fixed rate.
import { connect } from 'node:net';
import { KeyRotation, encodeFrame, encodeNodeAddress } from '@nymts/node-common';
import { PACKET_SUITE } from '../../test/support/packet-suite';
import { generateSphinxKeys } from '../../test/support/packet-suite';
import { wallNow, type SenderJob, type SenderReport } from './protocol';

const send = (report: SenderReport): void => void process.send?.(report);

function buildFrames(job: SenderJob): Buffer[] {
  const sinkKey = generateSphinxKeys().publicKey;
  const route = [
    {
      address: encodeNodeAddress({ host: '127.0.0.1', port: job.nodePort }),
      publicKey: Buffer.from(job.nodePublicKey, 'hex'),
    },
    { address: encodeNodeAddress({ host: '127.0.0.1', port: job.sinkPort }), publicKey: sinkKey },
  ];
  return Array.from({ length: job.packets }, (_, i) =>
    encodeFrame(
      PACKET_SUITE.createForwardPacket({
        route,
        destination: new Uint8Array(32),
        delaysNanos: [0n, 0n],
        message: Buffer.from(`benchmark packet ${i}`),
      }),
      { version: 'v8', keyRotation: KeyRotation.even },
    ),
  );
}

async function run(job: SenderJob): Promise<void> {
  const frames = buildFrames(job);
  send({ kind: 'built' });
  const socket = connect({ host: '127.0.0.1', port: job.nodePort, noDelay: true });
  await new Promise((resolve) => socket.once('connect', resolve));
  const startedAt = wallNow();
  let sent = 0;
  const drain = (): Promise<void> => new Promise((resolve) => socket.once('drain', () => resolve()));
  if (job.rate === 0) {
    for (const frame of frames) {
      sent += 1;
      if (!socket.write(frame)) await drain();
    }
  } else {
    while (sent < frames.length) {
      const due = Math.min(frames.length, Math.floor(((wallNow() - startedAt) / 1000) * job.rate));
      socket.cork();
      while (sent < due) socket.write(frames[sent++] as Buffer);
      socket.uncork();
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  }
  await new Promise<void>((resolve) => socket.end(resolve));
  send({ kind: 'sent', sent, startedAt, finishedAt: wallNow() });
  process.disconnect?.();
}

process.once('message', (job: SenderJob) => void run(job));
