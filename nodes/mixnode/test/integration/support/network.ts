// A dev chain on a free port with the NYM token, vesting and mixnet contracts deployed through
// deployPlatform, accounts funded with unyx (fees) and NYM, and block time moved with the chain's
// dev_advance_time control, all over real RPC. Shared by the mixnet integration tests here and
// in the CLI's scripted run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setupWasmExtension, type WasmExtension } from '@cosmjs/cosmwasm-stargate';
import { DirectSecp256k1HdWallet } from '@cosmjs/proto-signing';
import { calculateFee, QueryClient, type StdFee } from '@cosmjs/stargate';
import { connectComet, type CometClient } from '@cosmjs/tendermint-rpc';
import { startChain, type Chain } from '@nymts/chain';
import { advanceTime, allContractState } from '@nymts/chain/test/helpers';
import {
  BECH32_PREFIX,
  connectSigner,
  Cw20BaseClient,
  DEFAULT_GAS_PRICE,
  DEFAULT_REWARDING_PARAMS,
  deployPlatform,
  MixnetClient,
  parseGasPrice,
  walletFromMnemonic,
  type MixnetTypes,
  type PlatformDeployment,
  type SigningSession,
} from '@nymts/contracts-client';

export const NYM = 1_000_000n;

/** For txs meant to fail: with "auto", cosmjs's simulation fails and nothing is broadcast. */
export const FIXED_FEE: StdFee = calculateFee(3_000_000, parseGasPrice(DEFAULT_GAS_PRICE));

/** Nym's reward model with a rewarded set small enough for a test network. */
export const TEST_REWARDING_PARAMS: MixnetTypes.InitialRewardingParams = {
  ...DEFAULT_REWARDING_PARAMS,
  rewarded_set_size: 6,
  active_set_size: 3,
};

export interface Account {
  session: SigningSession;
  address: string;
  mnemonic: string;
  mixnet: MixnetClient;
  token: Cw20BaseClient;
}

export interface TestNetwork {
  chain: Chain;
  url: string;
  dir: string;
  deploymentPath: string;
  deployed: PlatformDeployment;
  admin: Account;
  validator: Account;
  /** A fresh account funded with unyx for fees and `nym` unym of NYM. */
  account(nym?: bigint): Promise<Account>;
  /** The NYM balance (unym) of an address. */
  balance(address: string): Promise<bigint>;
  /** Moves block time to the end of the current epoch and makes a block there. */
  endEpoch(): Promise<void>;
  /** Every key and value of a contract's storage, to show a refused call changed nothing. */
  contractState(address: string): Promise<Map<string, string>>;
  stop(): Promise<void>;
}

export async function openAccount(
  url: string,
  mnemonic: string,
  mixnet: string,
  token: string,
): Promise<Account> {
  const session = await connectSigner(url, await walletFromMnemonic(mnemonic));
  return {
    session,
    address: session.address,
    mnemonic,
    mixnet: new MixnetClient(session.client, session.address, mixnet),
    token: new Cw20BaseClient(session.client, session.address, token),
  };
}

export async function startTestNetwork(
  options: { epochsInInterval?: number; rewardingParams?: Partial<MixnetTypes.InitialRewardingParams> } = {},
): Promise<TestNetwork> {
  const dir = mkdtempSync(join(tmpdir(), 'nymts-mixnet-net-'));
  const chain = await startChain({
    dataDir: join(dir, 'chain'),
    blockTime: 'instant',
    dev: true,
    rpc: { port: 0 },
  });
  const url = chain.rpc!.url;
  const [adminDev, validatorDev] = chain.devAccounts;
  const deploymentPath = join(dir, 'deployments.json');
  const deployer = await connectSigner(url, await walletFromMnemonic(adminDev!.mnemonic));
  const deployed = await deployPlatform(deployer, {
    rewardingValidator: validatorDev!.address,
    epochsInInterval: options.epochsInInterval ?? 2,
    rewardingParams: { ...TEST_REWARDING_PARAMS, ...options.rewardingParams },
    initialBalances: [{ address: adminDev!.address, amount: 1_000_000_000n * NYM }],
    deploymentPath,
  });
  deployer.disconnect();
  const open = (mnemonic: string) =>
    openAccount(url, mnemonic, deployed.mixnet.address, deployed.nym_token.address);
  const admin = await open(adminDev!.mnemonic);
  const validator = await open(validatorDev!.mnemonic);
  const accounts: Account[] = [admin, validator];
  const comet: CometClient = await connectComet(url);
  const query: QueryClient & WasmExtension = QueryClient.withExtensions(comet, setupWasmExtension);

  const block = async () => {
    const status = await comet.status();
    return status.syncInfo.latestBlockTime.getTime() / 1000;
  };

  return {
    chain,
    url,
    dir,
    deploymentPath,
    deployed,
    admin,
    validator,
    async account(nym = 0n) {
      const wallet = await DirectSecp256k1HdWallet.generate(12, { prefix: BECH32_PREFIX });
      const { address } = (await wallet.getAccounts())[0]!;
      await admin.session.client.sendTokens(
        admin.address,
        address,
        [{ denom: 'unyx', amount: '100000000' }],
        admin.session.fee,
      );
      if (nym > 0n)
        await admin.token.transfer({ recipient: address, amount: nym.toString() }, admin.session.fee);
      const opened = await open(wallet.mnemonic);
      accounts.push(opened);
      return opened;
    },
    async balance(address) {
      return BigInt((await admin.token.balance({ address })).balance);
    },
    async endEpoch() {
      const details = await admin.mixnet.getCurrentIntervalDetails();
      const now = await block();
      const wait = Math.max(0, Math.ceil(details.current_epoch_end - now));
      await advanceTime(url, wait);
    },
    contractState: (address) => allContractState(query, address),
    async stop() {
      for (const account of accounts) account.session.disconnect();
      comet.disconnect();
      await chain.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
