// What entry points answer: Response serialised as cosmwasm-std serialises it, error results,
// aborts, the cw20 receive hook, address functions, Env decoding and contract-to-chain queries.
import { ContractAbort, type HostDouble } from './support/host-double';
import { errorOf, okOf } from './support/results';
import { address, CONTRACT_ADDRESS, startTestbed } from './support/testbed';

const ADMIN = address(1);

function b64(json: unknown): string {
  return Buffer.from(JSON.stringify(json)).toString('base64');
}

function fromB64(text: string): unknown {
  return JSON.parse(Buffer.from(text, 'base64').toString('utf8'));
}

let host: HostDouble;

beforeEach(async () => {
  host = await startTestbed();
  okOf(host.instantiate(ADMIN, {}));
});

describe('Response', () => {
  test('every message kind, attributes, events and data in CosmWasm JSON', () => {
    const coins = [{ denom: 'unyx', amount: '5' }];
    const plain = (msg: unknown) => ({ id: 0, msg, gas_limit: null, reply_on: 'never' });
    expect(okOf(host.execute(ADMIN, { respond: {} }))).toEqual({
      messages: [
        plain({ bank: { send: { to_address: 'n1recipient', amount: coins } } }),
        plain({ bank: { burn: { amount: coins } } }),
        {
          id: 7,
          msg: { wasm: { execute: { contract_addr: 'n1contract', msg: b64({ ping: {} }), funds: coins } } },
          gas_limit: 250000,
          reply_on: 'success',
        },
        {
          id: 8,
          msg: {
            wasm: { instantiate: { admin: null, code_id: 3, msg: b64({}), funds: [], label: 'label' } },
          },
          gas_limit: null,
          reply_on: 'always',
        },
        {
          id: 9,
          msg: {
            wasm: {
              instantiate: { admin: 'n1admin', code_id: 4, msg: b64({}), funds: coins, label: 'with admin' },
            },
          },
          gas_limit: null,
          reply_on: 'error',
        },
        plain({
          wasm: { migrate: { contract_addr: 'n1contract', new_code_id: 5, msg: b64({ migrate: {} }) } },
        }),
        plain({ wasm: { update_admin: { contract_addr: 'n1contract', admin: 'n1admin' } } }),
        plain({ wasm: { clear_admin: { contract_addr: 'n1contract' } } }),
        plain({
          wasm: {
            execute: {
              contract_addr: 'n1token',
              msg: b64({ transfer: { recipient: 'n1recipient', amount: '10' } }),
              funds: [],
            },
          },
        }),
        plain({
          wasm: {
            execute: {
              contract_addr: 'n1token',
              msg: b64({ send: { contract: 'n1contract', amount: '11', msg: b64({ hook: {} }) } }),
              funds: [],
            },
          },
        }),
      ],
      attributes: [
        { key: 'action', value: 'respond' },
        { key: 'note', value: 'ünïcödé "quoted"\n' },
      ],
      events: [{ type: 'wasm-testbed', attributes: [{ key: 'k', value: 'v' }] }],
      data: Buffer.from('data').toString('base64'),
    });
  });

  test('field order and compact form are those of serde_json', () => {
    const result = host.call('execute', [
      {
        block: { height: 1, time: '0', chain_id: 'c' },
        transaction: null,
        contract: { address: CONTRACT_ADDRESS },
      },
      { sender: ADMIN, funds: [] },
      { set_config: { value: 'x' } },
    ]);
    expect(JSON.stringify(result)).toBe(
      `{"ok":{"messages":[],"attributes":[{"key":"action","value":"set_config"},{"key":"sender","value":"${ADMIN}"}],"events":[],"data":null}}`,
    );
  });
});

describe('errors', () => {
  test('a refused call answers {"error": …} and its writes are dropped', () => {
    expect(errorOf(host.execute(ADMIN, { fail: { message: 'not allowed: ünï' } }))).toBe('not allowed: ünï');
    expect(okOf(host.query({ config: {} }))).toEqual({ value: `instantiated by ${ADMIN}` });
  });

  test('unknown variants name the ones that exist', () => {
    expect(errorOf(host.execute(ADMIN, { nope: {} }))).toMatch(
      /^Error parsing into type ExecuteMsg: unknown variant `nope`, expected one of `set_config`, /,
    );
    expect(errorOf(host.query({ nope: {} }))).toMatch(
      /^Error parsing into type QueryMsg: unknown variant `nope`/,
    );
  });

  test('abort reaches the host through env.abort with its message', () => {
    let thrown: unknown;
    try {
      host.execute(ADMIN, { panic: {} });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ContractAbort);
    expect((thrown as ContractAbort).contractMessage).toBe('testbed panic');
  });

  test('a missing item is an error result', async () => {
    const fresh = await startTestbed();
    expect(errorOf(fresh.query({ config: {} }))).toBe('config not found');
  });
});

