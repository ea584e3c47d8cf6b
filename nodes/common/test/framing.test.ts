import fc from 'fast-check';
import { PACKET_SIZES, type PacketSizeName } from '@nymts/sphinx';
import {
  FRAME_VERSIONS,
  FrameDecoder,
  FrameError,
  KeyRotation,
  PacketType,
  decodeFrameHeader,
  encodeFrame,
  type Frame,
  type FrameVersion,
  type KeyRotationValue,
} from '../src';

function packetOf(size: PacketSizeName, fill: number): Uint8Array {
  return new Uint8Array(PACKET_SIZES[size].totalSize).fill(fill);
}

function decodeAll(chunks: Uint8Array[]): { frames: Frame[]; error?: FrameError; decoder: FrameDecoder } {
  const decoder = new FrameDecoder();
  const frames: Frame[] = [];
  for (const chunk of chunks) {
    const error = decoder.push(chunk, (frame) => frames.push(frame));
    if (error) return { frames, error, decoder };
  }
  return { frames, decoder };
}

describe('frame header bytes', () => {
  const regular = packetOf('regular', 0xab);

  it('writes the legacy form as size ‖ type', () => {
    const frame = encodeFrame(regular, { version: 'legacy', packetType: PacketType.mix });
    expect([...frame.subarray(0, 2)]).toEqual([1, 0]);
    expect(frame.length).toBe(2 + 2413);
  });

  it('writes v7 as 7 ‖ size ‖ type and v8 as 8 ‖ size ‖ type ‖ key rotation', () => {
    expect([...encodeFrame(regular, { version: 'v7' }).subarray(0, 3)]).toEqual([7, 1, 0]);
    const v8 = encodeFrame(packetOf('ack', 1), { version: 'v8', keyRotation: KeyRotation.even });
    expect([...v8.subarray(0, 4)]).toEqual([8, 2, 0, 2]);
    expect(v8.length).toBe(4 + 386);
  });

  it('reads a deprecated Vpn-type frame as a Sphinx frame', () => {
    const frame = encodeFrame(regular, {
      version: 'v8',
      packetType: PacketType.vpn,
      keyRotation: KeyRotation.odd,
    });
    const decoded = decodeFrameHeader(frame);
    expect(decoded).toMatchObject({
      kind: 'header',
      header: { packetType: 1, keyRotation: 1 },
      headerLength: 4,
    });
  });

  it('refuses to frame a packet whose length is no packet size', () => {
    expect(() => encodeFrame(new Uint8Array(2412), { version: 'v8' })).toThrow(FrameError);
    expect(() => encodeFrame(new Uint8Array(2412), { version: 'v8' })).toThrow(
      /no packet size is 2412 bytes/,
    );
  });

  it('waits for the rest of a header split across reads', () => {
    expect(decodeFrameHeader(Uint8Array.of())).toEqual({ kind: 'incomplete' });
    expect(decodeFrameHeader(Uint8Array.of(8, 1, 0))).toEqual({ kind: 'incomplete' });
    expect(decodeFrameHeader(Uint8Array.of(1))).toEqual({ kind: 'incomplete' });
  });
});

