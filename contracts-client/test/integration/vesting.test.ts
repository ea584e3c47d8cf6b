// The vesting contract (our artifact) with the NYM token (cw20-base), both deployed with the deploy
// helpers on the embedded chain and driven through the generated clients over RPC, over simulated
// time: block time moves only through the chain's dev control, so calls land exactly at period
// boundaries. Every refused call is included in a block, fails there, and changes neither
// contract's state (which holds every NYM balance and every account).
import {
  Cw20BaseClient,
  deployNymContracts,
  deployVesting,
  explainChainError,
  VestingClient,
  type SigningSession,
  type VestingTypes,
} from '../../src';
import { FAILED_IN_BLOCK, FAILING_FEE, hookMsg, startTestChain, type TestChain } from './support/chain';

jest.setTimeout(60_000);

const NYM = 1_000_000n;
const PERIOD = 100;
const PERIODS = 4;
/** Not a multiple of the period count, so the rounding of each step shows. */
const ORIGINAL = 1_000_000_003n;
const vestedAfter = (periods: number) => (ORIGINAL * BigInt(periods)) / BigInt(PERIODS);

let t: TestChain;
let admin: SigningSession;
let owner: SigningSession;
let heir: SigningSession;
let other: SigningSession;
let stranger: SigningSession;
let tokenAddress: string;
let vestingAddress: string;

const token = (session: SigningSession) => new Cw20BaseClient(session.client, session.address, tokenAddress);
const vesting = (session: SigningSession) =>
  new VestingClient(session.client, session.address, vestingAddress);
const nym = async (address: string) => BigInt((await token(admin).balance({ address })).balance);

async function state(): Promise<unknown> {
  return [await t.contractState(tokenAddress), await t.contractState(vestingAddress)];
}

/** Runs a call that must fail in its block; checks that neither contract's state changed. */
async function rejected(call: () => Promise<unknown>, message: RegExp): Promise<unknown> {
  const before = await state();
  const error = await call().then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(String(error)).toMatch(FAILED_IN_BLOCK);
  expect(String(error)).toMatch(message);
  expect(await state()).toEqual(before);
  return error;
}

async function createAccount(
  from: SigningSession,
  amount: bigint,
  account: Extract<VestingTypes.ReceiveMsg, { create_account: unknown }>['create_account'],
  fee: SigningSession['fee'] | typeof FAILING_FEE = from.fee,
) {
  return token(from).send(
    { contract: vestingAddress, amount: amount.toString(), msg: hookMsg({ create_account: account }) },
    fee,
  );
}

beforeAll(async () => {
  t = await startTestChain(6);
  [admin, owner, heir, other, stranger] = t.accounts as [
    SigningSession,
    SigningSession,
    SigningSession,
    SigningSession,
    SigningSession,
  ];
  const deployed = await deployNymContracts(admin, {
    tokenAdmin: admin.address,
    initialBalances: [{ address: admin.address, amount: 100_000n * NYM }],
  });
  tokenAddress = deployed.nym_token.address;
  vestingAddress = deployed.vesting.address;
});

afterAll(async () => {
  await t?.stop();
});

describe('deployment', () => {
  it('points the vesting contract at the token, with the token admin as vesting admin', async () => {
    expect(await vesting(admin).getConfig()).toEqual({
      admin: admin.address,
      token_address: tokenAddress,
      mixnet_contract_address: null,
    });
    expect(await token(admin).minter()).toEqual({ minter: admin.address, cap: null });
  });

  it('hands the vesting admin role to another address when asked', async () => {
    const handed = await deployVesting(admin, { tokenAddress, admin: other.address, label: 'handed' });
    expect((await new VestingClient(admin.client, admin.address, handed.address).getConfig()).admin).toBe(
      other.address,
    );
  });

  it('stamps blocks with the time the test sets', async () => {
    await t.advanceTo(t.now() + 10);
    const block = await admin.client.getBlock();
    expect(Math.floor(new Date(block.header.time).getTime() / 1000)).toBe(t.now());
  });
});

