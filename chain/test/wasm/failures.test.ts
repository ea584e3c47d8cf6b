import { OutOfGasError } from '../../src/gas/types';
import { MsgInstantiateContract2Response } from 'cosmjs-types/cosmwasm/wasm/v1/tx';
import { predictableContractAddress, WasmKeeperError } from '../../src/wasm';
import { toBech32 } from '@cosmjs/encoding';
import { account, attributes, Harness, PREFIX } from './support/harness';
import { OK_RESPONSE, scriptedContract } from './support/scripted-contract';

const alice = account(1);
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64');
const text = (bytes: Uint8Array) => Buffer.from(bytes).toString();
const bytes64 = (value: string) => Buffer.from(value).toString('base64');

function submsg(target: string, command: string, replyOn: string, extra: Record<string, unknown> = {}) {
  return {
    ...OK_RESPONSE,
    messages: [
      {
        id: 7,
        msg: { wasm: { execute: { contract_addr: target, msg: b64(command), funds: [] } } },
        gas_limit: null,
        reply_on: replyOn,
        ...extra,
      },
    ],
  };
}

describe('failing contracts and submessages', () => {
  const h = new Harness();
  let target: string;
  let caller: string;
  let targetCode: bigint;
  const raw = (contract: string, key: string) =>
    text(
      h.keeper.queryRaw({ store: h.store, block: h.ctx().block }, contract, new TextEncoder().encode(key)),
    );

  beforeAll(() => {
    targetCode = h.upload(
      alice,
      scriptedContract({
        responses: {
          w: { ...OK_RESPONSE, attributes: [{ key: 'by', value: 'target' }], data: bytes64('T') },
        },
      }),
    );
    target = h.instantiate(alice, targetCode, {}).address;
    const callerCode = h.upload(
      alice,
      scriptedContract({
        responses: {
          s: submsg(target, 'panic', 'error', { payload: b64('payload') }),
          o: submsg(target, 'write', 'success'),
          f: submsg(target, 'panic', 'success'),
          n: submsg(target, 'panic', 'never'),
          g: {
            ...submsg(target, 'loop', 'always'),
            messages: [{ ...submsg(target, 'loop', 'always').messages[0], gas_limit: 200_000 }],
          },
          k: { ...OK_RESPONSE, attributes: [{ key: '_reserved', value: 'x' }] },
          t: { ...OK_RESPONSE, events: [{ type: ' ab ', attributes: [] }] },
          i: {
            ...OK_RESPONSE,
            messages: [
              {
                id: 9,
                msg: {
                  wasm: {
                    instantiate2: {
                      admin: null,
                      code_id: 1,
                      label: 'child',
                      msg: b64({}),
                      funds: [],
                      salt: bytes64('salt'),
                    },
                  },
                },
                gas_limit: null,
                reply_on: 'success',
              },
            ],
          },
          b: {
            ...OK_RESPONSE,
            messages: [{ id: 0, msg: { bank: { send: { to_address: alice } } }, reply_on: 'never' }],
          },
          e: {
            ...OK_RESPONSE,
            attributes: [{ key: ' action ', value: ' spaced ' }],
            events: [{ type: 'thing', attributes: [{ key: 'k', value: '' }] }],
          },
        },
        replyResponse: { ...OK_RESPONSE, data: bytes64('R') },
      }),
    );
    caller = h.instantiate(alice, callerCode, {}).address;
  });

  it('a contract that loops forever runs out of gas and the keeper carries on', () => {
    const before = h.store.snapshot();
    expect(() => h.execute(alice, target, 'loop', [], 2_000_000)).toThrow(OutOfGasError);
    expect(h.store.snapshot()).toEqual(before);
    expect(h.lastGasUsed).toBeGreaterThan(2_000_000);
    expect(text(h.execute(alice, target, 'write').data)).toBe('T');
  });

  it('a panicking contract leaves no state change, not even the funds it was sent', () => {
    h.fund(alice, [{ denom: 'unyx', amount: '100' }]);
    const before = h.store.snapshot();
    let error: unknown;
    try {
      h.execute(alice, target, 'panic', [{ denom: 'unyx', amount: '40' }]);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(WasmKeeperError);
    expect(error).toMatchObject({
      codespace: 'wasm',
      code: 29,
      message: expect.stringContaining('Aborted: panicked at scripted contract'),
    });
    expect(h.store.snapshot()).toEqual(before);
    expect(h.balance(alice, 'unyx')).toBe('100');
  });

  it('a failing submessage with reply_on error keeps the caller state and rolls back only the submessage', () => {
    const { events } = h.execute(alice, caller, 'sub');
    expect(raw(caller, 's')).toBe('1');
    expect(raw(target, 'p')).toBe('');
    const reply = JSON.parse(raw(caller, 'r'));
    expect(reply).toEqual({
      id: 7,
      payload: b64('payload'),
      gas_used: expect.any(Number),
      result: { error: 'codespace: wasm, code: 29' },
    });
    expect(reply.gas_used).toBeGreaterThan(0);
    expect(events.map((e) => e.type)).toEqual(['execute', 'reply']);
    expect(attributes(events, 'reply')[0]).toEqual({ _contract_address: caller });
  });

  it('a successful submessage replies with its events, data and msg_responses, and the reply data wins', () => {
    const { events, data } = h.execute(alice, caller, 'ok');
    const reply = JSON.parse(raw(caller, 'r'));
    expect(reply.result.ok.events.map((e: { type: string }) => e.type)).toEqual(['execute', 'wasm']);
    expect(reply.result.ok.msg_responses).toEqual([
      { type_url: '/cosmwasm.wasm.v1.MsgExecuteContractResponse', value: reply.result.ok.data },
    ]);
    // the data is the protobuf MsgExecuteContractResponse { data: "T" }
    expect(Buffer.from(reply.result.ok.data, 'base64')).toEqual(Buffer.from([0x0a, 0x01, 0x54]));
    expect(reply.payload).toBe('');
    expect(events.map((e) => e.type)).toEqual(['execute', 'execute', 'wasm', 'reply']);
    expect(text(data)).toBe('R');
    expect(raw(target, 'w')).toBe('1');
  });

  it('a failing submessage with reply_on success or never fails the whole call', () => {
    for (const command of ['fail', 'never']) {
      const before = h.store.snapshot();
      expect(() => h.execute(alice, caller, command)).toThrow(/Aborted: panicked at scripted contract/);
      expect(h.store.snapshot()).toEqual(before);
    }
  });

  it('a submessage out of its own gas limit is replied to, and its gas is charged to the caller', () => {
    h.execute(alice, caller, 'gas', [], 5_000_000);
    const reply = JSON.parse(raw(caller, 'r'));
    expect(reply.result).toEqual({ error: 'codespace: sdk, code: 11' });
    expect(reply.gas_used).toBeGreaterThan(200_000);
    expect(h.lastGasUsed).toBeGreaterThan(200_000);
    expect(h.lastGasUsed).toBeLessThan(1_000_000);
  });

  it('validates contract event attributes as wasmd does', () => {
    const before = h.store.snapshot();
    expect(() => h.execute(alice, caller, 'key')).toThrow(
      /Attribute key starts with reserved prefix _: '_reserved'/,
    );
    expect(() => h.execute(alice, caller, 'type')).toThrow(/Event type too short: 'ab'/);
    expect(h.store.snapshot()).toEqual(before);
    const { events } = h.execute(alice, caller, 'events');
    expect(events).toEqual([
      { type: 'execute', attributes: [{ key: '_contract_address', value: caller }] },
      {
        type: 'wasm',
        attributes: [
          { key: '_contract_address', value: caller },
          { key: 'action', value: 'spaced' },
        ],
      },
      {
        type: 'wasm-thing',
        attributes: [
          { key: '_contract_address', value: caller },
          { key: 'k', value: '' },
        ],
      },
    ]);
  });

  it('instantiates a contract from a contract with instantiate2 at the predictable address', () => {
    const { events } = h.execute(alice, caller, 'instantiate');
    const child = attributes(events, 'instantiate')[0]!._contract_address!;
    const checksum = h.keeper.getCodeInfo(h.store, targetCode)!.codeHash;
    const creator = h.keeper.addresses.mustCanonicalize(caller);
    expect(child).toBe(
      toBech32(PREFIX, predictableContractAddress(checksum, creator, Buffer.from('salt'), new Uint8Array())),
    );
    expect(h.keeper.getContractInfo(h.store, child)).toMatchObject({ creator: caller, label: 'child' });
    const reply = JSON.parse(raw(caller, 'r'));
    const response = MsgInstantiateContract2Response.decode(Buffer.from(reply.result.ok.data, 'base64'));
    expect(response.address).toBe(child);
    expect(reply.result.ok.msg_responses[0].type_url).toBe(
      '/cosmwasm.wasm.v1.MsgInstantiateContract2Response',
    );
  });

  it('fails a malformed message from a contract as a message error, not a node error', () => {
    const before = h.store.snapshot();
    expect(() => h.execute(alice, caller, 'bank')).toThrow(
      expect.objectContaining({ codespace: 'sdk', code: 10 }),
    );
    expect(h.store.snapshot()).toEqual(before);
  });
});
