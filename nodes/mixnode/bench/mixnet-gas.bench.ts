import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { ExecuteResult } from '@cosmjs/cosmwasm-stargate';
import { defineSuite, median } from '@nymts/bench';
import { DirectSecp256k1HdWallet } from '@cosmjs/proto-signing';
import { BECH32_PREFIX } from '@nymts/contracts-client';
import { bondMixnodeFromHome, initMixnode } from '../src';
import { NYM, openAccount, startTestNetwork, type Account } from '../test/integration/support/network';

// Gas of the mixnet contract's typical calls as real txs over RPC on the embedded chain (the whole
// tx: ante handler, signature check and fee included, which the contract-level figures in
// contracts/README.md leave out). The rewarded set is sized as Nym's was in 2023 (240 places, all
// active), so all 100 nodes are drawn and given layers. Gas is deterministic up to the size of
// each tx's bytes, so each figure is one run (medians where there are 100).
const NODES = 100;
const BATCH = 25;

export default defineSuite({
  name: 'mixnet gas in real txs',
  async run(ctx) {
    const net = await startTestNetwork({ rewardingParams: { rewarded_set_size: 240, active_set_size: 240 } });
    try {
      const { admin } = net;
      const contracts = { mixnet: net.deployed.mixnet.address, token: net.deployed.nym_token.address };
      ctx.progress(`funding ${NODES} operators`);
      const operators: Account[] = [];
      for (let start = 0; start < NODES; start += BATCH) {
        const wallets = await Promise.all(
          Array.from({ length: BATCH }, () =>
            DirectSecp256k1HdWallet.generate(12, { prefix: BECH32_PREFIX }),
          ),
        );
        const addresses = await Promise.all(wallets.map(async (w) => (await w.getAccounts())[0]!.address));
        // One tx per batch: unyx for fees and NYM for the pledge.
        await admin.session.client.signAndBroadcast(
          admin.address,
          addresses.flatMap((address) => [
            {
              typeUrl: '/cosmos.bank.v1beta1.MsgSend',
              value: {
                fromAddress: admin.address,
                toAddress: address,
                amount: [{ denom: 'unyx', amount: '10000000' }],
              },
            },
            {
              typeUrl: '/cosmwasm.wasm.v1.MsgExecuteContract',
              value: {
                sender: admin.address,
                contract: contracts.token,
                msg: Buffer.from(
                  JSON.stringify({ transfer: { recipient: address, amount: (2_000n * NYM).toString() } }),
                ),
                funds: [],
              },
            },
          ]),
          admin.session.fee,
        );
        for (const wallet of wallets)
          operators.push(await openAccount(net.url, wallet.mnemonic, contracts.mixnet, contracts.token));
      }
      ctx.progress(`bonding ${NODES} mix nodes from their homes`);
      const bonds: ExecuteResult[] = [];
      for (let start = 0; start < NODES; start += BATCH) {
        bonds.push(
          ...(await Promise.all(
            operators.slice(start, start + BATCH).map(async (operator, i) => {
              const n = start + i;
              const home = join(net.dir, `mix${n}`);
              initMixnode({
                id: `mix${n}`,
                home,
                listenHost: '127.0.0.1',
                mixPort: 10_000 + n,
                httpPort: 20_000 + n,
              });
              return (
                await bondMixnodeFromHome(operator.session, home, {
                  contracts,
                  amount: 1_000n * NYM + BigInt(n) * NYM,
                })
              ).tx;
            }),
          )),
        );
      }
      const gas = (results: ExecuteResult[]) => median(results.map((r) => Number(r.gasUsed)));
      ctx.report({ name: 'bond a mix node (cw20 Send tx, median of 100)', value: gas(bonds), unit: 'gas' });

      const validator = net.validator.mixnet;
      const advance = async () => {
        await net.endEpoch();
        const result = await validator.advanceCurrentEpoch(
          { randomness: randomBytes(32).toString('base64') },
          net.validator.session.fee,
        );
        return Number(result.gasUsed);
      };
      ctx.report({
        name: `advance an epoch, ${NODES} bonded nodes, first draw`,
        value: await advance(),
        unit: 'gas',
      });
      ctx.report({
        name: `advance an epoch, ${NODES} bonded nodes (replacing the previous set)`,
        value: await advance(),
        unit: 'gas',
      });

      ctx.progress(`delegating to ${NODES} nodes`);
      const delegations: ExecuteResult[] = [];
      for (const operator of operators) {
        // Each operator delegates to the next node, so each node gets one delegation.
        const mixId = ((operators.indexOf(operator) + 1) % NODES) + 1;
        const msg = Buffer.from(JSON.stringify({ delegate_to_mixnode: { mix_id: mixId } })).toString(
          'base64',
        );
        delegations.push(
          await operator.token.send(
            { contract: contracts.mixnet, amount: (50n * NYM).toString(), msg },
            operator.session.fee,
          ),
        );
      }
      ctx.report({ name: 'delegate (cw20 Send tx, median of 100)', value: gas(delegations), unit: 'gas' });
      ctx.report({
        name: `advance an epoch, ${NODES} bonded nodes and ${NODES} delegations to apply`,
        value: await advance(),
        unit: 'gas',
      });

      await net.endEpoch();
      const rewards: ExecuteResult[] = [];
      for (let mixId = 1; mixId <= NODES; mixId++) {
        rewards.push(
          await validator.rewardMixnode({ mixId, performance: '0.95' }, net.validator.session.fee),
        );
      }
      ctx.report({
        name: 'reward one mix node (with a delegation, median of 100)',
        value: gas(rewards),
        unit: 'gas',
      });
      ctx.report({
        name: 'reward one mix node, the largest of 100',
        value: Math.max(...rewards.map((r) => Number(r.gasUsed))),
        unit: 'gas',
      });
      for (const operator of operators) operator.session.disconnect();
    } finally {
      await net.stop();
    }
  },
});
