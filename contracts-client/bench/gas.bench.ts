// Gas of the NYM token's and the vesting contract's typical calls, from the embedded chain's own
// accounting (gasUsed of real txs sent over RPC, fees included), and the size of each artifact.
// Gas is deterministic, so each figure is one measurement; the table in contracts/README.md
// comes from this suite (`npm run bench -- contracts-client`).
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import { defineSuite } from '@nymts/bench';
import { MIXNET_WASM } from '@nymts/contract-mixnet';
import {
  CW20_BASE_WASM,
  Cw20BaseClient,
  deployNymToken,
  deployVesting,
  uploadArtifact,
  VESTING_WASM,
  VestingClient,
  type SigningSession,
} from '../src';
import { hookMsg, startTestChain } from '../test/integration/support/chain';
import { COST_PARAMS, instantiateMixnet, mixNodeBond } from '../test/integration/support/mixnet';

const NYM = 1_000_000n;

export default defineSuite({
  name: 'NYM token and vesting gas',
  async run(ctx) {
    for (const path of [CW20_BASE_WASM, VESTING_WASM, MIXNET_WASM]) {
      ctx.report({ name: `size of ${basename(path)}`, value: statSync(path).size, unit: 'bytes' });
    }
    const t = await startTestChain(5);
    try {
      const [admin, alice, bob, carol, dave] = t.accounts as [
        SigningSession,
        SigningSession,
        SigningSession,
        SigningSession,
        SigningSession,
      ];
      const gas = (name: string, result: { gasUsed: bigint }) =>
        ctx.report({ name, value: Number(result.gasUsed), unit: 'gas' });

      const tokenCode = await uploadArtifact(admin, CW20_BASE_WASM);
      gas('upload cw20-base', tokenCode);
      const vestingCode = await uploadArtifact(admin, VESTING_WASM);
      gas('upload vesting', vestingCode);
      gas('upload mixnet', await uploadArtifact(admin, MIXNET_WASM));
      // What every tx pays before any contract runs: signature, tx bytes, fee, account.
      gas(
        'bank send (a tx without a contract)',
        await admin.client.sendTokens(
          admin.address,
          alice.address,
          [{ denom: 'unyx', amount: '1' }],
          admin.fee,
        ),
      );
      const tokenDeployment = await deployNymToken(
        admin,
        { minter: admin.address, initialBalances: [{ address: admin.address, amount: 100_000n * NYM }] },
        tokenCode,
      );
      const token = (s: SigningSession) => new Cw20BaseClient(s.client, s.address, tokenDeployment.address);
      const vestingDeployment = await deployVesting(
        admin,
        { tokenAddress: tokenDeployment.address },
        vestingCode,
      );
      const vesting = (s: SigningSession) =>
        new VestingClient(s.client, s.address, vestingDeployment.address);

      ctx.progress('token calls');
      await token(admin).transfer({ recipient: alice.address, amount: (100n * NYM).toString() }, admin.fee);
      gas(
        'token: transfer',
        await token(admin).transfer({ recipient: alice.address, amount: (100n * NYM).toString() }, admin.fee),
      );
      gas(
        'token: mint',
        await token(admin).mint({ recipient: bob.address, amount: (100n * NYM).toString() }, admin.fee),
      );
      gas(
        'token: increase allowance',
        await token(alice).increaseAllowance(
          { spender: bob.address, amount: (10n * NYM).toString() },
          alice.fee,
        ),
      );
      gas(
        'token: transfer from (allowance)',
        await token(bob).transferFrom(
          { owner: alice.address, recipient: carol.address, amount: NYM.toString() },
          bob.fee,
        ),
      );
      gas('token: burn', await token(alice).burn({ amount: NYM.toString() }, alice.fee));

      ctx.progress('vesting calls');
      const start = t.now();
      const create = (owner: string, amount: bigint) =>
        token(admin).send(
          {
            contract: vestingDeployment.address,
            amount: (amount * NYM).toString(),
            msg: hookMsg({
              create_account: {
                owner_address: owner,
                vesting_spec: { start_time: start, period_seconds: 100, num_periods: 4 },
              },
            }),
          },
          admin.fee,
        );
      gas(
        'token: send = vesting: create account (cw20 Send + receive hook)',
        await create(carol.address, 2_000n),
      );
      await create(dave.address, 1_000n);
      await t.advanceTo(start + 100);
      gas(
        'vesting: withdraw vested (with the token transfer)',
        await vesting(carol).withdrawVestedCoins({ amount: (10n * NYM).toString() }, carol.fee),
      );
      gas(
        'vesting: update locked pledge cap',
        await vesting(admin).updateLockedPledgeCap(
          { address: carol.address, cap: { percent: '0.2' } },
          admin.fee,
        ),
      );
      gas(
        'vesting: transfer ownership',
        await vesting(carol).transferOwnership({ toAddress: bob.address }, carol.fee),
      );

      const mixnet = await instantiateMixnet(admin, tokenDeployment.address, vestingDeployment.address);
      const bond = await mixNodeBond(bob, mixnet, bob.address);
      gas(
        'vesting: bond a mix node on behalf (pledge, through the token to the mixnet contract)',
        await vesting(bob).bondMixnode(
          { ...bond, costParams: COST_PARAMS, amount: (150n * NYM).toString() },
          bob.fee,
        ),
      );
      const owned = (await admin.client.queryContractSmart(mixnet, {
        get_owned_mixnode: { address: bob.address },
      })) as {
        mixnode_details: { bond_information: { mix_id: number } };
      };
      const mixId = owned.mixnode_details.bond_information.mix_id;
      gas(
        'vesting: delegate on behalf (through the token to the mixnet contract)',
        await vesting(dave).delegateToMixnode({ mixId, amount: (50n * NYM).toString() }, dave.fee),
      );
    } finally {
      await t.stop();
    }
  },
});
