// The deployment record: one JSON file, read by every tool, that says where the contracts of each
// chain are (code id, address, checksum per contract role). Deploy scripts write it; the CLI,
// nodes and the testnet read it.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { ContractsClientError } from './errors';

/** The contracts a Nym network deploys; the record may hold others, which tools ignore. */
export const CONTRACT_ROLES = [
  'nym_token',
  'mixnet',
  'vesting',
  'dkg_group',
  'dkg_multisig',
  'coconut_dkg',
  'coconut_bandwidth',
] as const;
export type ContractRole = (typeof CONTRACT_ROLES)[number];

const contractDeploymentSchema = z.strictObject({
  code_id: z.number().int().positive(),
  address: z.string().min(1),
  checksum: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
  label: z.string().optional(),
  admin: z.string().optional(),
});

const chainDeploymentSchema = z.strictObject({
  contracts: z.record(z.string(), contractDeploymentSchema),
});

const deploymentRecordSchema = z.strictObject({
  version: z.literal(1),
  chains: z.record(z.string(), chainDeploymentSchema),
});

export type ContractDeployment = z.infer<typeof contractDeploymentSchema>;
export type ChainDeployment = z.infer<typeof chainDeploymentSchema>;
export type DeploymentRecord = z.infer<typeof deploymentRecordSchema>;

export const DEPLOYMENT_FILE = 'deployments.json';

/** `~/.nym/deployments.json`, unless a tool is told another path (`--deployment`, `NYM_DEPLOYMENT`). */
export function defaultDeploymentPath(home: string = homedir()): string {
  return join(home, '.nym', DEPLOYMENT_FILE);
}

export function emptyDeploymentRecord(): DeploymentRecord {
  return { version: 1, chains: {} };
}

/** Reads and validates a record; a missing file is an empty record only when `missingOk`. */
export function readDeploymentRecord(path: string, options: { missingOk?: boolean } = {}): DeploymentRecord {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' && options.missingOk === true) {
      return emptyDeploymentRecord();
    }
    throw new ContractsClientError('deployment_unreadable', `cannot read the deployment record ${path}`, {
      path,
      cause: String(error),
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ContractsClientError(
      'deployment_invalid',
      `the deployment record ${path} is not JSON: ${(error as Error).message}`,
      { path },
    );
  }
  const parsed = deploymentRecordSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length === 0 ? 'the top level' : issue.path.join('.');
    throw new ContractsClientError(
      'deployment_invalid',
      `the deployment record ${path} is malformed at ${where}: ${issue.message}`,
      { path, issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) },
    );
  }
  return parsed.data;
}

/** Writes the whole record atomically (a temporary file renamed over the old one). */
export function writeDeploymentRecord(path: string, record: DeploymentRecord): void {
  const checked = deploymentRecordSchema.parse(record);
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(checked, null, 2)}\n`);
  renameSync(temporary, path);
}

/** Adds or replaces contracts of one chain in the record at `path` (created if missing). */
export function recordContracts(
  path: string,
  chainId: string,
  contracts: Partial<Record<ContractRole, ContractDeployment>>,
): DeploymentRecord {
  const record = readDeploymentRecord(path, { missingOk: true });
  const chain = record.chains[chainId] ?? { contracts: {} };
  record.chains[chainId] = { contracts: { ...chain.contracts, ...contracts } };
  writeDeploymentRecord(path, record);
  return record;
}

/** The recorded deployment of `role` on `chainId`, or an error that says what is missing. */
export function deployedContract(
  record: DeploymentRecord,
  chainId: string,
  role: ContractRole,
  path?: string,
): ContractDeployment {
  const where = path === undefined ? 'the deployment record' : path;
  const chain = record.chains[chainId];
  if (chain === undefined) {
    const known = Object.keys(record.chains);
    throw new ContractsClientError(
      'chain_not_deployed',
      `${where} has no contracts for chain "${chainId}"${known.length > 0 ? ` (it has ${known.join(', ')})` : ''}`,
      { chainId, path, chains: known },
    );
  }
  const contract = chain.contracts[role];
  if (contract === undefined) {
    throw new ContractsClientError(
      'contract_not_deployed',
      `${where} has no ${role} contract for chain "${chainId}"`,
      { chainId, role, path },
    );
  }
  return contract;
}