describe('a vesting account over its whole life', () => {
  let start: number;

  beforeAll(async () => {
    start = t.now() + 1000;
  });

  it('is opened by the admin sending NYM with create_account', async () => {
    const adminBefore = await nym(admin.address);
    await createAccount(admin, ORIGINAL, {
      owner_address: owner.address,
      vesting_spec: { start_time: start, period_seconds: PERIOD, num_periods: PERIODS },
    });
    expect(await nym(admin.address)).toBe(adminBefore - ORIGINAL);
    expect(await nym(vestingAddress)).toBe(ORIGINAL);
    expect(await vesting(owner).getAccount({ address: owner.address })).toEqual({
      id: expect.any(Number),
      owner_address: owner.address,
      staking_address: null,
      start_time: start,
      period_seconds: PERIOD,
      num_periods: PERIODS,
      original: ORIGINAL.toString(),
      balance: ORIGINAL.toString(),
      withdrawn: '0',
      delegated: '0',
      pledged: '0',
      pledge_cap: { percent: '0.1' },
    });
  });

  it('answers its schedule, period by period', async () => {
    const schedule = await vesting(owner).getVestingSchedule({ address: owner.address });
    expect(schedule).toEqual({
      start_time: start,
      end_time: start + PERIODS * PERIOD,
      periods: [1, 2, 3, 4].map((k) => ({
        start_time: start + (k - 1) * PERIOD,
        end_time: start + k * PERIOD,
        vested_at_end: vestedAfter(k).toString(),
      })),
    });
  });

  it('has vested nothing before the start, and every query agrees', async () => {
    const address = owner.address;
    const q = vesting(owner);
    const amounts = {
      vested: (await q.getVestedCoins({ vestingAccountAddress: address })).amount,
      vesting: (await q.getVestingCoins({ vestingAccountAddress: address })).amount,
      locked: (await q.lockedCoins({ vestingAccountAddress: address })).amount,
      spendable: (await q.spendableCoins({ vestingAccountAddress: address })).amount,
      delegated: (await q.getDelegatedCoins({ vestingAccountAddress: address })).amount,
      pledged: (await q.getPledgedCoins({ vestingAccountAddress: address })).amount,
      withdrawn: (await q.getWithdrawnCoins({ vestingAccountAddress: address })).amount,
      original: (await q.getOriginalVesting({ vestingAccountAddress: address })).amount,
    };
    const all = ORIGINAL.toString();
    expect(amounts).toEqual({
      vested: '0',
      vesting: all,
      locked: all,
      spendable: '0',
      delegated: '0',
      pledged: '0',
      withdrawn: '0',
      original: all,
    });
    expect(await q.getCurrentVestingPeriod({ address })).toBe('before');
    expect(await q.getAccountSummary({ address })).toEqual({
      owner_address: address,
      block_time: t.now(),
      original: all,
      vested: '0',
      vesting: all,
      locked: all,
      spendable: '0',
      balance: all,
      withdrawn: '0',
      delegated: '0',
      pledged: '0',
      current_period: 'before',
    });
  });

  it('answers for any time given as block_time', async () => {
    const q = vesting(owner);
    const at = (blockTime: number) => q.getVestedCoins({ vestingAccountAddress: owner.address, blockTime });
    expect((await at(start + PERIOD - 1)).amount).toBe('0');
    expect((await at(start + 2 * PERIOD + 50)).amount).toBe(vestedAfter(2).toString());
    expect((await at(start + 10 * PERIOD)).amount).toBe(ORIGINAL.toString());
    expect(await q.getCurrentVestingPeriod({ address: owner.address, blockTime: start + 250 })).toEqual({
      in: 2,
    });
    expect(
      (await q.spendableCoins({ vestingAccountAddress: owner.address, blockTime: start + 300 })).amount,
    ).toBe(vestedAfter(3).toString());
  });

  it('refuses a withdrawal before anything has vested', async () => {
    const error = await rejected(
      () => vesting(owner).withdrawVestedCoins({ amount: '1' }, FAILING_FEE),
      /Nothing to withdraw: no vested NYM is spendable yet/,
    );
    expect(explainChainError(error, 'withdrawing').code).toBe('nothing_vested');
    await t.advanceTo(start);
    expect(await vesting(owner).getCurrentVestingPeriod({ address: owner.address })).toEqual({ in: 0 });
    await rejected(
      () => vesting(owner).withdrawVestedCoins({ amount: '1' }, FAILING_FEE),
      /Nothing to withdraw/,
    );
  });

  it.each([1, 2, 3, 4])('vests step %i exactly at its period boundary, not a second before', async (k) => {
    const q = vesting(owner);
    const withdrawnSoFar = BigInt(
      (await q.getWithdrawnCoins({ vestingAccountAddress: owner.address })).amount,
    );
    await t.advanceTo(start + k * PERIOD - 1);
    expect((await q.getVestedCoins({ vestingAccountAddress: owner.address })).amount).toBe(
      vestedAfter(k - 1).toString(),
    );
    const early = vestedAfter(k - 1) - withdrawnSoFar;
    // One unym more than has vested a second before the boundary is refused.
    await rejected(
      () => q.withdrawVestedCoins({ amount: (early + 1n).toString() }, FAILING_FEE),
      early === 0n ? /Nothing to withdraw/ : /Insufficient spendable balance/,
    );

    await t.advanceTo(start + k * PERIOD);
    const summary = await q.getAccountSummary({ address: owner.address });
    expect(summary.current_period).toEqual(k < PERIODS ? { in: k } : 'after');
    expect(summary.vested).toBe(vestedAfter(k).toString());
    expect(summary.vesting).toBe((ORIGINAL - vestedAfter(k)).toString());
    expect(summary.locked).toBe(summary.vesting);
    const spendable = vestedAfter(k) - withdrawnSoFar;
    expect(summary.spendable).toBe(spendable.toString());
    const error = await rejected(
      () => q.withdrawVestedCoins({ amount: (spendable + 1n).toString() }, FAILING_FEE),
      new RegExp(
        `Insufficient spendable balance: asked for ${spendable + 1n} unym, ${spendable} unym is spendable`,
      ),
    );
    expect(explainChainError(error, 'withdrawing').code).toBe('insufficient_spendable');

    // In period 2 the owner leaves some behind; it stays spendable in the next one.
    const amount = k === 2 ? spendable / 3n : spendable;
    const ownerBefore = await nym(owner.address);
    await q.withdrawVestedCoins({ amount: amount.toString() }, owner.fee);
    expect(await nym(owner.address)).toBe(ownerBefore + amount);
    const after = await q.getAccountSummary({ address: owner.address });
    expect(after.withdrawn).toBe((withdrawnSoFar + amount).toString());
    expect(after.balance).toBe((ORIGINAL - withdrawnSoFar - amount).toString());
    expect(after.spendable).toBe((spendable - amount).toString());
  });

  it('ends with everything withdrawn and nothing left to take', async () => {
    expect(await nym(owner.address)).toBe(ORIGINAL);
    expect(await nym(vestingAddress)).toBe(0n);
    const summary = await vesting(owner).getAccountSummary({ address: owner.address });
    expect(summary).toMatchObject({ vested: ORIGINAL.toString(), balance: '0', spendable: '0', locked: '0' });
    await rejected(
      () => vesting(owner).withdrawVestedCoins({ amount: '1' }, FAILING_FEE),
      /Nothing to withdraw/,
    );
  });
});

