import fc from 'fast-check';
import {
  NODE_ADDRESS_LENGTH,
  NodeAddressError,
  decodeNodeAddress,
  encodeNodeAddress,
  encodeUnpaddedNodeAddress,
  formatSocketAddress,
  parseSocketAddress,
  readNodeAddress,
} from '../src';

describe('Nym node address encoding', () => {
  it('lays out IPv4 as 4 ‖ port BE ‖ octets, zero padded to 32 bytes', () => {
    const bytes = encodeNodeAddress({ host: '1.2.3.4', port: 1789 });
    expect(bytes.length).toBe(NODE_ADDRESS_LENGTH);
    expect([...bytes.subarray(0, 7)]).toEqual([4, 0x06, 0xfd, 1, 2, 3, 4]);
    expect(bytes.subarray(7).every((byte) => byte === 0)).toBe(true);
  });

  it('lays out IPv6 as 6 ‖ port BE ‖ 16 bytes, zero padded', () => {
    const bytes = encodeNodeAddress({ host: '2001:db8::1', port: 42 });
    expect([...bytes.subarray(0, 3)]).toEqual([6, 0, 42]);
    expect(Buffer.from(bytes.subarray(3, 19)).toString('hex')).toBe('20010db8000000000000000000000001');
    expect(bytes.subarray(19).every((byte) => byte === 0)).toBe(true);
  });

  it('decodes what it encodes, v4 and v6, padded or not', () => {
    for (const address of [
      { host: '127.0.0.1', port: 0 },
      { host: '255.255.255.255', port: 65535 },
      { host: '::1', port: 1789 },
      { host: 'fe80::1:2', port: 9 },
      { host: '::ffff:a00:1', port: 7 },
    ]) {
      const bytes = encodeNodeAddress(address);
      expect(decodeNodeAddress(bytes)).toEqual(address);
      expect(decodeNodeAddress(bytes.subarray(0, address.host.includes(':') ? 19 : 7))).toEqual(address);
    }
  });

  it('writes the unpadded form (7 or 19 bytes) and reads its length back, ignoring what follows', () => {
    const v4 = encodeUnpaddedNodeAddress({ host: '127.0.0.1', port: 1789 });
    expect([...v4]).toEqual([4, 0x06, 0xfd, 127, 0, 0, 1]);
    const v6 = encodeUnpaddedNodeAddress({ host: 'fe80::1', port: 9000 });
    expect(v6).toHaveLength(19);
    const followed = Uint8Array.of(...v6, 0xaa, 0xbb);
    expect(readNodeAddress(followed)).toEqual({ address: { host: 'fe80::1', port: 9000 }, length: 19 });
  });

  it('round-trips any 16 IPv6 bytes through text and back', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 16, maxLength: 16 }),
        fc.integer({ min: 0, max: 65535 }),
        (ip, port) => {
          const bytes = new Uint8Array(32);
          bytes.set([6, port >> 8, port & 0xff]);
          bytes.set(ip, 3);
          const decoded = decodeNodeAddress(bytes);
          expect(Buffer.from(encodeNodeAddress(decoded)).equals(Buffer.from(bytes))).toBe(true);
        },
      ),
    );
  });

  it('rejects unknown families, short input, host names and bad ports', () => {
    expect(() => decodeNodeAddress(new Uint8Array(32))).toThrow(NodeAddressError);
    expect(() => decodeNodeAddress(Uint8Array.of(5, 0, 1, 1, 2, 3, 4))).toThrow(/neither 4 nor 6/);
    expect(() => decodeNodeAddress(Uint8Array.of(4, 0, 1, 1, 2, 3))).toThrow(/needs 7 bytes, got 6/);
    expect(() => decodeNodeAddress(Uint8Array.of(6, 0, 1, 1))).toThrow(/needs 19 bytes/);
    expect(() => encodeNodeAddress({ host: 'example.org', port: 1 })).toThrow(/not an IP address/);
    expect(() => encodeNodeAddress({ host: 'fe80::1%eth0', port: 1 })).toThrow(/not an IP address/);
    expect(() => encodeNodeAddress({ host: '1.2.3.4', port: 70000 })).toThrow(/out of range/);
    const error = (() => {
      try {
        decodeNodeAddress(Uint8Array.of(9));
      } catch (caught) {
        return caught as NodeAddressError;
      }
    })();
    expect(error?.action).toBe('drop');
  });

  it('parses and formats host:port text', () => {
    expect(parseSocketAddress('10.1.2.3:1789')).toEqual({ host: '10.1.2.3', port: 1789 });
    expect(parseSocketAddress('[::1]:8000')).toEqual({ host: '::1', port: 8000 });
    expect(formatSocketAddress({ host: '::1', port: 8000 })).toBe('[::1]:8000');
    expect(formatSocketAddress({ host: '1.2.3.4', port: 1 })).toBe('1.2.3.4:1');
    expect(() => parseSocketAddress('localhost:1789')).toThrow(/not an IP socket address/);
    expect(() => parseSocketAddress('1.2.3.4:99999')).toThrow(NodeAddressError);
    expect(() => parseSocketAddress('1.2.3.4')).toThrow(NodeAddressError);
  });
});
