// Bonding through the generated client over real RPC, from node homes: a valid identity signature
// bonds, a forged one, a used identity key and a pledge under the minimum are refused; a vesting
// account bonds and delegates with unvested NYM; and every call by someone not allowed to make it
// is refused in a real tx without changing any contract's state.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { VestingClient, type MixnetTypes } from '@nymts/contracts-client';
import {
  bondMixnodeFromHome,
  DEFAULT_COST_PARAMS,
  initMixnode,
  readMixnodeHome,
  submitBond,
  type BondingContracts,
} from '../../src';
import { FIXED_FEE, NYM, startTestNetwork, type Account, type TestNetwork } from './support/network';

jest.setTimeout(300_000);

let net: TestNetwork;
let contracts: BondingContracts;
let homeCount = 0;
/** A vesting account owner whose node was bonded through the vesting contract. */
let vera: Account;

function newHome(): string {
  homeCount += 1;
  const home = join(net.dir, `mix${homeCount}`);
  initMixnode({
    id: `mix${homeCount}`,
    home,
    listenHost: '127.0.0.1',
    mixPort: 20_000 + homeCount,
    httpPort: 21_000 + homeCount,
  });
  return home;
}

beforeAll(async () => {
  net = await startTestNetwork();
  contracts = {
    mixnet: net.deployed.mixnet.address,
    token: net.deployed.nym_token.address,
    vesting: net.deployed.vesting.address,
  };
});

afterAll(async () => {
  await net?.stop();
});

