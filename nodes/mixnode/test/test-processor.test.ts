import { PACKET_SIZES, encodeNodeAddress } from '@nymts/node-common';
import { createTestPacket, testProcessor } from './support/test-processor';
import { generateSphinxKeys } from './support/packet-suite';

// The test double has to behave like Sphinx where the node can tell: otherwise the pipeline
// tests would prove nothing.
describe('test processor (test-only stand-in for Sphinx)', () => {
  const hops = [generateSphinxKeys(), generateSphinxKeys(), generateSphinxKeys()];
  const addresses = [1, 2, 3].map((i) => encodeNodeAddress({ host: '127.0.0.1', port: 4000 + i }));
  const destination = new Uint8Array(32).fill(7);
  const packet = createTestPacket({
    route: hops.map((hop, i) => ({ address: addresses[i] as Uint8Array, publicKey: hop.publicKey })),
    destination,
    delaysNanos: [1n, 2n, 3n],
    message: Buffer.from('hello mixnet'),
  });

  it('peels one layer per hop and ends at the destination with the message', () => {
    expect(packet.length).toBe(PACKET_SIZES.regular.bytes);
    let current = packet;
    for (let i = 0; i < 2; i++) {
      const result = testProcessor.process(current, (hops[i] as { privateKey: Uint8Array }).privateKey);
      if (result.kind !== 'forward') throw new Error(`expected forward, got ${result.kind}`);
      expect(Buffer.from(result.nextHop).equals(Buffer.from(addresses[i + 1] as Uint8Array))).toBe(true);
      expect(result.delayNanos).toBe(BigInt(i + 1));
      expect(result.packet.length).toBe(packet.length);
      current = result.packet;
    }
    const final = testProcessor.process(current, (hops[2] as { privateKey: Uint8Array }).privateKey);
    expect(final).toMatchObject({ kind: 'final' });
    if (final.kind !== 'final') return;
    expect(Buffer.from(final.payload).toString()).toBe('hello mixnet');
    expect(Buffer.from(final.destination).equals(Buffer.from(destination))).toBe(true);
  });

  it('gives the same packet the same replay tag, and each hop a different one', () => {
    const first = testProcessor.process(packet, (hops[0] as { privateKey: Uint8Array }).privateKey);
    const again = testProcessor.process(packet, (hops[0] as { privateKey: Uint8Array }).privateKey);
    if (first.kind !== 'forward' || again.kind !== 'forward') throw new Error('expected forward');
    expect(Buffer.from(again.replayTag).equals(Buffer.from(first.replayTag))).toBe(true);
    const second = testProcessor.process(first.packet, (hops[1] as { privateKey: Uint8Array }).privateKey);
    if (second.kind !== 'forward') throw new Error('expected forward');
    expect(Buffer.from(second.replayTag).equals(Buffer.from(first.replayTag))).toBe(false);
  });

  it('refuses a wrong key, damage, and lengths that are no packet size', () => {
    expect(testProcessor.process(packet, generateSphinxKeys().privateKey)).toMatchObject({
      kind: 'invalid',
      code: 'wrong_key',
    });
    const damaged = packet.slice();
    damaged[1000] = (damaged[1000] as number) ^ 0xff;
    expect(testProcessor.process(damaged, (hops[0] as { privateKey: Uint8Array }).privateKey)).toMatchObject({
      code: 'bad_checksum',
    });
    expect(
      testProcessor.process(packet.subarray(0, 2000), (hops[0] as { privateKey: Uint8Array }).privateKey),
    ).toMatchObject({
      code: 'bad_length',
    });
  });
});
