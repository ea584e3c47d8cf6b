import { compareNumeric, matches, parseQuery } from '../src/node/tx-query';

describe('event queries', () => {
  it('parses what cosmjs sends', () => {
    expect(parseQuery("tx.hash='ABCD'")).toEqual([
      { key: 'tx.hash', op: '=', value: { kind: 'string', text: 'ABCD' } },
    ]);
    expect(parseQuery("message.sender='n1x' AND tx.height=5")).toEqual([
      { key: 'message.sender', op: '=', value: { kind: 'string', text: 'n1x' } },
      { key: 'tx.height', op: '=', value: { kind: 'number', text: '5' } },
    ]);
    expect(
      parseQuery("tm.event = 'Tx' AND transfer.amount CONTAINS 'unyx' AND wasm._contract_address EXISTS"),
    ).toHaveLength(3);
    expect(parseQuery('tx.height>=10 AND tx.height<20.5')[1]).toEqual({
      key: 'tx.height',
      op: '<',
      value: { kind: 'number', text: '20.5' },
    });
  });

  it.each([
    '',
    "tx.hash=='x'",
    "tx.hash='x' OR tx.height=1",
    'tx.height',
    "tx.hash='unterminated",
    'AND tx.height=1',
    'tx.height CONTAINS 5',
  ])('refuses %j', (query) => {
    expect(() => parseQuery(query)).toThrow();
  });

  it('matches conditions against an event map', () => {
    const events = new Map([
      ['tm.event', ['Tx']],
      ['tx.height', ['12']],
      ['transfer.amount', ['5unyx', '7ufoo']],
    ]);
    expect(matches(parseQuery("tm.event='Tx' AND tx.height>11"), events)).toBe(true);
    expect(matches(parseQuery("tm.event='Tx' AND tx.height>12"), events)).toBe(false);
    expect(matches(parseQuery("transfer.amount CONTAINS 'ufoo'"), events)).toBe(true);
    expect(matches(parseQuery('message.sender EXISTS'), events)).toBe(false);
    expect(compareNumeric('10.50', '10.5')).toBe(0);
    expect(compareNumeric('99999999999999999999', '99999999999999999998')).toBe(1);
    expect(compareNumeric('-2', '1')).toBe(-1);
    expect(compareNumeric('abc', '1')).toBeUndefined();
  });
});
