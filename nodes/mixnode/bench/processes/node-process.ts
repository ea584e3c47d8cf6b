// The mix node under benchmark, alone in its process: zero-delay packets, replay filter in memory.
// It reports the CPU time all its threads used while it ran (start-up excluded).
import { createMetrics, cryptoRng, silentLogger, systemClock } from '@nymts/node-common';
import { DROP_REASONS, createMixnode } from '../../src';
import { testNodeOptions } from '../../test/support/harness';
import { PACKET_SUITE } from '../../test/support/packet-suite';
import type { NodeCommand, NodeReport } from './protocol';

async function main(): Promise<void> {
  const [privateKeyHex, publicKeyHex, workers] = process.argv.slice(2) as [string, string, string];
  const metrics = createMetrics({ role: 'mixnode' });
  const options = testNodeOptions({
    dataDir: '',
    key: {
      rotationId: 0,
      privateKey: Buffer.from(privateKeyHex, 'hex'),
      publicKey: Buffer.from(publicKeyHex, 'hex'),
    },
    unwrapWorkers: Number(workers),
    maxInFlightTotal: 8192,
    maxInFlightPerConnection: 1024,
  });
  const node = createMixnode(
    { ...options, replay: { falsePositiveRate: 1e-5, initialCapacity: 500_000, flushIntervalMs: 3_600_000 } },
    {
      clock: systemClock,
      rng: cryptoRng,
      logger: silentLogger(),
      metrics,
      processor: PACKET_SUITE.processor,
    },
  );
  await node.start();
  const cpuAtStart = process.cpuUsage();
  const send = (report: NodeReport): void => void process.send?.(report);
  process.on('message', (command: NodeCommand) => {
    if (command.kind !== 'stop') return;
    void (async () => {
      const received = (await metrics.value('packets_received_total')) ?? 0;
      const forwarded = (await metrics.value('packets_forwarded_total')) ?? 0;
      const dropped: Record<string, number> = {};
      for (const reason of DROP_REASONS) {
        const count = (await metrics.value('packets_dropped_total', { reason })) ?? 0;
        if (count > 0) dropped[reason] = count;
      }
      await node.stop();
      const cpu = process.cpuUsage(cpuAtStart);
      send({ kind: 'stopped', received, forwarded, dropped, cpuSeconds: (cpu.user + cpu.system) / 1e6 });
      process.disconnect?.();
    })();
  });
  send({ kind: 'ready', port: node.mixAddress.port });
}

void main();
