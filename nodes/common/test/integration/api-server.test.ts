import { createApiServer, createMetrics, silentLogger, type HealthStatus } from '../../src';

describe('node HTTP API', () => {
  it('serves description, health and metrics, and 404/405 for the rest', async () => {
    const metrics = createMetrics({ role: 'mixnode' });
    metrics.counter({ name: 'packets_received_total', help: 'received' }).inc(undefined, 5);
    let status: HealthStatus = 'up';
    const api = createApiServer(
      { address: { host: '127.0.0.1', port: 0 } },
      {
        logger: silentLogger(),
        metrics,
        describe: () => ({ role: 'mixnode', big: 10n }),
        health: () => ({ status }),
      },
    );
    const { port } = await api.start();
    const base = `http://127.0.0.1:${port}`;

    const description = await fetch(`${base}/api/v1/description`);
    expect(await description.json()).toEqual({ role: 'mixnode', big: '10' });

    expect((await fetch(`${base}/api/v1/health`)).status).toBe(200);
    status = 'stopping';
    const stopping = await fetch(`${base}/api/v1/health`);
    expect(stopping.status).toBe(503);
    expect(await stopping.json()).toEqual({ status: 'stopping' });

    const text = await (await fetch(`${base}/metrics`)).text();
    expect(text).toContain('nym_mixnode_packets_received_total 5');

    expect((await fetch(`${base}/nope`)).status).toBe(404);
    expect((await fetch(`${base}/metrics`, { method: 'POST' })).status).toBe(405);
    await api.stop();
    await expect(fetch(`${base}/api/v1/health`)).rejects.toThrow();
  });
});
