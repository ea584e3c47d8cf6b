import { setupWasmExtension, type WasmExtension } from '@cosmjs/cosmwasm-stargate';
import { QueryClient } from '@cosmjs/stargate';
import { connectComet, type CometClient } from '@cosmjs/tendermint-rpc';
import { coins } from '@cosmjs/proto-signing';
import {
  allContractState,
  FIXED_FEE,
  eventAttributes,
  startTestChain,
  wasmClient,
  type RunningChain,
  type WasmSigner,
} from '../helpers';
import { jsonBase64, contractWasm } from '../wasm/support/harness';

// The real cw-plus binaries (@oraichain/common-contracts-build) on one chain, driven by unmodified
// cosmjs SigningCosmWasmClient: cw20-base, cw4-stake as a cw20 receiver, cw4-group,
// cw3-flex-multisig over it, cw1-whitelist.
jest.setTimeout(120_000);

let chain: RunningChain;
let cleanup: () => Promise<void>;
let alice: WasmSigner;
let bob: WasmSigner;
let carol: WasmSigner;
let dave: string;
let comet: CometClient;
let query: QueryClient & WasmExtension;
const codes: Record<string, number> = {};

beforeAll(async () => {
  ({ chain, cleanup } = await startTestChain());
  [alice, bob, carol] = await Promise.all(
    chain.devAccounts.slice(0, 3).map((account) => wasmClient(chain.rpc.url, account.mnemonic)),
  );
  dave = chain.devAccounts[3]!.address;
  comet = await connectComet(chain.rpc.url);
  query = QueryClient.withExtensions(comet, setupWasmExtension);
  for (const name of ['cw20-base', 'cw4-stake', 'cw4-group', 'cw3-flex-multisig', 'cw1-whitelist']) {
    codes[name] = (await alice.client.upload(alice.address, contractWasm(name), 'auto')).codeId;
  }
});

afterAll(async () => {
  for (const signer of [alice, bob, carol]) signer?.client.disconnect();
  comet?.disconnect();
  await cleanup?.();
});

const contractState = (contract: string) => allContractState(query, contract);

