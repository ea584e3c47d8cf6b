import fc from 'fast-check';
import {
  createForwardPacket,
  createSurb,
  decodeSurb,
  encodeSurb,
  PACKET_SIZES,
  packetSizeFromLength,
  packetSizeFromName,
  packetSizeFromTag,
  plaintextCapacity,
  processPacket,
  sampleDelays,
  sampleExponentialDelay,
  SphinxError,
  sphinxPublicKey,
  useSurb,
} from '../src/index';
import { buildRoutingHeader } from '../src/build-header';
import { concatBytes } from '../src/bytes';
import { deriveHeaderKeyMaterial } from '../src/key-material';
import { lionessEncrypt } from '../src/lioness';
import { padMessage, unpadPayload } from '../src/payload-padding';
import { decodeVersion, encodeVersion } from '../src/versions';
import { hex, node, seededBytes, toHex } from './helpers/primitive-sets';
import { makeRoute } from './helpers/routes';

function codeOf(run: () => unknown): string {
  try {
    run();
    return 'no error';
  } catch (error) {
    return error instanceof SphinxError ? error.code : `other: ${String(error)}`;
  }
}

describe('header versions', () => {
  test("258 is written as 00 01 02, the bytes Nym's clients send; 259 as 00 01 03; 2023's semver 0.1.0 is 256", () => {
    expect(toHex(encodeVersion(258))).toBe('000102');
    expect(toHex(encodeVersion(259))).toBe('000103');
    expect(decodeVersion(hex('000100'))).toEqual({
      version: 256,
      blinding: 'unclamped-mod-order',
      payloadKey: 'full-key',
    });
    expect(decodeVersion(hex('000001')).blinding).toBe('unclamped-mod-order');
    expect(decodeVersion(hex('000101')).blinding).toBe('unclamped-mod-order');
    expect(decodeVersion(hex('000102'))).toEqual({
      version: 258,
      blinding: 'clamped-x25519',
      payloadKey: 'full-key',
    });
    expect(decodeVersion(hex('000103')).payloadKey).toBe('seed');
  });

  test('unknown versions and a non-zero first byte are unsupported', () => {
    expect(codeOf(() => decodeVersion(hex('000104')))).toBe('unsupported_version');
    expect(codeOf(() => decodeVersion(hex('010102')))).toBe('unsupported_version');
    expect(codeOf(() => encodeVersion(2))).toBe('unsupported_version');
  });

  test('a packet whose authenticated routing block names an unknown version is dropped as unsupported_version', () => {
    const { keyPairs, route } = makeRoute(1, 'version');
    const { alpha, secrets } = deriveHeaderKeyMaterial(
      node,
      seededBytes('eph')(32),
      [route[0]!.publicKey],
      'clamped-x25519',
    );
    const hop = { address: route[0]!.address, secret: secrets[0]!, delayNanos: 0n };
    const { gamma, beta } = buildRoutingHeader(
      node,
      [hop],
      new Uint8Array(32),
      new Uint8Array(16),
      hex('000109'),
      seededBytes('pad'),
    );
    const payload = lionessEncrypt(node, secrets[0]!.payloadKeyMaterial, padMessage(new Uint8Array(1), 38));
    const packet = concatBytes(alpha, gamma, beta, payload);
    const error = (() => {
      try {
        processPacket(packet, keyPairs[0]!.privateKey);
      } catch (caught) {
        return caught as SphinxError;
      }
    })();
    expect(error?.code).toBe('unsupported_version');
    expect(error?.action).toBe('drop');
  });
});

