// The contract's JSON reader and writer, through the testbed's `echo` query (parse, then write
// back): round trips, serde_json's escaping, non-ASCII text, and refusal of malformed input.
import fc from 'fast-check';
import { type HostDouble } from './support/host-double';
import { errorOf, okOf } from './support/results';
import { startTestbed } from './support/testbed';

let host: HostDouble;

beforeAll(async () => {
  host = await startTestbed();
});

const encoder = new TextEncoder();

/** The env argument, as bytes, for calls whose message we hand over raw. */
function envBytes(): Uint8Array {
  return encoder.encode(
    JSON.stringify({
      block: { height: 1, time: '1', chain_id: 'c' },
      transaction: null,
      contract: { address: 'n1x' },
    }),
  );
}

/** Echoes raw message bytes and returns the contract's raw answer text (or its error). */
function echoRaw(valueJson: string): { text: string } | { error: string } {
  const result = host.call('query', [envBytes(), encoder.encode(`{"echo":{"value":${valueJson}}}`)]);
  if ('error' in result) return { error: result.error };
  return { text: Buffer.from(result.ok as string, 'base64').toString('utf8') };
}

// Integers only: the contract never reads floats, and JS would reformat them anyway.
const jsonValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    fc.integer({ min: -1_000_000_000, max: 1_000_000_000 }),
    fc.string({ unit: 'binary', maxLength: 12 }),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.string({ unit: 'binary', maxLength: 6 }), tie('value'), { maxKeys: 4 }),
  ),
})).value;

describe('JSON', () => {
  test('property: parse then write gives what serde_json (and JSON.stringify) would write', () => {
    fc.assert(
      fc.property(jsonValue, (value) => {
        const compact = JSON.stringify(value);
        expect(echoRaw(compact)).toEqual({ text: compact });
        // Whitespace in the input does not survive; the output is compact.
        expect(echoRaw(JSON.stringify(value, null, 2))).toEqual({ text: compact });
      }),
      { numRuns: 150 },
    );
  });

  test('non-ASCII text: raw UTF-8 and \\u escapes (surrogate pairs included) come out as UTF-8', () => {
    expect(echoRaw('"naïve ✓ 😀 日本"')).toEqual({ text: '"naïve ✓ 😀 日本"' });
    expect(echoRaw('"\\u00e9\\u2713\\ud83d\\ude00"')).toEqual({ text: '"é✓😀"' });
    expect(echoRaw('"\\/\\b\\f\\n\\r\\t\\u0000\\u001f\\u007f"')).toEqual({
      text: '"/\\b\\f\\n\\r\\t\\u0000\\u001f\u007f"',
    });
  });

  test('numbers keep their text (a u128 amount written as a number is not rounded)', () => {
    expect(echoRaw('[340282366920938463463374607431768211455, -0, 1.5e-7]')).toEqual({
      text: '[340282366920938463463374607431768211455,-0,1.5e-7]',
    });
  });

  test('malformed JSON is refused with a position', () => {
    const bad: Array<[string, RegExp]> = [
      ['{"a":1,}', /key must be a string/],
      ['[1 2]', /expected `,` or `]`/],
      ['"\\ud800"', /lone leading surrogate/],
      ['"\\udc00"', /lone trailing surrogate/],
      ['"\\x"', /invalid escape/],
      ['{"a":1,"a":2}', /duplicate field `a`/],
      ['01', /invalid number/],
      ['1.', /invalid number/],
      ['tru', /expected true/],
      ['"unterminated', /EOF while parsing a string/],
      ['"tab\there"', /control character in string/],
      ['['.repeat(200) + ']'.repeat(200), /recursion limit exceeded/],
    ];
    for (const [input, message] of bad) {
      const answer = echoRaw(input);
      expect('error' in answer ? answer.error : '').toMatch(message);
      expect('error' in answer ? answer.error : '').toMatch(
        /^Error parsing into type message: .* at byte \d+$/,
      );
    }
  });

  test('invalid UTF-8 inside a string is refused', () => {
    const message = Buffer.concat([
      Buffer.from('{"echo":{"value":"'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('"}}'),
    ]);
    const result = host.call('query', [envBytes(), message]);
    expect(errorOf(result)).toMatch(/invalid UTF-8/);
  });

  test('trailing data after the document is refused', () => {
    const result = host.call('query', [envBytes(), encoder.encode('{"echo":{"value":1}} x')]);
    expect(errorOf(result)).toMatch(/trailing characters/);
  });

  test('messages are read strictly: unknown fields and wrong types are errors', () => {
    expect(errorOf(host.query({ echo: { value: 1, extra: 2 } }))).toBe(
      'Error parsing into type QueryMsg::echo: unknown field `extra`, expected one of `value`',
    );
    expect(errorOf(host.query({ names: { limit: 1, colour: 'red' } }))).toBe(
      'Error parsing into type QueryMsg::names: unknown field `colour`, expected one of `start_after`, `start_at`, `end_at`, `descending`, `limit`',
    );
    expect(errorOf(host.query({ pairs: { owner: 5 } }))).toBe(
      'Error parsing into type QueryMsg::pairs: invalid type for `owner`: number `5`, expected a string',
    );
    expect(errorOf(host.query({ pairs: { owner: 'a', start_after: -1 } }))).toMatch(
      /invalid type for `start_after`/,
    );
    expect(errorOf(host.query({ a: {}, b: {} }))).toBe(
      'Error parsing into type QueryMsg: expected an object with exactly one key',
    );
    expect(okOf(host.query({ echo: { value: { nested: ['ok'] } } }))).toEqual({ nested: ['ok'] });
    // An optional field given as null reads as absent, as serde reads Option<T>.
    expect(okOf(host.query({ names: { start_after: null, limit: null, descending: null } }))).toEqual([]);
  });
});