describe('hostile frames', () => {
  const cases: Array<[string, number[], string]> = [
    ['version byte 0', [0, 1, 0], 'unknown_frame_version'],
    ['version byte 9', [9, 1, 0, 0], 'unknown_frame_version'],
    ['version byte 255', [255, 1, 0, 0], 'unknown_frame_version'],
    ['size tag 0 in v8', [8, 0, 0, 0], 'unknown_packet_size'],
    ['size tag 200 in v7', [7, 200, 0], 'unknown_packet_size'],
    ['Outfox size tag 6 (legacy)', [6, 2], 'unsupported_packet_size'],
    ['Outfox size tag 7 in v8', [8, 7, 2, 0], 'unsupported_packet_size'],
    ['Outfox packet type', [8, 1, 2, 0], 'unsupported_packet_type'],
    ['packet type 3', [1, 3], 'unknown_packet_type'],
    ['key rotation 3', [8, 1, 0, 3], 'unknown_key_rotation'],
  ];

  it.each(cases)('rejects %s with its code', (_name, bytes, code) => {
    const { frames, error } = decodeAll([Uint8Array.from(bytes)]);
    expect(frames).toEqual([]);
    expect(error).toBeInstanceOf(FrameError);
    expect(error?.code).toBe(code);
    expect(error?.action).toBe('reject');
  });

  it('keeps failing after a bad header, even when good frames follow', () => {
    const decoder = new FrameDecoder();
    const seen: Frame[] = [];
    expect(decoder.push(Uint8Array.of(9, 9, 9), (frame) => seen.push(frame))?.code).toBe(
      'unknown_frame_version',
    );
    const good = encodeFrame(packetOf('ack', 3), { version: 'v8' });
    expect(decoder.push(good, (frame) => seen.push(frame))?.code).toBe('unknown_frame_version');
    expect(seen).toEqual([]);
  });

  it('delivers the good frames in front of a bad one, then stops', () => {
    const good = encodeFrame(packetOf('ack', 5), { version: 'v7' });
    const { frames, error } = decodeAll([Buffer.concat([good, Uint8Array.of(42, 0, 0)])]);
    expect(frames).toHaveLength(1);
    expect(error?.code).toBe('unknown_frame_version');
  });

  it('holds no more than the one frame begun, and reports it as buffered', () => {
    const frame = encodeFrame(packetOf('extended32', 9), { version: 'v8' });
    const { frames, decoder } = decodeAll([frame.subarray(0, 1000), frame.subarray(1000, 20000)]);
    expect(frames).toEqual([]);
    expect(decoder.bufferedBytes).toBe(20000);
  });
});

describe('frame streams', () => {
  const frameSpec = fc.record({
    version: fc.constantFrom<FrameVersion>(...FRAME_VERSIONS),
    size: fc.constantFrom<PacketSizeName>('regular', 'ack', 'extended8'),
    fill: fc.integer({ min: 0, max: 255 }),
    keyRotation: fc.constantFrom<KeyRotationValue>(0, 1, 2),
    packetType: fc.constantFrom(PacketType.mix, PacketType.vpn),
  });

  it('decode to the same frames however the stream is cut into reads', () => {
    fc.assert(
      fc.property(
        fc.array(frameSpec, { minLength: 1, maxLength: 6 }),
        fc.array(fc.nat(), { maxLength: 12 }),
        (specs, cuts) => {
          const encoded = specs.map((spec) =>
            encodeFrame(packetOf(spec.size, spec.fill), {
              version: spec.version,
              keyRotation: spec.keyRotation,
              packetType: spec.packetType,
            }),
          );
          const stream = Buffer.concat(encoded);
          const points = [...new Set(cuts.map((cut) => cut % stream.length))].sort((a, b) => a - b);
          const chunks: Uint8Array[] = [];
          let previous = 0;
          for (const point of [...points, stream.length]) {
            chunks.push(stream.subarray(previous, point));
            previous = point;
          }
          const { frames, error, decoder } = decodeAll(chunks);
          expect(error).toBeUndefined();
          expect(decoder.bufferedBytes).toBe(0);
          expect(frames).toHaveLength(specs.length);
          frames.forEach((frame, index) => {
            const spec = specs[index]!;
            expect(frame.header).toEqual({
              version: spec.version,
              packetSize: spec.size,
              packetType: spec.packetType,
              keyRotation: spec.version === 'v8' ? spec.keyRotation : KeyRotation.unknown,
            });
            expect(Buffer.from(frame.packet).equals(Buffer.from(packetOf(spec.size, spec.fill)))).toBe(true);
          });
        },
      ),
      { numRuns: 150 },
    );
  });

  it('gives every packet its own buffer, so it can be transferred to a worker', () => {
    const stream = Buffer.concat([
      encodeFrame(packetOf('ack', 1), { version: 'v8' }),
      encodeFrame(packetOf('ack', 2), { version: 'v8' }),
    ]);
    const { frames } = decodeAll([stream]);
    for (const frame of frames) {
      expect(frame.packet.byteOffset).toBe(0);
      expect(frame.packet.buffer.byteLength).toBe(frame.packet.length);
    }
  });

  it('never throws on random bytes: each input ends in frames, an error, or a partial frame', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), (bytes) => {
        const { frames, error, decoder } = decodeAll([bytes]);
        const consumed = frames.reduce((sum, frame) => sum + frame.packet.length, 0);
        expect(consumed).toBeLessThanOrEqual(bytes.length);
        if (error === undefined) expect(decoder.bufferedBytes).toBeLessThanOrEqual(bytes.length);
      }),
    );
  });
});
