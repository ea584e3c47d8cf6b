// Deploying the NYM token, vesting and mixnet contracts to any chain that speaks CometBFT RPC (the
// embedded chain, wasmd) through the deploy helper the local network uses, recording them in the
// deployment record, and funding the dev accounts that operate nodes. Running it again against a
// chain that already has the recorded contracts changes nothing, so a container may run it on every
// start.
import { setTimeout as sleep } from 'node:timers/promises';
import { DEV_MNEMONICS, deriveAddress } from '@nymts/chain';
import {
  BECH32_PREFIX,
  connectReader,
  connectSigner,
  type ContractDeployment,
  ContractsClientError,
  deployPlatform,
  GAS_DENOM,
  readDeploymentRecord,
  recordContracts,
  type SigningSession,
  walletFromMnemonic,
} from '@nymts/contracts-client';

export interface DeployOptions {
  rpcUrl: string;
  /** Where the record is written (`NYM_DEPLOYMENT`); other chains' entries in it are kept. */
  deploymentPath: string;
  /** The deployer, who also becomes the rewarding validator; dev account 0 when absent. */
  mnemonic?: string;
  epochSeconds?: number;
  /** Dev accounts 1…n receive `fundUnyx` for fees and `fundUnym` NYM for pledges. */
  fundDevAccounts?: number;
  fundUnyx?: bigint;
  fundUnym?: bigint;
  /** How long to wait for the chain's first block (a container may start before its chain is up). */
  waitForChainMs?: number;
  gasPrice?: string;
}

export interface DeployDeps {
  progress?(line: string): void;
  signal?: AbortSignal;
}

export type Deployment = Record<'nym_token' | 'vesting' | 'mixnet', ContractDeployment>;

export type DeployOutcome =
  | { kind: 'deployed'; chainId: string; contracts: Deployment }
  | { kind: 'already_deployed'; chainId: string; contracts: Deployment };

/** Dev account 0 of `nymts chain init --dev` (published test vectors: never for real funds). */
export const DEV_DEPLOYER_MNEMONIC = DEV_MNEMONICS[0]!;
export const DEFAULT_FUND_UNYX = 10_000_000n;
export const DEFAULT_FUND_UNYM = 1_000_000_000n;
const ROLES = ['nym_token', 'vesting', 'mixnet'] as const;

/** Waits until the chain has made a block; the last failure is in the error when it never does. */
async function waitForChain(rpcUrl: string, timeoutMs: number, deps: DeployDeps): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no block yet';
  for (;;) {
    deps.signal?.throwIfAborted();
    try {
      const reader = await connectReader(rpcUrl);
      try {
        if ((await reader.client.getHeight()) >= 1) return;
      } finally {
        reader.disconnect();
      }
    } catch (error) {
      last = (error as Error).message;
    }
    if (Date.now() >= deadline) {
      throw new ContractsClientError(
        'node_unreachable',
        `the chain at ${rpcUrl} did not come up within ${timeoutMs} ms: ${last}`,
        {
          node: rpcUrl,
        },
      );
    }
    await sleep(1000, undefined, { signal: deps.signal });
  }
}

/** The recorded contracts of this chain, if every one of them is on the chain with its code. */
async function recordedOnChain(session: SigningSession, path: string): Promise<Deployment | undefined> {
  const recorded = readDeploymentRecord(path, { missingOk: true }).chains[session.chainId]?.contracts;
  if (recorded === undefined || !ROLES.every((role) => recorded[role] !== undefined)) return undefined;
  for (const role of ROLES) {
    const { address, code_id: codeId } = recorded[role]!;
    const onChain = await session.client.getContract(address).catch(() => undefined);
    if (onChain?.codeId !== codeId) return undefined;
  }
  return { nym_token: recorded.nym_token!, vesting: recorded.vesting!, mixnet: recorded.mixnet! };
}

async function devAccountAddresses(count: number): Promise<string[]> {
  if (count > DEV_MNEMONICS.length - 1) {
    throw new ContractsClientError(
      'bad_option',
      `there are ${DEV_MNEMONICS.length - 1} dev accounts to fund, not ${count}`,
      {
        count,
      },
    );
  }
  return Promise.all(
    DEV_MNEMONICS.slice(1, count + 1).map((mnemonic) => deriveAddress(mnemonic, BECH32_PREFIX)),
  );
}

/** Tops each account up to `unyx` of the gas denom (wasmd's genesis funds only the deployer). */
async function fundGas(
  session: SigningSession,
  addresses: readonly string[],
  unyx: bigint,
  deps: DeployDeps,
) {
  for (const address of addresses) {
    const { amount } = await session.client.getBalance(address, GAS_DENOM);
    if (BigInt(amount) >= unyx) continue;
    await session.client.sendTokens(
      session.address,
      address,
      [{ denom: GAS_DENOM, amount: (unyx - BigInt(amount)).toString() }],
      session.fee,
    );
    deps.progress?.(`funded ${address} with ${unyx - BigInt(amount)}${GAS_DENOM}`);
  }
}

export async function deployToChain(options: DeployOptions, deps: DeployDeps = {}): Promise<DeployOutcome> {
  await waitForChain(options.rpcUrl, options.waitForChainMs ?? 60_000, deps);
  const wallet = await walletFromMnemonic(options.mnemonic ?? DEV_DEPLOYER_MNEMONIC);
  const session = await connectSigner(options.rpcUrl, wallet, { gasPrice: options.gasPrice });
  try {
    const operators = await devAccountAddresses(options.fundDevAccounts ?? 0);
    const existing = await recordedOnChain(session, options.deploymentPath);
    if (existing !== undefined) {
      deps.progress?.(
        `chain ${session.chainId} already has the recorded contracts (mixnet ${existing.mixnet.address})`,
      );
      await fundGas(session, operators, options.fundUnyx ?? DEFAULT_FUND_UNYX, deps);
      return { kind: 'already_deployed', chainId: session.chainId, contracts: existing };
    }
    deps.progress?.(
      `deploying the NYM token, vesting and mixnet contracts to ${session.chainId} as ${session.address}`,
    );
    const unym = options.fundUnym ?? DEFAULT_FUND_UNYM;
    const contracts = await deployPlatform(session, {
      rewardingValidator: session.address,
      epochDurationSecs: options.epochSeconds,
      initialBalances: operators.map((address) => ({ address, amount: unym })),
    });
    recordContracts(options.deploymentPath, session.chainId, contracts);
    for (const role of ROLES)
      deps.progress?.(`${role}: ${contracts[role].address} (code ${contracts[role].code_id})`);
    await fundGas(session, operators, options.fundUnyx ?? DEFAULT_FUND_UNYX, deps);
    return { kind: 'deployed', chainId: session.chainId, contracts };
  } finally {
    session.disconnect();
  }
}