describe('packet sizes', () => {
  test("Nym's PacketSize names, tags and totals; plaintext = total − 365", () => {
    expect(Object.values(PACKET_SIZES).map((size) => [size.name, size.tag, size.totalSize])).toEqual([
      ['regular', 1, 2413],
      ['ack', 2, 386],
      ['extended32', 3, 33133],
      ['extended8', 4, 8557],
      ['extended16', 5, 16749],
    ]);
    expect(plaintextCapacity(PACKET_SIZES.regular)).toBe(2048);
    expect(plaintextCapacity(PACKET_SIZES.ack)).toBe(21);
    expect(packetSizeFromLength(8557)).toBe(PACKET_SIZES.extended8);
    expect(packetSizeFromTag(5)).toBe(PACKET_SIZES.extended16);
    expect(packetSizeFromName('extended32')).toBe(PACKET_SIZES.extended32);
    expect(codeOf(() => packetSizeFromLength(2412))).toBe('bad_size');
    expect(codeOf(() => packetSizeFromTag(6))).toBe('bad_size');
    expect(codeOf(() => packetSizeFromName('outfox'))).toBe('bad_size');
  });
});

describe('payload padding', () => {
  test('16 zeros ‖ message ‖ 01 ‖ zeros, and back', () => {
    const padded = padMessage(hex('0101ff'), 38);
    expect(toHex(padded)).toBe(`${'00'.repeat(16)}0101ff01${'00'.repeat(18)}`);
    expect(toHex(unpadPayload(padded))).toBe('0101ff');
    expect(toHex(unpadPayload(padMessage(new Uint8Array(21), 38)))).toBe('00'.repeat(21));
  });

  test('a message one byte too long, missing leading zeros or a missing end marker are refused', () => {
    expect(codeOf(() => padMessage(new Uint8Array(22), 38))).toBe('message_too_long');
    const noZeros = padMessage(hex('aa'), 38);
    noZeros[3] = 9;
    expect(codeOf(() => unpadPayload(noZeros))).toBe('bad_payload');
    expect(codeOf(() => unpadPayload(new Uint8Array(38)))).toBe('bad_payload');
    expect(codeOf(() => unpadPayload(new Uint8Array(10)))).toBe('bad_payload');
  });
});

describe('exponential delays', () => {
  test('mean 0 gives 0; u = 1 − e^-1 gives exactly the mean, in nanoseconds', () => {
    expect(sampleExponentialDelay(0)).toBe(0n);
    expect(sampleExponentialDelay(50, () => 1 - Math.exp(-1))).toBe(50_000_000n);
    expect(sampleExponentialDelay(50, () => 0)).toBe(0n);
  });

  test('the sample mean of many draws from a seeded source is close to the mean', () => {
    let state = 12345;
    const uniform = () => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state / 2 ** 32;
    };
    const delays = sampleDelays(20000, 20, uniform);
    const meanMs = delays.reduce((sum, delay) => sum + Number(delay), 0) / delays.length / 1e6;
    expect(meanMs).toBeGreaterThan(19);
    expect(meanMs).toBeLessThan(21);
  });

  test('bad means and a bad uniform source are refused', () => {
    expect(codeOf(() => sampleExponentialDelay(-1))).toBe('bad_route');
    expect(codeOf(() => sampleExponentialDelay(Number.NaN))).toBe('bad_route');
    expect(codeOf(() => sampleExponentialDelay(5, () => 1))).toBe('bad_route');
  });

  test('the default source gives non-negative delays that differ', () => {
    const delays = sampleDelays(20, 10);
    expect(delays.every((delay) => delay >= 0n)).toBe(true);
    expect(new Set(delays).size).toBeGreaterThan(1);
  });
});

