// A worker thread of the sender: builds its share of the benchmark's Sphinx packets, framed.
import { parentPort, workerData } from 'node:worker_threads';
import { KeyRotation, encodeFrame, encodeNodeAddress } from '@nymts/node-common';
import { PACKET_SUITE, generateSphinxKeys } from '../../test/support/packet-suite';

export interface BuildJob {
  nodePublicKey: string;
  sinkPort: number;
  first: number;
  count: number;
}

const job = workerData as BuildJob;
const route = [
  // The first hop's own address is not in the packet; the sender dials the node directly.
  {
    address: encodeNodeAddress({ host: '127.0.0.1', port: 1 }),
    publicKey: Buffer.from(job.nodePublicKey, 'hex'),
  },
  {
    address: encodeNodeAddress({ host: '127.0.0.1', port: job.sinkPort }),
    publicKey: generateSphinxKeys().publicKey,
  },
];
const frames = Array.from({ length: job.count }, (_, i) =>
  encodeFrame(
    PACKET_SUITE.createForwardPacket({
      route,
      destination: new Uint8Array(32),
      delaysNanos: [0n, 0n],
      message: Buffer.from(`benchmark packet ${job.first + i}`),
    }),
    { version: 'v8', keyRotation: KeyRotation.even },
  ),
);
const joined = Buffer.concat(frames);
parentPort?.postMessage(joined, [joined.buffer]);
