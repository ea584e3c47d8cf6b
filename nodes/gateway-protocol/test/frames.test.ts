import fc from 'fast-check';
import { systemRandomBytes } from '../src/crypto/random';
import {
  decodeBinaryRequest,
  decodeBinaryResponse,
  encodeBinaryRequest,
  encodeBinaryResponse,
} from '../src/client-protocol/binary-frames';
import { protocolErrorOf } from './support/protocol-error';
import { KeyRotation } from '@nymts/node-common';
import { PACKET_SIZES } from '@nymts/sphinx';
import { decodeMixPacket, encodeMixPacket, type MixPacket } from '../src/client-protocol/mix-packet';
import { SharedKey } from '../src/client-protocol/shared-key';

const key = () => SharedKey.fromBytes(systemRandomBytes(32));

const ipv4 = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((parts) => parts.join('.'));
const mixPacketArbitrary = fc.record({
  packetType: fc.constant(0),
  keyRotation: fc.constantFrom(KeyRotation.unknown, KeyRotation.odd, KeyRotation.even),
  nextHop: fc.record({ host: ipv4, port: fc.nat(65535) }),
  packet: fc
    .tuple(fc.constantFrom(...Object.values(PACKET_SIZES).map((size) => size.totalSize)), fc.nat(255))
    .map(([size, fill]) => new Uint8Array(size).fill(fill)),
});

describe('mix packets (ForwardSphinx plaintext)', () => {
  it('round-trip in both layouts', () => {
    fc.assert(
      fc.property(mixPacketArbitrary, fc.boolean(), (packet, v2) => {
        const decoded = decodeMixPacket(encodeMixPacket(packet, v2), v2);
        expect(decoded).toEqual(v2 ? packet : { ...packet, keyRotation: KeyRotation.unknown });
      }),
      { numRuns: 50 },
    );
  });

  it('lays out v2 as type ‖ rotation ‖ address ‖ packet, with 7-byte IPv4 addresses', () => {
    const packet: MixPacket = {
      packetType: 0,
      keyRotation: KeyRotation.odd,
      nextHop: { host: '127.0.0.1', port: 1789 },
      packet: new Uint8Array(2413),
    };
    const bytes = encodeMixPacket(packet, true);
    expect(Array.from(bytes.subarray(0, 9))).toEqual([0, 1, 4, 0x06, 0xfd, 127, 0, 0, 1]);
    expect(bytes).toHaveLength(2 + 7 + 2413);
  });

  it('carries IPv6 next hops in 19 bytes', () => {
    const packet: MixPacket = {
      packetType: 0,
      keyRotation: KeyRotation.even,
      nextHop: { host: 'fe80::1', port: 9000 },
      packet: new Uint8Array(386),
    };
    const bytes = encodeMixPacket(packet, true);
    expect(bytes).toHaveLength(2 + 19 + 386);
    expect(decodeMixPacket(bytes, true)).toEqual(packet);
  });

  it('refuses wrong sizes, unknown address tags, unknown rotations and Outfox', () => {
    const good = encodeMixPacket(
      {
        packetType: 0,
        keyRotation: KeyRotation.even,
        nextHop: { host: '10.0.0.1', port: 1 },
        packet: new Uint8Array(2413),
      },
      true,
    );
    expect(protocolErrorOf(() => decodeMixPacket(good.subarray(0, good.length - 1), true))).toBe(
      'malformed-message',
    );
    const badTag = Uint8Array.from(good);
    badTag[2] = 5;
    expect(protocolErrorOf(() => decodeMixPacket(badTag, true))).toBe('malformed-message');
    const badRotation = Uint8Array.from(good);
    badRotation[1] = 3;
    expect(protocolErrorOf(() => decodeMixPacket(badRotation, true))).toBe('malformed-message');
    const outfox = Uint8Array.from(good);
    outfox[0] = 2;
    expect(protocolErrorOf(() => decodeMixPacket(outfox, true))).toBe('malformed-message');
    expect(protocolErrorOf(() => decodeMixPacket(Uint8Array.of(0), false))).toBe('malformed-message');
  });
});

describe('binary frames', () => {
  it('round-trip forward requests and pushed messages under the shared key', () => {
    fc.assert(
      fc.property(mixPacketArbitrary, fc.uint8Array({ maxLength: 3000 }), (packet, message) => {
        const shared = key();
        const frame = encodeBinaryRequest(
          { kind: 'forward-sphinx-v2', mixPacket: packet },
          shared,
          systemRandomBytes,
        );
        expect(Array.from(frame.subarray(0, 2))).toEqual([2, 1]);
        expect(decodeBinaryRequest(frame, shared)).toEqual({ kind: 'forward-sphinx-v2', mixPacket: packet });
        const pushed = encodeBinaryResponse(
          { kind: 'pushed-mix-message', message },
          shared,
          systemRandomBytes,
        );
        expect(decodeBinaryResponse(pushed, shared)).toEqual({ kind: 'pushed-mix-message', message });
      }),
      { numRuns: 8 },
    );
  });

  it('refuses frames under another key, unencrypted frames, bad flags and unknown kinds', () => {
    const shared = key();
    const packet: MixPacket = {
      packetType: 0,
      keyRotation: KeyRotation.unknown,
      nextHop: { host: '127.0.0.1', port: 1 },
      packet: new Uint8Array(386),
    };
    const frame = encodeBinaryRequest(
      { kind: 'forward-sphinx', mixPacket: packet },
      shared,
      systemRandomBytes,
    );
    expect(protocolErrorOf(() => decodeBinaryRequest(frame, key()))).toBe('decryption-failed');
    expect(
      protocolErrorOf(() =>
        decodeBinaryRequest(Uint8Array.of(1, 0, ...encodeMixPacket(packet, false)), shared),
      ),
    ).toBe('malformed-message');
    const badFlag = Uint8Array.from(frame);
    badFlag[1] = 7;
    expect(protocolErrorOf(() => decodeBinaryRequest(badFlag, shared))).toBe('malformed-message');
    const unknownKind = Uint8Array.from(frame);
    unknownKind[0] = 9;
    expect(protocolErrorOf(() => decodeBinaryRequest(unknownKind, shared))).toBe('malformed-message');
    expect(protocolErrorOf(() => decodeBinaryRequest(Uint8Array.of(1), shared))).toBe('malformed-message');
    expect(protocolErrorOf(() => decodeBinaryRequest(Uint8Array.of(1, 1, 2, 3), shared))).toBe(
      'malformed-message',
    );
  });
});