describe('cw20 receive hook', () => {
  test('decodes sender, amount and the attached message', () => {
    const hook = {
      sender: address(4),
      amount: '340282366920938463463374607431768211455',
      msg: b64({ deposit: {} }),
    };
    expect(okOf(host.execute(address(5), { receive: hook }))).toMatchObject({
      attributes: [
        { key: 'sender', value: address(4) },
        { key: 'amount', value: '340282366920938463463374607431768211455' },
        { key: 'hook', value: 'deposit' },
      ],
    });
  });

  test('refuses bad base64, amounts and missing fields', () => {
    expect(errorOf(host.execute(ADMIN, { receive: { sender: 'x', amount: '1', msg: 'not base64!' } }))).toBe(
      'Error parsing into type Cw20ReceiveMsg: invalid base64 for `msg`',
    );
    expect(errorOf(host.execute(ADMIN, { receive: { sender: 'x', amount: '-1', msg: '' } }))).toBe(
      'Error parsing into type Cw20ReceiveMsg: invalid Uint128 for `amount`: "-1"',
    );
    expect(errorOf(host.execute(ADMIN, { receive: { amount: '1', msg: '' } }))).toBe(
      'Error parsing into type Cw20ReceiveMsg: missing field `sender`',
    );
  });
});

describe('host services', () => {
  test('addresses are validated, canonicalized and humanized through the host', () => {
    expect(okOf(host.execute(ADMIN, { check_address: { address: address(0xab) } }))).toMatchObject({
      attributes: [
        { key: 'canonical', value: 'ab'.repeat(20) },
        { key: 'human', value: address(0xab) },
      ],
    });
    expect(errorOf(host.execute(ADMIN, { check_address: { address: address(0xab).toUpperCase() } }))).toBe(
      'Generic error: addr_validate errored: address is not normalized',
    );
    expect(
      errorOf(
        host.execute(ADMIN, { check_address: { address: 'cosmos1qyqszqgpqyqszqgpqyqszqgpqyqszqgpjnp7du' } }),
      ),
    ).toBe('Generic error: addr_validate errored: wrong bech32 prefix cosmos');
    expect(errorOf(host.execute(ADMIN, { check_address: { address: 'n'.repeat(300) } }))).toBe(
      'Generic error: Input too long for addr_validate',
    );
  });

  test('Env: block height, time, chain id, contract address and transaction index', () => {
    host.env = { ...host.env, transactionIndex: 3 };
    const answer = host.call('query', [
      {
        block: { height: 42, time: '1700000000999999999', chain_id: 'nyx' },
        transaction: { index: 3 },
        contract: { address: CONTRACT_ADDRESS },
      },
      { env: {} },
    ]);
    // The raw text, since JSON.parse would round a nanosecond timestamp.
    expect(Buffer.from(okOf(answer) as string, 'base64').toString()).toBe(
      `{"height":42,"time_seconds":1700000000,"time_nanos":1700000000999999999,"chain_id":"nyx","contract":"${CONTRACT_ADDRESS}","tx_index":3}`,
    );
  });

  test('smart queries go out as QueryRequest JSON and come back unwrapped', async () => {
    const requests: unknown[] = [];
    const queried = await startTestbed((request) => {
      requests.push(request);
      const smart = (request as { wasm: { smart: { contract_addr: string; msg: string } } }).wasm.smart;
      if (smart.contract_addr === 'n1missing') return { ok: { error: 'contract not found' } };
      return { ok: { ok: b64({ balance: '7', asked: fromB64(smart.msg) }) } };
    });
    expect(
      okOf(queried.query({ query_other: { contract: 'n1token', msg: { balance: { address: 'n1x' } } } })),
    ).toEqual({
      balance: '7',
      asked: { balance: { address: 'n1x' } },
    });
    expect(requests).toEqual([
      { wasm: { smart: { contract_addr: 'n1token', msg: b64({ balance: { address: 'n1x' } }) } } },
    ]);
    expect(errorOf(queried.query({ query_other: { contract: 'n1missing', msg: {} } }))).toBe(
      'Querier contract error: contract not found',
    );
  });
});

describe('reply', () => {
  const env = {
    block: { height: 1, time: '0', chain_id: 'c' },
    transaction: null,
    contract: { address: CONTRACT_ADDRESS },
  };

  test('a successful submessage: id, events and data (CosmWasm 2.x shape)', () => {
    const reply = {
      id: 7,
      payload: '',
      gas_used: 1234,
      result: {
        ok: {
          events: [
            {
              type: 'wasm',
              attributes: [
                { key: 'a', value: '1' },
                { key: 'b', value: '2' },
              ],
            },
            { type: 'transfer', attributes: [{ key: 'amount', value: '5unyx' }] },
          ],
          data: Buffer.from('hi').toString('base64'),
          msg_responses: [],
        },
      },
    };
    okOf(host.call('reply', [env, reply]));
    expect(okOf(host.query({ config: {} }))).toEqual({
      value: 'reply 7 ok events wasm/2 transfer/1 data 6869',
    });
  });

  test('a failed submessage (CosmWasm 1.x shape, no data)', () => {
    okOf(host.call('reply', [env, { id: 9, result: { error: 'out of gas' } }]));
    expect(okOf(host.query({ config: {} }))).toEqual({ value: 'reply 9 error out of gas' });
    okOf(host.call('reply', [env, { id: 10, result: { ok: { events: [], data: null } } }]));
    expect(okOf(host.query({ config: {} }))).toEqual({ value: 'reply 10 ok events data none' });
  });

  test('a malformed reply is an error result', () => {
    expect(errorOf(host.call('reply', [env, { id: -1, result: { ok: {} } }]))).toBe(
      'Error parsing into type Reply: invalid id',
    );
    expect(errorOf(host.call('reply', [env, { id: 1, result: {} }]))).toBe(
      'Error parsing into type Reply: result is neither ok nor error',
    );
  });
});
