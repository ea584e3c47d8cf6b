// Staking unvested NYM: the vesting contract wired to a real mixnet contract on the embedded chain,
// driven through the generated VestingClient over RPC. Pledges stay within the locked pledge cap,
// staked NYM counts against what is locked, a staking address acts for the owner, and a call the
// mixnet contract refuses rolls back all three contracts.
import { Cw20BaseClient, deployNymContracts, VestingClient, type SigningSession } from '../../src';
import { FAILED_IN_BLOCK, FAILING_FEE, hookMsg, startTestChain, type TestChain } from './support/chain';
import { COST_PARAMS, instantiateMixnet, mixNodeBond } from './support/mixnet';

jest.setTimeout(60_000);

const NYM = 1_000_000n;

let t: TestChain;
let admin: SigningSession;
let operator: SigningSession;
let delegator: SigningSession;
let staker: SigningSession;
let stranger: SigningSession;
let tokenAddress: string;
let vestingAddress: string;
let mixnet: string;
let mixId: number;

const vesting = (session: SigningSession) =>
  new VestingClient(session.client, session.address, vestingAddress);
const nym = async (address: string) =>
  BigInt((await new Cw20BaseClient(admin.client, admin.address, tokenAddress).balance({ address })).balance);

async function rejected(call: () => Promise<unknown>, message: RegExp): Promise<void> {
  const contracts = [tokenAddress, vestingAddress, mixnet];
  const before = await Promise.all(contracts.map((c) => t.contractState(c)));
  const error = await call().then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(String(error)).toMatch(FAILED_IN_BLOCK);
  expect(String(error)).toMatch(message);
  expect(await Promise.all(contracts.map((c) => t.contractState(c)))).toEqual(before);
}

beforeAll(async () => {
  t = await startTestChain(5);
  [admin, operator, delegator, staker, stranger] = t.accounts as [
    SigningSession,
    SigningSession,
    SigningSession,
    SigningSession,
    SigningSession,
  ];
  const deployed = await deployNymContracts(admin, {
    tokenAdmin: admin.address,
    initialBalances: [{ address: admin.address, amount: 10_000n * NYM }],
  });
  tokenAddress = deployed.nym_token.address;
  vestingAddress = deployed.vesting.address;
  mixnet = await instantiateMixnet(admin, tokenAddress, vestingAddress);
  const token = new Cw20BaseClient(admin.client, admin.address, tokenAddress);
  const schedule = { start_time: t.now() + 1000, period_seconds: 100, num_periods: 4 };
  for (const [owner, amount, staking] of [
    [operator, 2_000n, undefined],
    [delegator, 1_000n, staker.address],
  ] as const) {
    const create = {
      create_account: { owner_address: owner.address, staking_address: staking, vesting_spec: schedule },
    };
    await token.send(
      { contract: vestingAddress, amount: (amount * NYM).toString(), msg: hookMsg(create) },
      admin.fee,
    );
  }
});

afterAll(async () => {
  await t?.stop();
});

describe('pledging through the vesting contract', () => {
  it('refuses a bond above the locked pledge cap (10 % of the original amount)', async () => {
    const bond = await mixNodeBond(operator, mixnet, operator.address);
    await rejected(
      () =>
        vesting(operator).bondMixnode(
          { ...bond, costParams: COST_PARAMS, amount: (200n * NYM + 1n).toString() },
          FAILING_FEE,
        ),
      /Locked pledge cap reached: pledging 200000001 unym exceeds the cap of 200000000/,
    );
  });

  it('bonds a mix node with unvested NYM, which the account then counts as pledged', async () => {
    const bond = await mixNodeBond(operator, mixnet, operator.address);
    await vesting(operator).bondMixnode(
      { ...bond, costParams: COST_PARAMS, amount: (150n * NYM).toString() },
      operator.fee,
    );
    const owned = (await admin.client.queryContractSmart(mixnet, {
      get_owned_mixnode: { address: operator.address },
    })) as { mixnode_details: { bond_information: { mix_id: number; proxy: string | null } } | null };
    expect(owned.mixnode_details?.bond_information.proxy).toBe(vestingAddress);
    mixId = owned.mixnode_details!.bond_information.mix_id;
    expect(await nym(mixnet)).toBe(150n * NYM);
    const summary = await vesting(operator).getAccountSummary({ address: operator.address });
    expect(summary).toMatchObject({
      pledged: (150n * NYM).toString(),
      balance: (1_850n * NYM).toString(),
      vesting: (2_000n * NYM).toString(),
      locked: (1_850n * NYM).toString(),
      spendable: '0',
    });
    expect(
      (await vesting(operator).getPledgedCoins({ vestingAccountAddress: operator.address })).amount,
    ).toBe((150n * NYM).toString());
  });

  it('refuses a second bond, and a transfer of ownership while NYM is staked', async () => {
    const bond = await mixNodeBond(operator, mixnet, operator.address);
    await rejected(
      () =>
        vesting(operator).bondMixnode(
          { ...bond, costParams: COST_PARAMS, amount: NYM.toString() },
          FAILING_FEE,
        ),
      /already has a bonded node/,
    );
    await rejected(
      () => vesting(operator).transferOwnership({ toAddress: stranger.address }, FAILING_FEE),
      /has NYM staked through the mixnet contract/,
    );
  });
});

describe('delegating through the vesting contract', () => {
  it('delegates for the owner through its staking address, and for nobody else', async () => {
    await vesting(staker).delegateToMixnode(
      { mixId, amount: (100n * NYM).toString(), onBehalfOf: delegator.address },
      staker.fee,
    );
    expect((await vesting(admin).getDelegation({ address: delegator.address, mixId })).amount).toBe(
      (100n * NYM).toString(),
    );
    expect(
      (await vesting(admin).getDelegatedCoins({ vestingAccountAddress: delegator.address })).amount,
    ).toBe((100n * NYM).toString());
    expect((await vesting(admin).lockedCoins({ vestingAccountAddress: delegator.address })).amount).toBe(
      (900n * NYM).toString(),
    );
    await rejected(
      () =>
        vesting(stranger).delegateToMixnode(
          { mixId, amount: NYM.toString(), onBehalfOf: delegator.address },
          FAILING_FEE,
        ),
      /is not the staking address of/,
    );
  });

  it('refuses more than the account holds, and a node the mixnet contract does not know (rolling back all three contracts)', async () => {
    await rejected(
      () =>
        vesting(delegator).delegateToMixnode({ mixId, amount: (900n * NYM + 1n).toString() }, FAILING_FEE),
      /Insufficient balance: asked to stake 900000001 unym/,
    );
    await rejected(
      () => vesting(delegator).delegateToMixnode({ mixId: mixId + 40, amount: NYM.toString() }, FAILING_FEE),
      /Mix node \d+ is not bonded/,
    );
  });

  it('lets the owner withdraw, once all has vested, only what is not staked', async () => {
    await t.advanceTo(t.now() + 2000);
    const summary = await vesting(delegator).getAccountSummary({ address: delegator.address });
    expect(summary).toMatchObject({
      locked: '0',
      spendable: (900n * NYM).toString(),
      delegated: (100n * NYM).toString(),
    });
    await rejected(
      () => vesting(delegator).withdrawVestedCoins({ amount: (900n * NYM + 1n).toString() }, FAILING_FEE),
      /Insufficient spendable balance/,
    );
    await vesting(delegator).withdrawVestedCoins({ amount: (900n * NYM).toString() }, delegator.fee);
    expect(await nym(delegator.address)).toBe(900n * NYM);
  });
});
