// The embedded chain with the real NYM token, vesting and mixnet artifacts (deployed by the helper
// the local network uses), and nodes bonded through raw cosmjs transactions.
import { sign } from 'node:crypto';
import { type Chain, startChain } from '@nymts/chain';
import { advanceTime } from '@nymts/chain/test/helpers';
import {
  connectSigner,
  deployPlatform,
  type SigningSession,
  walletFromMnemonic,
} from '@nymts/contracts-client';
import { base58 } from '@scure/base';
import { nodeKeys } from './keys';

export const EPOCH_SECONDS = 60;
const PLEDGE = 100_000_000n;
const COSTS = { profit_margin_percent: '0.1', interval_operating_cost: '40000000' };

export interface MixnetChain {
  chain: Chain & { rpc: NonNullable<Chain['rpc']> };
  rpcUrl: string;
  /** The deployer, also the mixnet's rewarding validator. */
  admin: SigningSession;
  token: string;
  mixnet: string;
  /** Sessions for the funded dev accounts 1…9, each of which may own one node. */
  owner(n: number): Promise<SigningSession>;
  stop(): Promise<void>;
}

export async function startMixnetChain(sets: { rewarded: number; active: number }): Promise<MixnetChain> {
  const chain = await startChain({ blockTime: 'instant', dev: true, rpc: { port: 0 } });
  const rpcUrl = chain.rpc.url;
  const sessions: SigningSession[] = [];
  const session = async (n: number) => {
    const opened = await connectSigner(rpcUrl, await walletFromMnemonic(chain.devAccounts[n]!.mnemonic));
    sessions.push(opened);
    return opened;
  };
  try {
    const admin = await session(0);
    const { nym_token: token, mixnet } = await deployPlatform(admin, {
      rewardingValidator: admin.address,
      epochDurationSecs: EPOCH_SECONDS,
      rewardingParams: { rewarded_set_size: sets.rewarded, active_set_size: sets.active },
      initialBalances: [{ address: admin.address, amount: 1_000_000_000_000n }],
    });
    return {
      chain,
      rpcUrl,
      admin,
      token: token.address,
      mixnet: mixnet.address,
      owner: session,
      async stop() {
        for (const opened of sessions) opened.disconnect();
        await chain.stop();
      },
    };
  } catch (error) {
    for (const opened of sessions) opened.disconnect();
    await chain.stop();
    throw error;
  }
}

/** Gives `owner` NYM from the admin and bonds a mix node (or gateway) at `host` for it. */
export async function bondNode(
  network: MixnetChain,
  owner: SigningSession,
  node: { kind: 'mixnode' | 'gateway'; host: string; mixPort: number },
): Promise<{ identityKey: string; sphinxKey: string }> {
  const { admin, token, mixnet } = network;
  await admin.client.execute(
    admin.address,
    token,
    { transfer: { recipient: owner.address, amount: PLEDGE.toString() } },
    admin.fee,
  );
  const keys = nodeKeys();
  const nonce = (await owner.client.queryContractSmart(mixnet, {
    get_signing_nonce: { address: owner.address },
  })) as number;
  const message = JSON.stringify({
    message_type: `${node.kind}-bonding`,
    contract: mixnet,
    owner: owner.address,
    nonce,
  });
  const signature = base58.encode(new Uint8Array(sign(null, Buffer.from(message), keys.identity)));
  const described = {
    host: node.host,
    mix_port: node.mixPort,
    http_api_port: 8000,
    sphinx_key: keys.sphinxKey,
    identity_key: keys.identityKey,
    version: '0.1.0',
    location: 'test',
  };
  const bond =
    node.kind === 'mixnode'
      ? { bond_mixnode: { mix_node: described, cost_params: COSTS, owner_signature: signature } }
      : { bond_gateway: { gateway: { ...described, clients_port: 9000 }, owner_signature: signature } };
  await owner.client.execute(
    owner.address,
    token,
    {
      send: {
        contract: mixnet,
        amount: PLEDGE.toString(),
        msg: Buffer.from(JSON.stringify(bond)).toString('base64'),
      },
    },
    owner.fee,
  );
  return { identityKey: keys.identityKey, sphinxKey: keys.sphinxKey };
}

/** Moves the chain's clock to the epoch's end (dev_advance_time) and makes a block there. */
export async function endEpoch(network: MixnetChain): Promise<void> {
  await advanceTime(network.rpcUrl, EPOCH_SECONDS);
}

export async function advanceEpoch(network: MixnetChain, label: string): Promise<void> {
  const randomness = Buffer.from(label.padEnd(32, '.').slice(0, 32)).toString('base64');
  await network.admin.client.execute(
    network.admin.address,
    network.mixnet,
    { advance_current_epoch: { randomness } },
    network.admin.fee,
  );
}