describe('bonding a mix node from its home', () => {
  let alice: Account;
  let aliceHome: string;
  let aliceMixId: number;

  beforeAll(async () => {
    alice = await net.account(10_000n * NYM);
    aliceHome = newHome();
  });

  it('bonds with the identity key’s signature, storing the home’s description, and uses up the nonce', async () => {
    expect(await alice.mixnet.getSigningNonce({ address: alice.address })).toBe(0);
    const costs = { profit_margin_percent: '0.05', interval_operating_cost: '20000000' };
    const bond = await bondMixnodeFromHome(alice.session, aliceHome, {
      contracts,
      amount: 1_000n * NYM,
      costParams: costs,
      location: 'Lisbon',
    });
    aliceMixId = bond.mixId!;
    expect(aliceMixId).toBeGreaterThan(0);
    const { description } = readMixnodeHome(aliceHome, { location: 'Lisbon' });
    expect(description).toMatchObject({ host: '127.0.0.1', mix_port: 20_001, http_api_port: 21_001 });
    const details = (await alice.mixnet.getMixnodeDetails({ mixId: aliceMixId })).mixnode_details!;
    expect(details.bond_information).toMatchObject({
      owner: alice.address,
      original_pledge: (1_000n * NYM).toString(),
      mix_node: description,
      proxy: null,
    });
    expect(details.rewarding_details.cost_params).toEqual(costs);
    expect(await alice.mixnet.getSigningNonce({ address: alice.address })).toBe(1);
    expect(await net.balance(alice.address)).toBe(9_000n * NYM);
  });

  it('refuses a forged signature, a bonded identity key and a pledge under the minimum, changing nothing', async () => {
    const mallory = await net.account(10_000n * NYM);
    const bob = await net.account(10_000n * NYM);
    const bobHome = newHome();
    const bob_ = readMixnodeHome(bobHome);
    const mallory_ = readMixnodeHome(newHome());
    const before = await net.contractState(contracts.mixnet);
    // Mallory announces Bob's node but can only sign with a key she holds.
    await expect(
      submitBond(
        mallory.session,
        { contracts, amount: 1_000n * NYM },
        {
          kind: 'mixnode-bonding',
          keys: { identity: mallory_.keys.identity, sphinx: bob_.keys.sphinx },
          description: bob_.description,
          costParams: DEFAULT_COST_PARAMS,
        },
      ),
    ).rejects.toThrow(/Invalid owner signature: identity key/);
    // Mallory holds a copy of Alice's home: the identity key is bonded already.
    await expect(
      bondMixnodeFromHome(mallory.session, aliceHome, { contracts, amount: 1_000n * NYM }),
    ).rejects.toThrow(/A node with identity key \w+ is already bonded/);
    await expect(bondMixnodeFromHome(bob.session, bobHome, { contracts, amount: 99n * NYM })).rejects.toThrow(
      /Pledge too small/,
    );
    expect(await net.contractState(contracts.mixnet)).toEqual(before);
    expect(await net.balance(mallory.address)).toBe(10_000n * NYM);
    expect(await net.balance(bob.address)).toBe(10_000n * NYM);
    // Bob's own signature still bonds his node.
    const bond = await bondMixnodeFromHome(bob.session, bobHome, { contracts, amount: 100n * NYM });
    expect(
      (await bob.mixnet.getOwnedMixnode({ address: bob.address })).mixnode_details?.bond_information.mix_id,
    ).toBe(bond.mixId);
  });

  it('bonds and delegates unvested NYM through the vesting contract', async () => {
    vera = await net.account();
    const createAccount = {
      create_account: { owner_address: vera.address, cap: { absolute: (2_000n * NYM).toString() } },
    };
    await net.admin.token.send(
      {
        contract: contracts.vesting!,
        amount: (10_000n * NYM).toString(),
        msg: Buffer.from(JSON.stringify(createAccount)).toString('base64'),
      },
      net.admin.session.fee,
    );
    const veraHome = newHome();
    const bond = await bondMixnodeFromHome(vera.session, veraHome, {
      contracts,
      amount: 500n * NYM,
      funding: 'vesting',
    });
    const vesting = new VestingClient(vera.session.client, vera.address, contracts.vesting!);
    await vesting.delegateToMixnode(
      { mixId: aliceMixId, amount: (1_000n * NYM).toString() },
      vera.session.fee,
    );
    expect(
      (await vera.mixnet.getMixnodeDetails({ mixId: bond.mixId! })).mixnode_details?.bond_information,
    ).toMatchObject({
      owner: vera.address,
      proxy: contracts.vesting,
      original_pledge: (500n * NYM).toString(),
    });
    // The vesting account paid; Vera's own balance never held NYM.
    expect(await net.balance(vera.address)).toBe(0n);
    expect(await vesting.getPledgedCoins({ vestingAccountAddress: vera.address })).toEqual({
      amount: (500n * NYM).toString(),
    });
    expect(await vesting.getDelegatedCoins({ vestingAccountAddress: vera.address })).toEqual({
      amount: (1_000n * NYM).toString(),
    });
    await net.endEpoch();
    await net.validator.mixnet.advanceCurrentEpoch(
      { randomness: randomBytes(32).toString('base64') },
      net.validator.session.fee,
    );
    const { delegation } = await vera.mixnet.getDelegationDetails({
      mixId: aliceMixId,
      delegator: vera.address,
      proxy: contracts.vesting,
    });
    expect(delegation).toMatchObject({
      owner: vera.address,
      amount: (1_000n * NYM).toString(),
      proxy: contracts.vesting,
    });
  });
});

