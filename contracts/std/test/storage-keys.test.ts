// Raw storage keys and values must be what cw-storage-plus writes for the same declarations, so
// raw queries (and tools that read contract state) see our contracts as they would a Rust one.
// Expected bytes are built here from cw-storage-plus's documented layout, not from std's code.
import { type HostDouble } from './support/host-double';
import { errorOf, okOf } from './support/results';
import { address, startTestbed } from './support/testbed';

const ADMIN = address(1);

function utf8(text: string): Buffer {
  return Buffer.from(text, 'utf8');
}

/** u16 big-endian length, then the bytes (cw-storage-plus's namespace and key-part prefix). */
function lengthPrefixed(part: Uint8Array): Buffer {
  const length = Buffer.alloc(2);
  length.writeUInt16BE(part.length);
  return Buffer.concat([length, part]);
}

function u64be(value: bigint): Buffer {
  const out = Buffer.alloc(8);
  out.writeBigUInt64BE(value);
  return out;
}

function i64Key(value: bigint): Buffer {
  return u64be(BigInt.asUintN(64, value) ^ (1n << 63n));
}

function stored(host: HostDouble): Map<string, string> {
  return new Map(
    host.entries().map(([k, v]) => [Buffer.from(k).toString('hex'), Buffer.from(v).toString('utf8')]),
  );
}

describe('storage keys match cw-storage-plus', () => {
  let host: HostDouble;

  beforeEach(async () => {
    host = await startTestbed();
    okOf(host.instantiate(ADMIN, {}));
  });

  test('Item: the namespace itself is the key, the value is serde_json', () => {
    okOf(host.execute(ADMIN, { set_config: { value: 'ünï "x"' } }));
    expect(stored(host).get(utf8('config').toString('hex'))).toBe('"ünï \\"x\\""');
  });

  test('Map with a string key: length-prefixed namespace, then the raw key', () => {
    okOf(host.execute(ADMIN, { save_name: { key: 'alice', value: 'A' } }));
    const key = Buffer.concat([lengthPrefixed(utf8('names')), utf8('alice')]);
    expect(key.toString('hex')).toBe('00056e616d6573616c696365');
    expect(stored(host).get(key.toString('hex'))).toBe('"A"');
  });

  test('Map with a (String, u64) key: leading part length-prefixed, the u64 big-endian', () => {
    okOf(host.execute(ADMIN, { save_pair: { owner: 'bob', id: 258, value: 'v' } }));
    const key = Buffer.concat([lengthPrefixed(utf8('pairs')), lengthPrefixed(utf8('bob')), u64be(258n)]);
    expect(stored(host).get(key.toString('hex'))).toBe('"v"');
  });

  test('Map with an i64 key: big-endian with the sign bit flipped', () => {
    okOf(host.execute(ADMIN, { save_signed: { key: -2, value: 'minus two' } }));
    okOf(host.execute(ADMIN, { save_signed: { key: 5, value: 'five' } }));
    const keys = stored(host);
    const minusTwo = Buffer.concat([lengthPrefixed(utf8('signed')), i64Key(-2n)]);
    const five = Buffer.concat([lengthPrefixed(utf8('signed')), i64Key(5n)]);
    expect(minusTwo.subarray(-8).toString('hex')).toBe('7ffffffffffffffe');
    expect(keys.get(minusTwo.toString('hex'))).toBe('"minus two"');
    expect(keys.get(five.toString('hex'))).toBe('"five"');
  });

  test('IndexedMap: primary record, MultiIndex entry and UniqueIndex entry', () => {
    const owner = address(9);
    okOf(host.execute(ADMIN, { save_token: { id: 7, owner, name: 'gold', amount: '1000' } }));
    const pk = u64be(7n);
    const token = `{"owner":"${owner}","name":"gold","amount":"1000"}`;
    const keys = stored(host);
    expect(keys.get(Buffer.concat([lengthPrefixed(utf8('tokens')), pk]).toString('hex'))).toBe(token);
    // MultiIndex: (index key, pk) under the index namespace; the value is the pk's length.
    const multi = Buffer.concat([lengthPrefixed(utf8('tokens__owner')), lengthPrefixed(utf8(owner)), pk]);
    expect(keys.get(multi.toString('hex'))).toBe('8');
    // UniqueIndex: the index key under the index namespace; the value holds the pk and a copy.
    const unique = Buffer.concat([lengthPrefixed(utf8('tokens__name')), utf8('gold')]);
    expect(JSON.parse(keys.get(unique.toString('hex'))!)).toEqual({
      pk: pk.toString('base64'),
      value: JSON.parse(token),
    });
    expect(keys.size).toBe(4); // config + the three above
  });

  test('IndexedMap updates move index entries and removal clears them', () => {
    okOf(host.execute(ADMIN, { save_token: { id: 1, owner: address(2), name: 'a', amount: '1' } }));
    okOf(host.execute(ADMIN, { save_token: { id: 1, owner: address(3), name: 'b', amount: '2' } }));
    const keys = [...stored(host).keys()].map((k) => Buffer.from(k, 'hex'));
    const withNamespace = (ns: string) =>
      keys.filter((k) => k.subarray(0, 2 + ns.length).equals(lengthPrefixed(utf8(ns))));
    expect(withNamespace('tokens__owner').map((k) => k.toString('hex'))).toEqual([
      Buffer.concat([
        lengthPrefixed(utf8('tokens__owner')),
        lengthPrefixed(utf8(address(3))),
        u64be(1n),
      ]).toString('hex'),
    ]);
    expect(withNamespace('tokens__name')).toHaveLength(1);
    okOf(host.execute(ADMIN, { remove_token: { id: 1 } }));
    expect([...stored(host).keys()]).toEqual([utf8('config').toString('hex')]);
  });

  test('a UniqueIndex violation is an error result and changes nothing', () => {
    okOf(host.execute(ADMIN, { save_token: { id: 1, owner: address(2), name: 'same', amount: '1' } }));
    const before = stored(host);
    expect(
      errorOf(host.execute(ADMIN, { save_token: { id: 2, owner: address(2), name: 'same', amount: '1' } })),
    ).toBe('Violates unique constraint on index tokens__name');
    expect(stored(host)).toEqual(before);
  });

  test('a malformed message writes nothing', () => {
    const before = stored(host);
    expect(errorOf(host.execute(ADMIN, { save_name: { key: 'k' } }))).toBe(
      'Error parsing into type ExecuteMsg::save_name: missing field `value`',
    );
    expect(stored(host)).toEqual(before);
  });
});