describe('cw20-base', () => {
  let token: string;
  let stake: string;
  const balance = async (address: string) =>
    ((await alice.client.queryContractSmart(token, { balance: { address } })) as { balance: string }).balance;

  beforeAll(async () => {
    ({ contractAddress: token } = await alice.client.instantiate(
      alice.address,
      codes['cw20-base']!,
      {
        name: 'Nym',
        symbol: 'NYM',
        decimals: 6,
        initial_balances: [{ address: alice.address, amount: '1000000' }],
        mint: { minter: alice.address, cap: '1500000' },
      },
      'nym token',
      'auto',
    ));
    ({ contractAddress: stake } = await alice.client.instantiate(
      alice.address,
      codes['cw4-stake']!,
      {
        denom: { cw20: token },
        tokens_per_weight: '1',
        min_bond: '1',
        unbonding_period: { height: 1 },
        admin: null,
      },
      'stake',
      'auto',
    ));
  });

  it('instantiates with minter and cap', async () => {
    expect(await alice.client.queryContractSmart(token, { token_info: {} })).toEqual({
      name: 'Nym',
      symbol: 'NYM',
      decimals: 6,
      total_supply: '1000000',
    });
    expect(await alice.client.queryContractSmart(token, { minter: {} })).toEqual({
      minter: alice.address,
      cap: '1500000',
    });
    expect(await balance(alice.address)).toBe('1000000');
  });

  it('transfers, with the events wasmd and the SDK emit', async () => {
    const result = await alice.client.execute(
      alice.address,
      token,
      { transfer: { recipient: bob.address, amount: '250' } },
      'auto',
    );
    expect(eventAttributes(result.events, 'message')).toContainEqual({
      action: '/cosmwasm.wasm.v1.MsgExecuteContract',
      sender: alice.address,
      module: 'wasm',
    });
    expect(eventAttributes(result.events, 'execute')).toEqual([{ _contract_address: token }]);
    expect(eventAttributes(result.events, 'wasm')).toEqual([
      { _contract_address: token, action: 'transfer', from: alice.address, to: bob.address, amount: '250' },
    ]);
    expect(await balance(bob.address)).toBe('250');
    expect(await balance(alice.address)).toBe('999750');
  });

  it('fails a transfer beyond the balance without changing state', async () => {
    const before = await contractState(token);
    await expect(
      bob.client.execute(
        bob.address,
        token,
        { transfer: { recipient: carol.address, amount: '251' } },
        FIXED_FEE,
      ),
    ).rejects.toThrow(/Cannot Sub.*execute wasm contract failed/);
    expect(await contractState(token)).toEqual(before);
  });

  it('sends with a receive hook into another contract (cw4-stake bonds the tokens)', async () => {
    const result = await alice.client.execute(
      alice.address,
      token,
      { send: { contract: stake, amount: '100', msg: jsonBase64({ bond: {} }) } },
      'auto',
    );
    expect(eventAttributes(result.events, 'execute')).toEqual([
      { _contract_address: token },
      { _contract_address: stake },
    ]);
    expect(await balance(stake)).toBe('100');
    expect(await alice.client.queryContractSmart(stake, { member: { addr: alice.address } })).toEqual({
      weight: 100,
    });
    expect(await alice.client.queryContractSmart(stake, { staked: { address: alice.address } })).toEqual({
      stake: '100',
      denom: { cw20: token },
    });
  });

  it('manages allowances: transfer-from, send-from, burn-from', async () => {
    await alice.client.execute(
      alice.address,
      token,
      { increase_allowance: { spender: bob.address, amount: '500' } },
      'auto',
    );
    await alice.client.execute(
      alice.address,
      token,
      { decrease_allowance: { spender: bob.address, amount: '100' } },
      'auto',
    );
    const allowance = { allowance: '400', expires: { never: {} } };
    expect(
      await bob.client.queryContractSmart(token, {
        allowance: { owner: alice.address, spender: bob.address },
      }),
    ).toEqual(allowance);
    expect(await bob.client.queryContractSmart(token, { all_allowances: { owner: alice.address } })).toEqual({
      allowances: [{ spender: bob.address, ...allowance }],
    });
    expect(
      await bob.client.queryContractSmart(token, { all_spender_allowances: { spender: bob.address } }),
    ).toEqual({
      allowances: [{ owner: alice.address, ...allowance }],
    });
    await bob.client.execute(
      bob.address,
      token,
      { transfer_from: { owner: alice.address, recipient: carol.address, amount: '150' } },
      'auto',
    );
    expect(await balance(carol.address)).toBe('150');
    await bob.client.execute(
      bob.address,
      token,
      { send_from: { owner: alice.address, contract: stake, amount: '50', msg: jsonBase64({ bond: {} }) } },
      'auto',
    );
    expect(await bob.client.queryContractSmart(stake, { member: { addr: bob.address } })).toEqual({
      weight: 50,
    });
    await bob.client.execute(
      bob.address,
      token,
      { burn_from: { owner: alice.address, amount: '100' } },
      'auto',
    );
    expect(
      await bob.client.queryContractSmart(token, {
        allowance: { owner: alice.address, spender: bob.address },
      }),
    ).toEqual({
      allowance: '100',
      expires: { never: {} },
    });
    await expect(
      bob.client.execute(
        bob.address,
        token,
        { transfer_from: { owner: alice.address, recipient: carol.address, amount: '101' } },
        FIXED_FEE,
      ),
    ).rejects.toThrow(/Cannot Sub|Overflow/);
  });

  it('burns, and mints up to the cap', async () => {
    const supply = async () =>
      BigInt(
        ((await alice.client.queryContractSmart(token, { token_info: {} })) as { total_supply: string })
          .total_supply,
      );
    const before = await supply();
    await carol.client.execute(carol.address, token, { burn: { amount: '50' } }, 'auto');
    expect(await supply()).toBe(before - 50n);
    await alice.client.execute(
      alice.address,
      token,
      { mint: { recipient: carol.address, amount: '1000' } },
      'auto',
    );
    expect(await balance(carol.address)).toBe('1100');
    await expect(
      bob.client.execute(bob.address, token, { mint: { recipient: bob.address, amount: '1' } }, FIXED_FEE),
    ).rejects.toThrow(/Unauthorized/);
    await expect(
      alice.client.execute(
        alice.address,
        token,
        { mint: { recipient: carol.address, amount: '600000' } },
        FIXED_FEE,
      ),
    ).rejects.toThrow(/Minting cannot exceed the cap/);
  });

  it('answers every query', async () => {
    const holders = [alice.address, bob.address, carol.address, stake].sort();
    expect(await alice.client.queryContractSmart(token, { all_accounts: {} })).toEqual({ accounts: holders });
    expect(await alice.client.queryContractSmart(token, { all_accounts: { limit: 1 } })).toEqual({
      accounts: [holders[0]],
    });
    expect(await alice.client.queryContractSmart(token, { marketing_info: {} })).toEqual({
      project: null,
      description: null,
      logo: null,
      marketing: null,
    });
    await expect(alice.client.queryContractSmart(token, { download_logo: {} })).rejects.toThrow(
      /Logo not found: query wasm contract failed/,
    );
    const balances = await Promise.all(holders.map(balance));
    const total = balances.reduce((sum, amount) => sum + BigInt(amount), 0n);
    const info = (await alice.client.queryContractSmart(token, { token_info: {} })) as {
      total_supply: string;
    };
    expect(total.toString()).toBe(info.total_supply);
  });
});