describe('ownership, admin and pledge cap', () => {
  const AMOUNT = 800n * NYM;
  let start: number;

  beforeAll(async () => {
    start = t.now();
    await createAccount(admin, AMOUNT, {
      owner_address: other.address,
      staking_address: stranger.address,
      vesting_spec: { start_time: start, period_seconds: PERIOD, num_periods: 8 },
    });
  });

  it('refuses a transfer to an address that owns an account, and from one that owns none', async () => {
    await createAccount(admin, NYM, { owner_address: heir.address });
    await rejected(
      () => vesting(other).transferOwnership({ toAddress: heir.address }, FAILING_FEE),
      /Account already exists/,
    );
    await rejected(
      () => vesting(stranger).transferOwnership({ toAddress: stranger.address }, FAILING_FEE),
      /Account does not exist/,
    );
    await rejected(
      () => vesting(other).transferOwnership({ toAddress: 'n1notanaddress' }, FAILING_FEE),
      /Invalid address in `to_address`/,
    );
  });

  it('moves the account to the new owner, who alone may then withdraw', async () => {
    await vesting(other).transferOwnership({ toAddress: admin.address }, other.fee);
    await expect(vesting(other).getAccount({ address: other.address })).rejects.toThrow(
      /Account does not exist/,
    );
    const moved = await vesting(admin).getAccount({ address: admin.address });
    expect(moved).toMatchObject({
      owner_address: admin.address,
      original: AMOUNT.toString(),
      start_time: start,
    });
    await t.advanceTo(start + PERIOD);
    await rejected(
      () => vesting(other).withdrawVestedCoins({ amount: '1' }, FAILING_FEE),
      /Account does not exist/,
    );
    const before = await nym(admin.address);
    await vesting(admin).withdrawVestedCoins({ amount: (AMOUNT / 8n).toString() }, admin.fee);
    expect(await nym(admin.address)).toBe(before + AMOUNT / 8n);
  });

  it('updates the locked pledge cap for the admin only', async () => {
    expect(await vesting(admin).getLockedPledgeCap({ address: admin.address })).toEqual({ percent: '0.1' });
    await rejected(
      () =>
        vesting(stranger).updateLockedPledgeCap(
          { address: admin.address, cap: { absolute: '1' } },
          FAILING_FEE,
        ),
      /is not the admin/,
    );
    await rejected(
      () =>
        vesting(admin).updateLockedPledgeCap(
          { address: stranger.address, cap: { absolute: '1' } },
          FAILING_FEE,
        ),
      /Account does not exist/,
    );
    await vesting(admin).updateLockedPledgeCap(
      { address: admin.address, cap: { absolute: (50n * NYM).toString() } },
      admin.fee,
    );
    expect(await vesting(admin).getLockedPledgeCap({ address: admin.address })).toEqual({
      absolute: (50n * NYM).toString(),
    });
    await vesting(admin).updateLockedPledgeCap(
      { address: admin.address, cap: { percent: '0.25' } },
      admin.fee,
    );
    expect(await vesting(admin).getLockedPledgeCap({ address: admin.address })).toEqual({ percent: '0.25' });
  });

  it('hands the admin role on: the old admin may then neither create accounts nor update', async () => {
    const error = await rejected(
      () => vesting(stranger).updateAdmin({ admin: stranger.address }, FAILING_FEE),
      /Unauthorized: .* is not the admin/,
    );
    expect(explainChainError(error, 'setting the admin').code).toBe('not_admin');
    await vesting(admin).updateAdmin({ admin: heir.address }, admin.fee);
    expect((await vesting(admin).getConfig()).admin).toBe(heir.address);
    await rejected(
      () => createAccount(admin, NYM, { owner_address: stranger.address }, FAILING_FEE),
      /is not the admin/,
    );
    await rejected(
      () =>
        vesting(admin).updateLockedPledgeCap({ address: admin.address, cap: { absolute: '1' } }, FAILING_FEE),
      /is not the admin/,
    );
    await token(admin).transfer({ recipient: heir.address, amount: (10n * NYM).toString() }, admin.fee);
    await createAccount(heir, NYM, { owner_address: stranger.address });
    expect((await vesting(heir).getAccount({ address: stranger.address })).original).toBe(NYM.toString());
    await vesting(heir).updateAdmin({ admin: admin.address }, heir.fee);
  });
});

