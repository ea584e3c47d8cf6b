// Deploying the mixnet contract beside the NYM token and the vesting contract: upload, instantiate,
// fund the reward pool (NYM the contract holds and pays rewards from), and tell the vesting
// contract where the mixnet contract is, so vesting accounts can bond and delegate.
import { MIXNET_WASM } from '@nymts/contract-mixnet';
import type { SigningSession } from './connect';
import { deployNymToken, deployVesting, instantiate, uploadArtifact, type UploadedCode } from './deploy';
import { recordContracts, type ContractDeployment } from './deployment';
import { ContractsClientError } from './errors';
import { Cw20BaseClient, VestingClient, type MixnetTypes } from './generated';

export { MIXNET_WASM };

/** Nym's reward model defaults (nym-platform.md §7), with Nym's 240-node rewarded set, all active. */
export const DEFAULT_REWARDING_PARAMS: MixnetTypes.InitialRewardingParams = {
  initial_reward_pool: '244817525850285',
  initial_staking_supply: '100000000000000',
  staking_supply_scale_factor: '0.5',
  sybil_resistance: '0.3',
  active_set_work_factor: '10',
  interval_pool_emission: '0.02',
  rewarded_set_size: 240,
  active_set_size: 240,
};

/** Nym's epoch (one hour) and interval (720 epochs, 30 days). */
export const DEFAULT_EPOCH_SECONDS = 3600;
export const DEFAULT_EPOCHS_IN_INTERVAL = 720;

export interface MixnetOptions {
  tokenAddress: string;
  vestingAddress: string;
  /** Advances epochs and reports performance. */
  rewardingValidator: string;
  epochsInInterval?: number;
  epochDurationSecs?: number;
  rewardingParams?: Partial<MixnetTypes.InitialRewardingParams>;
  minimumMixnodePledge?: bigint;
  minimumGatewayPledge?: bigint;
  minimumDelegation?: bigint;
  /**
   * Send `update_mixnet_address` to the vesting contract (the deployer must be its admin). On by
   * default: without it vesting accounts cannot stake.
   */
  wireVesting?: boolean;
  /** Add the contract to this deployment record (under the session's chain id). */
  deploymentPath?: string;
  label?: string;
}

/** The whole unym the reward pool must hold: the integer part of `initial_reward_pool`. */
export function rewardPoolUnym(params: MixnetTypes.InitialRewardingParams): bigint {
  const whole = /^(\d+)(?:\.\d+)?$/.exec(params.initial_reward_pool);
  if (whole === null) {
    throw new ContractsClientError(
      'reward_pool_invalid',
      `initial_reward_pool "${params.initial_reward_pool}" is not a non-negative decimal`,
      { initial_reward_pool: params.initial_reward_pool },
    );
  }
  return BigInt(whole[1]!);
}

/**
 * Uploads the mixnet contract (unless `code` is given), instantiates it, transfers the reward
 * pool from the deployer (who must hold it), and wires the vesting contract to it.
 */
export async function deployMixnet(
  session: SigningSession,
  options: MixnetOptions,
  code?: UploadedCode,
): Promise<ContractDeployment> {
  const rewarding = { ...DEFAULT_REWARDING_PARAMS, ...options.rewardingParams };
  const pool = rewardPoolUnym(rewarding);
  const token = new Cw20BaseClient(session.client, session.address, options.tokenAddress);
  const { balance } = await token.balance({ address: session.address });
  if (BigInt(balance) < pool) {
    throw new ContractsClientError(
      'reward_pool_unfunded',
      `the deployer ${session.address} holds ${balance} unym but the reward pool needs ${pool} unym`,
      { address: session.address, balance, needed: pool.toString() },
    );
  }
  const uploaded = code ?? (await uploadArtifact(session, MIXNET_WASM));
  const msg: MixnetTypes.InstantiateMsg = {
    rewarding_validator_address: options.rewardingValidator,
    vesting_contract_address: options.vestingAddress,
    token_address: options.tokenAddress,
    epochs_in_interval: options.epochsInInterval ?? DEFAULT_EPOCHS_IN_INTERVAL,
    epoch_duration_secs: options.epochDurationSecs ?? DEFAULT_EPOCH_SECONDS,
    initial_rewarding_params: rewarding,
    minimum_mixnode_pledge: options.minimumMixnodePledge?.toString(),
    minimum_gateway_pledge: options.minimumGatewayPledge?.toString(),
    minimum_mixnode_delegation: options.minimumDelegation?.toString(),
  };
  const deployment = await instantiate(session, uploaded, msg, options.label ?? 'mixnet');
  if (pool > 0n) {
    await token.transfer({ recipient: deployment.address, amount: pool.toString() }, session.fee);
  }
  if (options.wireVesting !== false) {
    const vesting = new VestingClient(session.client, session.address, options.vestingAddress);
    await vesting.updateMixnetAddress({ address: deployment.address }, session.fee);
  }
  if (options.deploymentPath !== undefined) {
    recordContracts(options.deploymentPath, session.chainId, { mixnet: deployment });
  }
  return deployment;
}

export interface PlatformOptions extends Omit<
  MixnetOptions,
  'tokenAddress' | 'vestingAddress' | 'wireVesting'
> {
  /** The token minter; the deployer unless given. */
  tokenAdmin?: string;
  cap?: bigint;
  initialBalances?: ReadonlyArray<{ address: string; amount: bigint }>;
  /** Who creates vesting accounts; the deployer unless given. */
  vestingAdmin?: string;
}

export interface PlatformDeployment {
  nym_token: ContractDeployment;
  vesting: ContractDeployment;
  mixnet: ContractDeployment;
}

/**
 * The NYM token, the vesting contract and the mixnet contract in one go, wired together: the
 * deployer is given the reward pool at genesis of the token (on top of `initialBalances`) and
 * hands it to the mixnet contract; the vesting admin role is handed on only after wiring.
 */
export async function deployPlatform(
  session: SigningSession,
  options: PlatformOptions,
): Promise<PlatformDeployment> {
  const pool = rewardPoolUnym({ ...DEFAULT_REWARDING_PARAMS, ...options.rewardingParams });
  const balances = new Map<string, bigint>([[session.address, pool]]);
  for (const { address, amount } of options.initialBalances ?? []) {
    balances.set(address, (balances.get(address) ?? 0n) + amount);
  }
  const nymToken = await deployNymToken(session, {
    minter: options.tokenAdmin ?? session.address,
    cap: options.cap,
    initialBalances: [...balances].map(([address, amount]) => ({ address, amount })),
  });
  const vesting = await deployVesting(session, { tokenAddress: nymToken.address });
  const mixnet = await deployMixnet(session, {
    ...options,
    tokenAddress: nymToken.address,
    vestingAddress: vesting.address,
    deploymentPath: undefined,
  });
  if (options.vestingAdmin !== undefined && options.vestingAdmin !== session.address) {
    const client = new VestingClient(session.client, session.address, vesting.address);
    await client.updateAdmin({ admin: options.vestingAdmin }, session.fee);
  }
  const deployed = { nym_token: nymToken, vesting, mixnet };
  if (options.deploymentPath !== undefined) {
    recordContracts(options.deploymentPath, session.chainId, deployed);
  }
  return deployed;
}
