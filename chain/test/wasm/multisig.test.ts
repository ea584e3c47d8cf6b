import { account, attributes, contractWasm, Harness } from './support/harness';

const [alice, bob, carol, dave] = [1, 2, 3, 4].map(account) as [string, string, string, string];
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64');

describe('cw4-group, cw3-flex-multisig and cw1-whitelist (cw-plus binaries)', () => {
  const h = new Harness();
  const codes: Record<string, bigint> = {};
  let group: string;
  let multisig: string;
  let token: string;

  beforeAll(() => {
    for (const name of ['cw20-base', 'cw4-group', 'cw3-flex-multisig', 'cw1-whitelist']) {
      codes[name] = h.upload(alice, contractWasm(name));
    }
    group = h.instantiate(alice, codes['cw4-group']!, {
      admin: alice,
      members: [
        { addr: alice, weight: 1 },
        { addr: bob, weight: 1 },
        { addr: carol, weight: 1 },
      ],
    }).address;
    multisig = h.instantiate(alice, codes['cw3-flex-multisig']!, {
      group_addr: group,
      threshold: { absolute_count: { weight: 2 } },
      max_voting_period: { height: 100 },
      executor: null,
      proposal_deposit: null,
    }).address;
    token = h.instantiate(alice, codes['cw20-base']!, {
      name: 'Nym',
      symbol: 'NYM',
      decimals: 6,
      initial_balances: [{ address: multisig, amount: '1000' }],
      mint: null,
    }).address;
  });

  it('cw4-group lists members and lets only its admin change them', () => {
    expect(h.query(group, { total_weight: {} })).toEqual({ weight: 3 });
    expect(h.query(group, { admin: {} })).toEqual({ admin: alice });
    const before = h.store.snapshot();
    expect(() =>
      h.execute(bob, group, { update_members: { add: [{ addr: bob, weight: 10 }], remove: [] } }),
    ).toThrow(/not admin|Unauthorized/i);
    expect(h.store.snapshot()).toEqual(before);
    h.execute(alice, group, { update_members: { add: [{ addr: dave, weight: 1 }], remove: [] } });
    expect(h.query(group, { member: { addr: dave } })).toEqual({ weight: 1 });
    expect(h.query(group, { total_weight: {} })).toEqual({ weight: 4 });
  });

  it('cw4-group admin updates hand over control', () => {
    h.execute(alice, group, { update_admin: { admin: bob } });
    expect(h.query(group, { admin: {} })).toEqual({ admin: bob });
    expect(() => h.execute(alice, group, { update_members: { add: [], remove: [dave] } })).toThrow(
      /admin|Unauthorized/i,
    );
    h.execute(bob, group, { update_members: { add: [], remove: [dave] } });
    h.execute(bob, group, { update_admin: { admin: alice } });
    expect(h.query(group, { total_weight: {} })).toEqual({ weight: 3 });
  });

  it('cw3-flex-multisig proposes a cw20 transfer, votes and executes it as a cross-contract message', () => {
    const transfer = {
      wasm: {
        execute: {
          contract_addr: token,
          msg: b64({ transfer: { recipient: dave, amount: '300' } }),
          funds: [],
        },
      },
    };
    const { events } = h.execute(alice, multisig, {
      propose: { title: 'pay dave', description: 'for work', msgs: [transfer], latest: null },
    });
    const proposalId = Number(attributes(events, 'wasm')[0]!.proposal_id);
    expect(h.query(multisig, { proposal: { proposal_id: proposalId } })).toMatchObject({
      status: 'open',
      proposer: alice,
    });
    expect(() => h.execute(carol, multisig, { execute: { proposal_id: proposalId } })).toThrow(
      /Proposal must have passed and not yet been executed/,
    );
    h.execute(bob, multisig, { vote: { proposal_id: proposalId, vote: 'yes' } });
    expect(h.query(multisig, { proposal: { proposal_id: proposalId } })).toMatchObject({ status: 'passed' });
    const executed = h.execute(carol, multisig, { execute: { proposal_id: proposalId } });
    expect(executed.events.map((e) => e.type)).toEqual(['execute', 'wasm', 'execute', 'wasm']);
    expect(attributes(executed.events, 'wasm')[1]).toMatchObject({
      _contract_address: token,
      action: 'transfer',
      from: multisig,
      to: dave,
    });
    expect(h.query(token, { balance: { address: dave } })).toEqual({ balance: '300' });
    expect(h.query(multisig, { proposal: { proposal_id: proposalId } })).toMatchObject({
      status: 'executed',
    });
    expect(h.query(multisig, { list_votes: { proposal_id: proposalId } })).toEqual({
      // stored by voter address, so listed in byte order
      votes: [alice, bob].sort().map((voter) => ({ proposal_id: proposalId, voter, vote: 'yes', weight: 1 })),
    });
  });

  it('cw1-whitelist executes bank and wasm messages on behalf of its admins only', () => {
    const whitelist = h.instantiate(alice, codes['cw1-whitelist']!, {
      admins: [alice],
      mutable: true,
    }).address;
    h.fund(whitelist, [{ denom: 'unyx', amount: '1000' }]);
    const send = { bank: { send: { to_address: dave, amount: [{ denom: 'unyx', amount: '10' }] } } };
    const { events } = h.execute(alice, whitelist, { execute: { msgs: [send] } });
    expect(events.map((e) => e.type)).toEqual(['execute', 'wasm', 'coin_spent', 'coin_received', 'transfer']);
    expect(h.balance(dave, 'unyx')).toBe('10');
    expect(h.query(whitelist, { can_execute: { sender: bob, msg: send } })).toEqual({ can_execute: false });
    const before = h.store.snapshot();
    expect(() => h.execute(bob, whitelist, { execute: { msgs: [send] } })).toThrow(/Unauthorized/);
    expect(h.store.snapshot()).toEqual(before);
    // the whitelist holds cw20 tokens too and moves them with a WasmMsg
    h.execute(carol, multisig, {
      propose: {
        title: 'fund',
        description: 'whitelist',
        msgs: [
          {
            wasm: {
              execute: {
                contract_addr: token,
                msg: b64({ transfer: { recipient: whitelist, amount: '50' } }),
                funds: [],
              },
            },
          },
        ],
        latest: null,
      },
    });
    h.execute(alice, multisig, { vote: { proposal_id: 2, vote: 'yes' } });
    h.execute(alice, multisig, { execute: { proposal_id: 2 } });
    h.execute(alice, whitelist, {
      execute: {
        msgs: [
          {
            wasm: {
              execute: {
                contract_addr: token,
                msg: b64({ transfer: { recipient: carol, amount: '20' } }),
                funds: [],
              },
            },
          },
        ],
      },
    });
    expect(h.query(token, { balance: { address: carol } })).toEqual({ balance: '20' });
    expect(h.query(token, { balance: { address: whitelist } })).toEqual({ balance: '30' });
  });
});
