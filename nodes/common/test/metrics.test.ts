import { Writable } from 'node:stream';
import { componentLogger, createLogger, createMetrics } from '../src';

describe('metrics', () => {
  it('prefixes names with nym_<role>_ and renders Prometheus text', async () => {
    const metrics = createMetrics({ role: 'mixnode' });
    const dropped = metrics.counter({
      name: 'packets_dropped_total',
      help: 'dropped',
      labelNames: ['reason'],
    });
    dropped.inc({ reason: 'replay' });
    dropped.inc({ reason: 'replay' }, 2);
    dropped.inc({ reason: 'invalid_frame' });
    metrics.gauge({ name: 'delay_queue_packets', help: 'depth', read: () => 7 });
    const unwrap = metrics.histogram({
      name: 'unwrap_duration_seconds',
      help: 'unwrap',
      buckets: [0.001, 0.01],
    });
    unwrap.observe(0.002);
    unwrap.observe(0.0005);

    const text = await metrics.render();
    expect(text).toContain('nym_mixnode_packets_dropped_total{reason="replay"} 3');
    expect(text).toContain('nym_mixnode_delay_queue_packets 7');
    expect(text).toContain('nym_mixnode_unwrap_duration_seconds_bucket{le="0.001"} 1');
    expect(await metrics.value('packets_dropped_total', { reason: 'replay' })).toBe(3);
    expect(await metrics.value('packets_dropped_total')).toBe(4);
    expect(await metrics.value('unwrap_duration_seconds')).toBe(2);
    expect(await metrics.value('no_such_total')).toBeUndefined();
  });

  it('keeps two nodes in one process apart', async () => {
    const a = createMetrics({ role: 'mixnode' });
    const b = createMetrics({ role: 'mixnode' });
    a.counter({ name: 'packets_received_total', help: 'x' }).inc();
    b.counter({ name: 'packets_received_total', help: 'x' });
    expect(await a.value('packets_received_total')).toBe(1);
    expect(await b.value('packets_received_total')).toBe(0);
  });

  it('refuses names that break the convention', () => {
    const metrics = createMetrics({ role: 'gateway' });
    expect(() => metrics.counter({ name: 'packets', help: 'x' })).toThrow(/<noun>_<unit>/);
    expect(() => metrics.counter({ name: 'packets_received', help: 'x' })).toThrow(/_total/);
    expect(() => metrics.gauge({ name: 'Queue_Depth', help: 'x' })).toThrow(/snake_case/);
    expect(() => createMetrics({ role: 'Mix Node' })).toThrow(/lower-case/);
  });
});

describe('logger', () => {
  it('writes JSON lines with the component of each child logger', () => {
    const lines: string[] = [];
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const root = createLogger({ name: 'mixnode', level: 'debug', destination, base: { node: 'mix1' } });
    componentLogger(root, 'listener').info({ port: 1789 }, 'listening');
    componentLogger(root, 'delay-queue').debug('tick');
    const parsed = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(parsed[0]).toMatchObject({
      name: 'mixnode',
      node: 'mix1',
      component: 'listener',
      port: 1789,
      msg: 'listening',
    });
    expect(parsed[1]).toMatchObject({ component: 'delay-queue', msg: 'tick' });
  });
});