describe('refused calls', () => {
  it('refuses accounts that are malformed or already exist', async () => {
    await rejected(
      () => createAccount(admin, NYM, { owner_address: owner.address }, FAILING_FEE),
      /Account already exists/,
    );
    await rejected(
      () => createAccount(admin, NYM, { owner_address: 'n1invalid' }, FAILING_FEE),
      /Invalid address in `owner_address`/,
    );
    await rejected(
      () =>
        createAccount(
          admin,
          NYM,
          { owner_address: 'n1qyqszqgpqyqszqgpqyqszqgpqyqszqgpqhkuje', vesting_spec: { num_periods: 0 } },
          FAILING_FEE,
        ),
      /at least one period/,
    );
    await rejected(
      () =>
        createAccount(
          admin,
          NYM,
          { owner_address: 'n1qyqszqgpqyqszqgpqyqszqgpqyqszqgpqhkuje', staking_address: 'n1bad' },
          FAILING_FEE,
        ),
      /Invalid address in `staking_address`/,
    );
    await rejected(
      () =>
        token(admin).send(
          { contract: vestingAddress, amount: NYM.toString(), msg: hookMsg({ open_account: {} }) },
          FAILING_FEE,
        ),
      /unknown variant `open_account`/,
    );
  });

  it('accepts NYM only from its token: another cw20 and a forged receive are refused', async () => {
    const forged = {
      sender: admin.address,
      amount: NYM.toString(),
      msg: hookMsg({ create_account: { owner_address: stranger.address } }),
    };
    await rejected(
      () => vesting(admin).receive(forged, FAILING_FEE),
      /NYM must come from the token contract/,
    );
    const { contractAddress: fake } = await admin.client.instantiate(
      admin.address,
      (await admin.client.getContract(tokenAddress)).codeId,
      {
        name: 'Fake',
        symbol: 'FAKE',
        decimals: 6,
        initial_balances: [{ address: admin.address, amount: NYM.toString() }],
      },
      'fake token',
      admin.fee,
    );
    const fakeToken = new Cw20BaseClient(admin.client, admin.address, fake);
    const before = await t.contractState(fake);
    await rejected(
      () =>
        fakeToken.send(
          {
            contract: vestingAddress,
            amount: NYM.toString(),
            msg: hookMsg({ create_account: { owner_address: stranger.address } }),
          },
          FAILING_FEE,
        ),
      /NYM must come from the token contract/,
    );
    expect(await t.contractState(fake)).toEqual(before);
  });

  it('refuses a zero withdrawal, and staking calls until a mixnet contract is configured', async () => {
    await rejected(
      () => vesting(owner).withdrawVestedCoins({ amount: '0' }, FAILING_FEE),
      /The amount to withdraw must be positive/,
    );
    await rejected(
      () => vesting(owner).delegateToMixnode({ mixId: 1, amount: '1' }, FAILING_FEE),
      /No mixnet contract is configured yet/,
    );
    await rejected(
      () => vesting(stranger).updateMixnetAddress({ address: stranger.address }, FAILING_FEE),
      /is not the admin/,
    );
    await rejected(
      () =>
        token(admin).send(
          { contract: vestingAddress, amount: '1', msg: hookMsg({ track_unbond: { owner: owner.address } }) },
          FAILING_FEE,
        ),
      /is not the mixnet contract/,
    );
  });

  it('refuses staking-address changes from anyone but the owner, and invalid addresses', async () => {
    await rejected(
      () => vesting(other).updateStakingAddress({ toAddress: other.address }, FAILING_FEE),
      /Account does not exist/,
    );
    await rejected(
      () => vesting(owner).updateStakingAddress({ toAddress: 'n1nope' }, FAILING_FEE),
      /Invalid address in `to_address`/,
    );
    await vesting(owner).updateStakingAddress({ toAddress: other.address }, owner.fee);
    expect((await vesting(owner).getAccount({ address: owner.address })).staking_address).toBe(other.address);
  });
});

describe('listing accounts', () => {
  it('pages through every account in owner order', async () => {
    const owners: Array<{ account_id: number; owner: string }> = [];
    let startNextAfter: string | undefined;
    for (;;) {
      const page = await vesting(admin).getAccountsPaged({ startNextAfter, limit: 2 });
      expect(page.accounts.length).toBeLessThanOrEqual(2);
      owners.push(...page.accounts);
      if (page.start_next_after === null || page.start_next_after === undefined) break;
      expect(page.start_next_after).toBe(page.accounts[page.accounts.length - 1]!.owner);
      startNextAfter = page.start_next_after;
    }
    const expected = [owner.address, heir.address, admin.address, stranger.address];
    expect(owners.map((a) => a.owner)).toEqual([...expected].sort());
    expect(new Set(owners.map((a) => a.account_id)).size).toBe(expected.length);
    const all = await vesting(admin).getAccountsPaged({});
    expect(all).toEqual({ accounts: owners, start_next_after: null });
  });
});
