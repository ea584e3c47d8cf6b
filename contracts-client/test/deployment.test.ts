import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  ContractsClientError,
  defaultDeploymentPath,
  deployedContract,
  readDeploymentRecord,
  recordContracts,
  writeDeploymentRecord,
  type ContractDeployment,
} from '../src';

const TOKEN: ContractDeployment = {
  code_id: 1,
  address: 'n14hj2tavq8fpesdwxxcu44rty3hh90vhujrvcmstl4zr3txmfvw9sjyvg6h',
  checksum: 'a'.repeat(64),
  label: 'NYM token',
};
const VESTING: ContractDeployment = { code_id: 2, address: 'n1vesting' };

describe('the deployment record', () => {
  let dir: string;
  let path: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'nymts-deployment-'));
    path = join(dir, 'nested', 'deployments.json');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const errorOf = (run: () => unknown): ContractsClientError => {
    try {
      run();
    } catch (error) {
      if (error instanceof ContractsClientError) return error;
      throw error;
    }
    throw new Error('expected an error');
  };

  it('lives in ~/.nym/deployments.json by default', () => {
    expect(defaultDeploymentPath('/home/op')).toBe('/home/op/.nym/deployments.json');
  });

  it('records contracts per chain, merging into what is there, and reads them back', () => {
    recordContracts(path, 'nyx-local', { nym_token: TOKEN });
    recordContracts(path, 'nyx-local', { vesting: VESTING });
    recordContracts(path, 'other-chain', { nym_token: { ...TOKEN, code_id: 7 } });
    const record = readDeploymentRecord(path);
    expect(deployedContract(record, 'nyx-local', 'nym_token')).toEqual(TOKEN);
    expect(deployedContract(record, 'nyx-local', 'vesting')).toEqual(VESTING);
    expect(deployedContract(record, 'other-chain', 'nym_token').code_id).toBe(7);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({
      version: 1,
      chains: {
        'nyx-local': { contracts: { nym_token: TOKEN, vesting: VESTING } },
        'other-chain': { contracts: { nym_token: { ...TOKEN, code_id: 7 } } },
      },
    });
  });

  it('replaces a redeployed contract and leaves no temporary files behind', () => {
    recordContracts(path, 'nyx-local', { nym_token: TOKEN });
    recordContracts(path, 'nyx-local', { nym_token: { ...TOKEN, code_id: 3 } });
    expect(deployedContract(readDeploymentRecord(path), 'nyx-local', 'nym_token').code_id).toBe(3);
    expect(readdirSync(join(dir, 'nested'))).toEqual(['deployments.json']);
  });

  it('says which chain or contract is missing', () => {
    recordContracts(path, 'nyx-local', { nym_token: TOKEN });
    const record = readDeploymentRecord(path);
    const noChain = errorOf(() => deployedContract(record, 'nyx-1', 'nym_token', path));
    expect(noChain.code).toBe('chain_not_deployed');
    expect(noChain.message).toBe(`${path} has no contracts for chain "nyx-1" (it has nyx-local)`);
    const noContract = errorOf(() => deployedContract(record, 'nyx-local', 'mixnet', path));
    expect(noContract.code).toBe('contract_not_deployed');
    expect(noContract.message).toBe(`${path} has no mixnet contract for chain "nyx-local"`);
  });

  it('treats a missing file as empty only when asked to', () => {
    expect(readDeploymentRecord(path, { missingOk: true })).toEqual({ version: 1, chains: {} });
    expect(errorOf(() => readDeploymentRecord(path)).code).toBe('deployment_unreadable');
  });

  it.each([
    ['not JSON', '{"version": 1,', /is not JSON/],
    ['another version', '{"version": 2, "chains": {}}', /malformed at version/],
    [
      'a bad code id',
      '{"version":1,"chains":{"c":{"contracts":{"vesting":{"code_id":0,"address":"x"}}}}}',
      /malformed at chains\.c\.contracts\.vesting\.code_id/,
    ],
    [
      'a misspelt field',
      '{"version":1,"chains":{"c":{"contracts":{"vesting":{"code_id":1,"adress":"x"}}}}}',
      /malformed at chains\.c\.contracts\.vesting/,
    ],
  ])('refuses a record with %s, naming the file and the place', (_what, text, message) => {
    writeFileSync(join(dir, 'bad.json'), text);
    const error = errorOf(() => readDeploymentRecord(join(dir, 'bad.json')));
    expect(error.code).toBe('deployment_invalid');
    expect(error.message).toContain(join(dir, 'bad.json'));
    expect(error.message).toMatch(message);
  });

  it('never writes a malformed record', () => {
    const bad = { version: 1, chains: { c: { contracts: { vesting: { code_id: -1, address: '' } } } } };
    expect(() => writeDeploymentRecord(path, bad as never)).toThrow();
    expect(readDeploymentRecord(path, { missingOk: true })).toEqual({ version: 1, chains: {} });
  });
});
