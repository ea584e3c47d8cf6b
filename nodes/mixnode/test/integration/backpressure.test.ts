import { PACKET_SIZES } from '@nymts/sphinx';
import { createMetrics, encodeFrame, silentLogger, tcpTransport, type Frame } from '@nymts/node-common';
import { createInbound, type InboundConnection } from '../../src/inbound';
import { createMixPortMetrics } from '../../src/metrics';
import { openConnection, waitUntil } from '../support/harness';

describe('inbound backpressure', () => {
  it('stops reading a connection while its packets wait, and resumes when they are done', async () => {
    const held: Array<{ connection: InboundConnection; frame: Frame }> = [];
    const metrics = createMixPortMetrics(createMetrics({ role: 'mixnode' }), {
      connections: () => 0,
      unwrapInFlight: () => held.length,
    });
    const inbound = createInbound(
      { maxConnections: 4, maxInFlightPerConnection: 8, maxInFlightTotal: 1000 },
      {
        transport: tcpTransport,
        logger: silentLogger(),
        metrics,
        onFrame: (connection, frame) => held.push({ connection, frame }),
        drop: () => undefined,
      },
    );
    const address = await inbound.listen({ host: '127.0.0.1', port: 0 });
    const sender = await openConnection(address);
    const total = 400;
    const frame = encodeFrame(new Uint8Array(PACKET_SIZES.regular.totalSize), { version: 'v8' });
    for (let i = 0; i < total; i++) sender.socket.write(frame);

    await waitUntil(() => held.length >= 8, 3000, 'the first frames');
    await new Promise((resolve) => setTimeout(resolve, 100));
    // Paused after the read that crossed the limit: the rest of that read, not the whole stream.
    const whilePaused = held.length;
    expect(whilePaused).toBeLessThan(total);

    let released = 0;
    while (released < total) {
      await waitUntil(() => held.length > 0, 3000, `frames after ${released} were released`);
      for (const { connection } of held.splice(0)) {
        inbound.packetDone(connection);
        released += 1;
      }
    }
    expect(released).toBe(total);
    await sender.end();
    await inbound.close();
  });
});
