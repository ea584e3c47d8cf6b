import { MsgInstantiateContract2Response } from 'cosmjs-types/cosmwasm/wasm/v1/tx';
import { predictableContractAddress } from '../../src/wasm';
import { toBech32 } from '@cosmjs/encoding';
import { account, attributes, Harness, PREFIX, jsonBase64 } from './support/harness';
import { OK_RESPONSE, scriptedContract } from './support/scripted-contract';

const alice = account(1);
const text = (bytes: Uint8Array) => Buffer.from(bytes).toString();
const bytes64 = (value: string) => Buffer.from(value).toString('base64');

function submsg(target: string, command: string, replyOn: string, extra: Record<string, unknown> = {}) {
  return {
    ...OK_RESPONSE,
    messages: [
      {
        id: 7,
        msg: { wasm: { execute: { contract_addr: target, msg: jsonBase64(command), funds: [] } } },
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
  const raw = (contract: string, key: string) => h.raw(contract, key);

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
          s: submsg(target, 'panic', 'error', { payload: jsonBase64('payload') }),
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
                      msg: jsonBase64({}),
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
      const before = h.snapshot();
      expect(() => h.execute(alice, caller, command)).toThrow(/Aborted: panicked at scripted contract/);
      expect(h.snapshot()).toEqual(before);
    }
  });

  it('a submessage out of its own gas limit is replied to, and its gas is charged to the caller', () => {
    h.execute(alice, caller, 'gas', [], 5_000_000);
    const reply = JSON.parse(raw(caller, 'r'));
    expect(reply.result).toEqual({ error: 'codespace: sdk, code: 11' });
    expect(reply.gas_used).toBe(200_000);
    expect(h.lastGasUsed).toBeGreaterThan(200_000);
    expect(h.lastGasUsed).toBeLessThan(1_000_000);
  });

  it('validates contract event attributes as wasmd does', () => {
    const before = h.snapshot();
    expect(() => h.execute(alice, caller, 'key')).toThrow(
      /Attribute key starts with reserved prefix _: '_reserved'/,
    );
    expect(() => h.execute(alice, caller, 'type')).toThrow(/Event type too short: 'ab'/);
    expect(h.snapshot()).toEqual(before);
    const { events } = h.execute(alice, caller, 'events');
    expect(events.map((e) => [e.type, attributes([e], e.type)[0]])).toEqual([
      ['execute', { _contract_address: caller }],
      ['wasm', { _contract_address: caller, action: 'spaced' }],
      ['wasm-thing', { _contract_address: caller, k: '' }],
    ]);
  });

  it('instantiates a contract from a contract with instantiate2 at the predictable address', () => {
    const { events } = h.execute(alice, caller, 'instantiate');
    const child = attributes(events, 'instantiate')[0]!._contract_address!;
    const ctx = h.context();
    const checksum = h.keeper.getCodeInfo(ctx, targetCode)!.codeHash;
    const creator = ctx.addresses.decode(caller);
    expect(child).toBe(
      toBech32(PREFIX, predictableContractAddress(checksum, creator, Buffer.from('salt'), new Uint8Array())),
    );
    expect(h.keeper.getContractInfo(ctx, child)).toMatchObject({ creator: caller, label: 'child' });
    const reply = JSON.parse(raw(caller, 'r'));
    const response = MsgInstantiateContract2Response.decode(Buffer.from(reply.result.ok.data, 'base64'));
    expect(response.address).toBe(child);
    expect(reply.result.ok.msg_responses[0].type_url).toBe(
      '/cosmwasm.wasm.v1.MsgInstantiateContract2Response',
    );
  });

  it('fails a malformed message from a contract as a message error, not a node error', () => {
    const before = h.snapshot();
    expect(() => h.execute(alice, caller, 'bank')).toThrow(
      expect.objectContaining({ codespace: 'sdk', code: 10 }),
    );
    expect(h.snapshot()).toEqual(before);
  });
});