describe('calls by someone not allowed to make them', () => {
  let mallory: Account;
  let anyIdentity: string;
  let mixId: number;

  beforeAll(async () => {
    mallory = await net.account(1_000n * NYM);
    const bonds = await net.admin.mixnet.getMixNodeBonds({});
    mixId = bonds.nodes[0]!.mix_id;
    anyIdentity = bonds.nodes[0]!.mix_node.identity_key; // any key: the caller is refused first
    await net.endEpoch(); // so the validator's calls fail only for who makes them
  });

  const notOwner = (who: () => string) => new RegExp(`Unauthorized: ${who()} is not the contract owner`);

  it('are refused in real txs and change no contract’s state', async () => {
    const states = async () =>
      Promise.all(
        [net.deployed.mixnet, net.deployed.vesting, net.deployed.nym_token].map((c) =>
          net.contractState(c.address),
        ),
      );
    const before = await states();
    const m = mallory.mixnet;
    const costs: MixnetTypes.MixNodeCostParams = DEFAULT_COST_PARAMS;
    const refused: Array<[string, () => Promise<unknown>, RegExp]> = [
      [
        'update_admin',
        () => m.updateAdmin({ admin: mallory.address }, FIXED_FEE),
        notOwner(() => mallory.address),
      ],
      [
        'update_rewarding_validator_address',
        () => m.updateRewardingValidatorAddress({ address: mallory.address }, FIXED_FEE),
        notOwner(() => mallory.address),
      ],
      [
        'update_contract_state_params',
        () =>
          m.updateContractStateParams(
            { updatedParameters: { minimum_mixnode_pledge: '1', minimum_gateway_pledge: '1' } },
            FIXED_FEE,
          ),
        notOwner(() => mallory.address),
      ],
      [
        'update_active_set_size',
        () => m.updateActiveSetSize({ activeSetSize: 1, forceImmediately: true }, FIXED_FEE),
        notOwner(() => mallory.address),
      ],
      [
        'update_rewarding_params',
        () =>
          m.updateRewardingParams({ updatedParams: { reward_pool: '1' }, forceImmediately: true }, FIXED_FEE),
        notOwner(() => mallory.address),
      ],
      [
        'update_interval_config',
        () =>
          m.updateIntervalConfig(
            { epochsInInterval: 1, epochDurationSecs: 1, forceImmediately: true },
            FIXED_FEE,
          ),
        notOwner(() => mallory.address),
      ],
      [
        'advance_current_epoch',
        () => m.advanceCurrentEpoch({ randomness: randomBytes(32).toString('base64') }, FIXED_FEE),
        /is not the rewarding validator/,
      ],
      [
        'reward_mixnode',
        () => m.rewardMixnode({ mixId, performance: '1' }, FIXED_FEE),
        /is not the rewarding validator/,
      ],
      [
        'report_gateway_performance',
        () => m.reportGatewayPerformance({ identity: anyIdentity, performance: '1' }, FIXED_FEE),
        /is not the rewarding validator/,
      ],
      [
        'reconcile_epoch_events',
        () => m.reconcileEpochEvents({}, FIXED_FEE),
        /is not the rewarding validator/,
      ],
      [
        'unbond_mixnode_on_behalf',
        () => m.unbondMixnodeOnBehalf({ owner: vera.address }, FIXED_FEE),
        /is not the vesting contract/,
      ],
      [
        'update_mixnode_cost_params_on_behalf',
        () => m.updateMixnodeCostParamsOnBehalf({ owner: vera.address, newCosts: costs }, FIXED_FEE),
        /is not the vesting contract/,
      ],
      [
        'withdraw_operator_reward_on_behalf',
        () => m.withdrawOperatorRewardOnBehalf({ owner: vera.address }, FIXED_FEE),
        /is not the vesting contract/,
      ],
      [
        'receive, not from the token',
        () =>
          m.receive(
            {
              sender: mallory.address,
              amount: (1_000n * NYM).toString(),
              msg: Buffer.from(JSON.stringify({ delegate_to_mixnode: { mix_id: mixId } })).toString('base64'),
            },
            FIXED_FEE,
          ),
        /is not the NYM token contract/,
      ],
      [
        'delegate_to_mixnode_on_behalf through the token',
        () =>
          mallory.token.send(
            {
              contract: net.deployed.mixnet.address,
              amount: (10n * NYM).toString(),
              msg: Buffer.from(
                JSON.stringify({ delegate_to_mixnode_on_behalf: { mix_id: mixId, delegate: vera.address } }),
              ).toString('base64'),
            },
            FIXED_FEE,
          ),
        /is not the vesting contract/,
      ],
      [
        'the validator acting as owner',
        () => net.validator.mixnet.updateAdmin({ admin: net.validator.address }, FIXED_FEE),
        notOwner(() => net.validator.address),
      ],
    ];
    for (const [name, call, message] of refused) {
      await expect(call()).rejects.toThrow(message);
      expect([name, await states()]).toEqual([name, before]);
    }
    expect(await net.balance(mallory.address)).toBe(1_000n * NYM);
  });

  it('refuses direct management of a bond made with vesting NYM', async () => {
    const before = await net.contractState(net.deployed.mixnet.address);
    await expect(vera.mixnet.unbondMixnode(FIXED_FEE)).rejects.toThrow(
      /was bonded with vesting NYM: manage it through the vesting contract/,
    );
    expect(await net.contractState(net.deployed.mixnet.address)).toEqual(before);
  });
});
