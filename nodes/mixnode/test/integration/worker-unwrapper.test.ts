import { createHash } from 'node:crypto';
import { encodeNodeAddress, silentLogger } from '@nymts/node-common';
import { PACKET_SIZES } from '@nymts/sphinx';
import {
  SPHINX_PROCESSOR,
  createInlineUnwrapper,
  createWorkerUnwrapper,
  type ProcessResult,
  type UnwrapOutcome,
  type Unwrapper,
} from '../../src';
import { CRASHING_PROCESSOR } from '../support/crashing-processor';
import { PACKET_SUITE, generateSphinxKeys } from '../support/packet-suite';

// Worker threads compile their TypeScript on start: seconds on a busy 2-core machine.
jest.setTimeout(30_000);

const hop = generateSphinxKeys();
const next = generateSphinxKeys();

function packet(message: string): Uint8Array {
  return PACKET_SUITE.createForwardPacket({
    route: [
      { address: encodeNodeAddress({ host: '127.0.0.1', port: 1 }), publicKey: hop.publicKey },
      { address: encodeNodeAddress({ host: '127.0.0.1', port: 2 }), publicKey: next.publicKey },
    ],
    destination: new Uint8Array(32),
    delaysNanos: [5n, 0n],
    message: Buffer.from(message),
  });
}

/** Hex digests instead of 2 KiB arrays, so a mismatch prints a readable diff. */
function summary(result: ProcessResult): string {
  if (result.kind !== 'forward') return result.kind;
  const hex = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex').slice(0, 16);
  return `${hex(result.nextHop)} ${result.delayNanos} ${hex(result.packet)} ${hex(result.replayTag)}`;
}

function unwrapAll(unwrapper: Unwrapper, packets: Uint8Array[], rotationId = 0): Promise<UnwrapOutcome[]> {
  return Promise.all(
    packets.map((p) => new Promise<UnwrapOutcome>((resolve) => unwrapper.unwrap(p, rotationId, resolve))),
  );
}

describe('unwrapping on worker threads', () => {
  it('gives the same results as unwrapping inline, for many packets over two workers', async () => {
    const workers = createWorkerUnwrapper(
      { workers: 2, processor: SPHINX_PROCESSOR },
      { logger: silentLogger() },
    );
    const inline = createInlineUnwrapper(SPHINX_PROCESSOR);
    await workers.start();
    for (const unwrapper of [workers, inline])
      unwrapper.setKeys([{ rotationId: 0, privateKey: hop.privateKey }]);
    // Sphinx packets are randomised: both get copies of the same ones (workers take theirs over).
    const packets = Array.from({ length: 100 }, (_, i) => packet(`packet ${i}`));
    const fromWorkers = await unwrapAll(
      workers,
      packets.map((p) => p.slice()),
    );
    const fromInline = await unwrapAll(inline, packets);
    expect(fromWorkers.map((o) => summary(o.result))).toEqual(fromInline.map((o) => summary(o.result)));
    expect(fromWorkers.every((o) => o.result.kind === 'forward' && o.durationNs > 0)).toBe(true);
    expect(workers.inFlight).toBe(0);

    const [missing] = await unwrapAll(workers, [packet('no key')], 5);
    expect(missing?.result).toMatchObject({ kind: 'invalid', code: 'no_key' });
    await workers.close();
  });

  it('fails only the batch of a worker that dies, and replaces the worker', async () => {
    const workers = createWorkerUnwrapper(
      { workers: 1, processor: CRASHING_PROCESSOR },
      { logger: silentLogger() },
    );
    await workers.start();
    workers.setKeys([{ rotationId: 0, privateKey: hop.privateKey }]);
    const poison = new Uint8Array(PACKET_SIZES.regular.totalSize).fill(0xde);
    const [lost] = await unwrapAll(workers, [poison]);
    expect(lost?.result).toMatchObject({ kind: 'invalid', code: 'worker_failed' });
    const [after] = await unwrapAll(workers, [packet('after the crash')]);
    expect(after?.result.kind).toBe('forward');
    await workers.close();
  });

  it('refuses to start when workers cannot load the processor', async () => {
    const workers = createWorkerUnwrapper(
      { workers: 1, processor: { module: '/nonexistent/processor.ts', exportName: 'nothing' } },
      { logger: silentLogger() },
    );
    await expect(workers.start()).rejects.toThrow(/cannot load the packet processor module/);
    await workers.close();
  });
});