describe('cw4-group, cw3-flex-multisig, cw1-whitelist', () => {
  let group: string;
  let multisig: string;
  let token: string;

  beforeAll(async () => {
    ({ contractAddress: group } = await alice.client.instantiate(
      alice.address,
      codes['cw4-group']!,
      {
        admin: alice.address,
        members: [alice, bob, carol].map(({ address }) => ({ addr: address, weight: 1 })),
      },
      'group',
      'auto',
    ));
    ({ contractAddress: multisig } = await alice.client.instantiate(
      alice.address,
      codes['cw3-flex-multisig']!,
      {
        group_addr: group,
        threshold: { absolute_count: { weight: 2 } },
        max_voting_period: { height: 100 },
        executor: null,
        proposal_deposit: null,
      },
      'multisig',
      'auto',
    ));
    ({ contractAddress: token } = await alice.client.instantiate(
      alice.address,
      codes['cw20-base']!,
      {
        name: 'Nym',
        symbol: 'NYM',
        decimals: 6,
        initial_balances: [{ address: multisig, amount: '1000' }],
        mint: null,
      },
      'multisig token',
      'auto',
    ));
  });

  it('cw4-group lists members and lets only its admin change them', async () => {
    expect(await alice.client.queryContractSmart(group, { total_weight: {} })).toEqual({ weight: 3 });
    expect(await alice.client.queryContractSmart(group, { admin: {} })).toEqual({ admin: alice.address });
    await expect(
      bob.client.execute(
        bob.address,
        group,
        { update_members: { add: [{ addr: bob.address, weight: 10 }], remove: [] } },
        FIXED_FEE,
      ),
    ).rejects.toThrow(/Caller is not admin/);
    await alice.client.execute(
      alice.address,
      group,
      { update_members: { add: [{ addr: dave, weight: 1 }], remove: [] } },
      'auto',
    );
    expect(await alice.client.queryContractSmart(group, { member: { addr: dave } })).toEqual({ weight: 1 });
    expect(await alice.client.queryContractSmart(group, { total_weight: {} })).toEqual({ weight: 4 });
  });

  it('cw4-group admin updates hand over control', async () => {
    await alice.client.execute(alice.address, group, { update_admin: { admin: bob.address } }, 'auto');
    expect(await alice.client.queryContractSmart(group, { admin: {} })).toEqual({ admin: bob.address });
    await expect(
      alice.client.execute(alice.address, group, { update_members: { add: [], remove: [dave] } }, FIXED_FEE),
    ).rejects.toThrow(/Caller is not admin/);
    await bob.client.execute(bob.address, group, { update_members: { add: [], remove: [dave] } }, 'auto');
    await bob.client.execute(bob.address, group, { update_admin: { admin: alice.address } }, 'auto');
    expect(await alice.client.queryContractSmart(group, { total_weight: {} })).toEqual({ weight: 3 });
  });

  it('cw3-flex-multisig proposes a cw20 transfer, votes and executes it as a cross-contract message', async () => {
    const transfer = {
      wasm: {
        execute: {
          contract_addr: token,
          msg: jsonBase64({ transfer: { recipient: dave, amount: '300' } }),
          funds: [],
        },
      },
    };
    const proposed = await alice.client.execute(
      alice.address,
      multisig,
      { propose: { title: 'pay dave', description: 'for work', msgs: [transfer], latest: null } },
      'auto',
    );
    const proposalId = Number(eventAttributes(proposed.events, 'wasm')[0]!.proposal_id);
    expect(
      await alice.client.queryContractSmart(multisig, { proposal: { proposal_id: proposalId } }),
    ).toMatchObject({
      status: 'open',
      proposer: alice.address,
    });
    await expect(
      carol.client.execute(carol.address, multisig, { execute: { proposal_id: proposalId } }, FIXED_FEE),
    ).rejects.toThrow(/Proposal must have passed and not yet been executed/);
    await bob.client.execute(
      bob.address,
      multisig,
      { vote: { proposal_id: proposalId, vote: 'yes' } },
      'auto',
    );
    const executed = await carol.client.execute(
      carol.address,
      multisig,
      { execute: { proposal_id: proposalId } },
      'auto',
    );
    expect(eventAttributes(executed.events, 'execute')).toEqual([
      { _contract_address: multisig },
      { _contract_address: token },
    ]);
    expect(eventAttributes(executed.events, 'wasm')[1]).toMatchObject({
      _contract_address: token,
      action: 'transfer',
      from: multisig,
      to: dave,
    });
    expect(await alice.client.queryContractSmart(token, { balance: { address: dave } })).toEqual({
      balance: '300',
    });
    expect(
      await alice.client.queryContractSmart(multisig, { proposal: { proposal_id: proposalId } }),
    ).toMatchObject({
      status: 'executed',
    });
    expect(
      await alice.client.queryContractSmart(multisig, { list_votes: { proposal_id: proposalId } }),
    ).toEqual({
      // stored by voter address, so listed in byte order
      votes: [alice.address, bob.address]
        .sort()
        .map((voter) => ({ proposal_id: proposalId, voter, vote: 'yes', weight: 1 })),
    });
  });

  it('cw1-whitelist executes bank and wasm messages on behalf of its admins only', async () => {
    const { contractAddress: whitelist } = await alice.client.instantiate(
      alice.address,
      codes['cw1-whitelist']!,
      { admins: [alice.address], mutable: true },
      'whitelist',
      'auto',
      { funds: coins(1000, 'unyx') },
    );
    expect((await alice.client.getBalance(whitelist, 'unyx')).amount).toBe('1000');
    const daveBefore = BigInt((await alice.client.getBalance(dave, 'unyx')).amount);
    const send = { bank: { send: { to_address: dave, amount: coins(10, 'unyx') } } };
    const result = await alice.client.execute(
      alice.address,
      whitelist,
      { execute: { msgs: [send] } },
      'auto',
    );
    expect(eventAttributes(result.events, 'transfer')).toContainEqual({
      recipient: dave,
      sender: whitelist,
      amount: '10unyx',
    });
    // the fee's and the message's own; the bank's message{sender} of a dispatched message is
    // dropped, as wasmd does
    expect(eventAttributes(result.events, 'message')).toEqual([
      { sender: alice.address },
      { action: '/cosmwasm.wasm.v1.MsgExecuteContract', sender: alice.address, module: 'wasm' },
    ]);
    expect(BigInt((await alice.client.getBalance(dave, 'unyx')).amount)).toBe(daveBefore + 10n);
    expect(
      await alice.client.queryContractSmart(whitelist, { can_execute: { sender: bob.address, msg: send } }),
    ).toEqual({
      can_execute: false,
    });
    await expect(
      bob.client.execute(bob.address, whitelist, { execute: { msgs: [send] } }, FIXED_FEE),
    ).rejects.toThrow(/Unauthorized/);
    expect((await alice.client.getBalance(whitelist, 'unyx')).amount).toBe('990');
    // cw20 tokens move with a WasmMsg the whitelist dispatches
    const proposal = await carol.client.execute(
      carol.address,
      multisig,
      {
        propose: {
          title: 'fund',
          description: 'whitelist',
          msgs: [
            {
              wasm: {
                execute: {
                  contract_addr: token,
                  msg: jsonBase64({ transfer: { recipient: whitelist, amount: '50' } }),
                  funds: [],
                },
              },
            },
          ],
          latest: null,
        },
      },
      'auto',
    );
    const proposalId = Number(eventAttributes(proposal.events, 'wasm')[0]!.proposal_id);
    await alice.client.execute(
      alice.address,
      multisig,
      { vote: { proposal_id: proposalId, vote: 'yes' } },
      'auto',
    );
    await alice.client.execute(alice.address, multisig, { execute: { proposal_id: proposalId } }, 'auto');
    await alice.client.execute(
      alice.address,
      whitelist,
      {
        execute: {
          msgs: [
            {
              wasm: {
                execute: {
                  contract_addr: token,
                  msg: jsonBase64({ transfer: { recipient: carol.address, amount: '20' } }),
                  funds: [],
                },
              },
            },
          ],
        },
      },
      'auto',
    );
    expect(await alice.client.queryContractSmart(token, { balance: { address: carol.address } })).toEqual({
      balance: '20',
    });
    expect(await alice.client.queryContractSmart(token, { balance: { address: whitelist } })).toEqual({
      balance: '30',
    });
  });
});
