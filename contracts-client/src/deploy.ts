// Uploading and instantiating the NYM token (cw-plus's cw20-base binary) and the vesting contract
// (our artifact), returning what the deployment record keeps about each.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { VESTING_WASM } from '@nymts/contract-vesting';
import type { ContractDeployment } from './deployment';
import type { SigningSession } from './connect';
import { VestingClient, type Cw20BaseTypes, type VestingTypes } from './generated';

/** cw20-base 1.0.1, as shipped in @oraichain/common-contracts-build. */
export const CW20_BASE_WASM = join(
  dirname(require.resolve('@oraichain/common-contracts-build/package.json')),
  'data',
  'cw20-base.wasm',
);
export { VESTING_WASM };

export const NYM_TOKEN_INFO = { name: 'Nym', symbol: 'NYM', decimals: 6 } as const;

export interface UploadedCode {
  codeId: number;
  checksum: string;
  gasUsed: bigint;
}

export async function uploadArtifact(session: SigningSession, path: string): Promise<UploadedCode> {
  const result = await session.client.upload(session.address, readFileSync(path), session.fee);
  return { codeId: result.codeId, checksum: result.checksum, gasUsed: result.gasUsed };
}

/** Instantiates uploaded code with the deployer as the contract's wasm admin. */
export async function instantiate(
  session: SigningSession,
  code: UploadedCode,
  msg: object,
  label: string,
): Promise<ContractDeployment> {
  const { contractAddress } = await session.client.instantiate(
    session.address,
    code.codeId,
    msg,
    label,
    session.fee,
    {
      admin: session.address,
    },
  );
  return {
    code_id: code.codeId,
    address: contractAddress,
    checksum: code.checksum,
    label,
    admin: session.address,
  };
}

export interface NymTokenOptions {
  /** The token admin: the only address that may mint. */
  minter: string;
  /** The most NYM (in unym) that may ever exist; unlimited when absent. */
  cap?: bigint;
  initialBalances?: ReadonlyArray<{ address: string; amount: bigint }>;
  label?: string;
}

/** Uploads cw20-base (unless `code` is given) and instantiates it as "Nym" / NYM with 6 decimals. */
export async function deployNymToken(
  session: SigningSession,
  options: NymTokenOptions,
  code?: UploadedCode,
): Promise<ContractDeployment> {
  const uploaded = code ?? (await uploadArtifact(session, CW20_BASE_WASM));
  const msg: Cw20BaseTypes.InstantiateMsg = {
    ...NYM_TOKEN_INFO,
    initial_balances: (options.initialBalances ?? []).map(({ address, amount }) => ({
      address,
      amount: amount.toString(),
    })),
    mint: { minter: options.minter, cap: options.cap === undefined ? null : options.cap.toString() },
  };
  return instantiate(session, uploaded, msg, options.label ?? 'NYM token');
}

export interface VestingOptions {
  tokenAddress: string;
  mixnetAddress?: string;
  /** The vesting admin (who creates accounts); the deployer unless given. */
  admin?: string;
  label?: string;
}

/** Uploads our vesting artifact (unless `code` is given), instantiates it and hands the admin role on. */
export async function deployVesting(
  session: SigningSession,
  options: VestingOptions,
  code?: UploadedCode,
): Promise<ContractDeployment> {
  const uploaded = code ?? (await uploadArtifact(session, VESTING_WASM));
  const msg: VestingTypes.InstantiateMsg = {
    token_address: options.tokenAddress,
    mixnet_contract_address: options.mixnetAddress ?? null,
  };
  const deployment = await instantiate(session, uploaded, msg, options.label ?? 'vesting');
  if (options.admin !== undefined && options.admin !== session.address) {
    const vesting = new VestingClient(session.client, session.address, deployment.address);
    await vesting.updateAdmin({ admin: options.admin }, session.fee);
  }
  return deployment;
}

/** The NYM token and the vesting contract, ready to be recorded under their roles. */
export async function deployNymContracts(
  session: SigningSession,
  options: {
    tokenAdmin: string;
    cap?: bigint;
    initialBalances?: NymTokenOptions['initialBalances'];
    vestingAdmin?: string;
  },
): Promise<{ nym_token: ContractDeployment; vesting: ContractDeployment }> {
  const nymToken = await deployNymToken(session, {
    minter: options.tokenAdmin,
    cap: options.cap,
    initialBalances: options.initialBalances,
  });
  const vesting = await deployVesting(session, {
    tokenAddress: nymToken.address,
    admin: options.vestingAdmin ?? options.tokenAdmin,
  });
  return { nym_token: nymToken, vesting };
}