describe('creating packets: bad arguments are rejected', () => {
  const { route } = makeRoute(3, 'create');
  const base = {
    route,
    destination: new Uint8Array(32),
    delaysNanos: [0n, 0n, 0n],
    message: new Uint8Array(4),
    packetSize: PACKET_SIZES.regular,
  };

  test.each([
    ['an empty route', { route: [], delaysNanos: [] }, 'bad_route'],
    ['six hops', { route: [...route, ...route], delaysNanos: Array(6).fill(0n) }, 'bad_route'],
    ['too few delays', { delaysNanos: [0n, 0n] }, 'bad_route'],
    ['a negative delay', { delaysNanos: [0n, -1n, 0n] }, 'bad_route'],
    ['a delay over u64', { delaysNanos: [0n, 1n << 64n, 0n] }, 'bad_route'],
    [
      'a short address',
      { route: [{ ...route[0]!, address: new Uint8Array(31) }, route[1]!, route[2]!] },
      'bad_route',
    ],
    ['a short destination', { destination: new Uint8Array(16) }, 'bad_route'],
    ['a short SURB id', { surbId: new Uint8Array(8) }, 'bad_route'],
    ['an unknown version', { version: 300 }, 'unsupported_version'],
    ['a message too long', { message: new Uint8Array(2049) }, 'message_too_long'],
  ])('%s', (_label, change, code) => {
    const error = codeOf(() => createForwardPacket({ ...base, ...change }));
    expect(error).toBe(code);
  });

  test('errors from local calls say reject, errors from the network say drop', () => {
    expect(new SphinxError('bad_route', 'x').action).toBe('reject');
    expect(new SphinxError('bad_mac', 'x').action).toBe('drop');
  });
});

describe('SURBs', () => {
  const { keyPairs, route } = makeRoute(3, 'surb');

  test('encoding: header ‖ first hop ‖ keys (192-byte keys for 258, 16-byte seeds for 259)', () => {
    for (const [version, keySize] of [
      [258, 192],
      [259, 16],
    ] as const) {
      const surb = createSurb({ route, destination: new Uint8Array(32), delaysNanos: [0n, 0n, 0n], version });
      const encoded = encodeSurb(surb);
      expect(encoded.length).toBe(348 + 32 + 3 * keySize);
      expect(toHex(encoded.subarray(348, 380))).toBe(toHex(route[0]!.address));
      const decoded = decodeSurb(encoded);
      expect(decoded.payloadKeys.map((key) => key.length)).toEqual([keySize, keySize, keySize]);
    }
  });

  test('a SURB whose key material does not split into keys or seeds is refused', () => {
    const encoded = encodeSurb(
      createSurb({ route, destination: new Uint8Array(32), delaysNanos: [0n, 0n, 0n] }),
    );
    expect(codeOf(() => decodeSurb(encoded.subarray(0, encoded.length - 1)))).toBe('bad_surb');
    expect(codeOf(() => decodeSurb(encoded.subarray(0, 380)))).toBe('bad_surb');
    expect(codeOf(() => decodeSurb(new Uint8Array(380 + 6 * 192)))).toBe('bad_surb');
  });

  test('a reply too long for the packet size is refused', () => {
    const surb = createSurb({ route, destination: new Uint8Array(32), delaysNanos: [0n, 0n, 0n] });
    expect(codeOf(() => useSurb(surb, new Uint8Array(22), PACKET_SIZES.ack))).toBe('message_too_long');
  });

  test('only the route reads the reply: the final hop delivers it, another key cannot', () => {
    const surb = createSurb({ route, destination: new Uint8Array(32).fill(5), delaysNanos: [0n, 0n, 0n] });
    const { packet } = useSurb(surb, hex('c0ffee'), PACKET_SIZES.regular);
    expect(codeOf(() => processPacket(packet, keyPairs[2]!.privateKey))).toBe('bad_mac');
    const first = processPacket(packet, keyPairs[0]!.privateKey);
    expect(first.kind).toBe('forward');
  });
});

describe('keys', () => {
  test('public keys derive as X25519(sk, 9) and bad private keys are refused', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), (sk) => {
        expect(toHex(sphinxPublicKey(sk))).toBe(toHex(node.x25519Base(sk)));
      }),
      { numRuns: 10 },
    );
    expect(codeOf(() => sphinxPublicKey(new Uint8Array(16)))).toBe('bad_key');
  });
});
