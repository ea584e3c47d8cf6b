import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { type Chain, DEV_MNEMONICS, startChain } from '@nymts/chain';
import {
  connectReader,
  type ReadSession,
  readDeploymentRecord,
  walletFromMnemonic,
} from '@nymts/contracts-client';
import { createMixnetTopologyProvider } from '@nymts/topology';
import { deployToChain, type Deployment } from '../../src/deploy';
import { deployOptionsFrom } from '../../src/deploy-cli';
import { recordedMixnet, writeTopologyOnce } from '../../src/topology-writer';

// The compose deploy step against the embedded chain over RPC: the three contracts deployed and
// wired, the record written, operators funded; a second run changes nothing; a record the chain
// does not match is redeployed; the entry runs as a process with the environment compose gives it.
jest.setTimeout(120_000);

const ROOT = resolve(__dirname, '../../..');
const run = promisify(execFile);

let chain: Chain & { rpc: NonNullable<Chain['rpc']> };
let reader: ReadSession;
let dir: string;
let path: string;
let first: Deployment;

async function address(n: number): Promise<string> {
  const [account] = await (await walletFromMnemonic(DEV_MNEMONICS[n]!)).getAccounts();
  return account!.address;
}

beforeAll(async () => {
  chain = await startChain({ blockTime: 'instant', rpc: { port: 0 } });
  reader = await connectReader(chain.rpc.url);
  dir = mkdtempSync(join(tmpdir(), 'nymts-deploy-'));
  path = join(dir, 'deployments.json');
});

afterAll(async () => {
  reader?.disconnect();
  await chain?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('deploying to a chain over RPC', () => {
  it('deploys the token, vesting and mixnet wired together, records them and funds the operators', async () => {
    const progress: string[] = [];
    const outcome = await deployToChain(
      { rpcUrl: chain.rpc.url, deploymentPath: path, epochSeconds: 60, fundDevAccounts: 3 },
      { progress: (line) => progress.push(line) },
    );
    expect(outcome.kind).toBe('deployed');
    first = outcome.contracts;
    expect(readDeploymentRecord(path).chains[outcome.chainId]!.contracts).toEqual(first);
    expect(progress[0]).toMatch(/^deploying the NYM token, vesting and mixnet contracts to nyx-local as n1/);

    const state = (await reader.client.queryContractSmart(first.mixnet.address, { get_state: {} })) as Record<
      string,
      unknown
    >;
    expect(state).toMatchObject({
      token_address: first.nym_token.address,
      vesting_contract_address: first.vesting.address,
      rewarding_validator_address: await address(0),
    });
    const interval = (await reader.client.queryContractSmart(first.mixnet.address, {
      get_current_interval_details: {},
    })) as { interval: { epoch_length_secs: number } };
    expect(interval.interval.epoch_length_secs).toBe(60);
    for (const n of [1, 2, 3]) {
      const balance = (await reader.client.queryContractSmart(first.nym_token.address, {
        balance: { address: await address(n) },
      })) as { balance: string };
      expect(balance.balance).toBe('1000000000');
    }
    const outsider = (await reader.client.queryContractSmart(first.nym_token.address, {
      balance: { address: await address(4) },
    })) as { balance: string };
    expect(outsider.balance).toBe('0');
  });

  it('changes nothing when the chain already has the recorded contracts', async () => {
    const before = readFileSync(path, 'utf8');
    const outcome = await deployToChain({ rpcUrl: chain.rpc.url, deploymentPath: path, fundDevAccounts: 3 });
    expect(outcome).toEqual({ kind: 'already_deployed', chainId: 'nyx-local', contracts: first });
    expect(readFileSync(path, 'utf8')).toBe(before);
  });

  it('leads the topology writer to the recorded mixnet, which has no layers before nodes bond', async () => {
    const mixnetAddress = await recordedMixnet(chain.rpc.url, path);
    expect(mixnetAddress).toBe(first.mixnet.address);
    const provider = createMixnetTopologyProvider({ rpcUrl: chain.rpc.url, mixnetAddress });
    try {
      expect(await writeTopologyOnce(provider, join(dir, 'topology.json'))).toEqual({
        kind: 'incomplete',
        missing: ['layer 1', 'layer 2', 'layer 3', 'a gateway'],
      });
    } finally {
      provider.close();
    }
    await expect(recordedMixnet(chain.rpc.url, join(dir, 'none.json'))).rejects.toThrow(
      /cannot read the deployment record/,
    );
  });

  it('runs as the compose entry, configured by the environment', async () => {
    const { stdout, stderr } = await run(
      process.execPath,
      ['-r', '@nymts/ts-run/register', join(ROOT, 'docker/src/deploy-cli.ts')],
      {
        cwd: ROOT,
        env: { ...process.env, NYM_NODE: chain.rpc.url, NYM_DEPLOYMENT: path, NYMTS_FUND_DEV_ACCOUNTS: '3' },
      },
    );
    expect(JSON.parse(stdout)).toEqual({
      kind: 'already_deployed',
      chainId: 'nyx-local',
      contracts: first,
      deployment: path,
    });
    expect(stderr).toMatch(/^deploy: chain nyx-local already has the recorded contracts/);
  });

  it('deploys again when the record does not match the chain, keeping other chains in the record', async () => {
    const record = readDeploymentRecord(path);
    record.chains['nyx-local']!.contracts.mixnet!.code_id = 99;
    record.chains['elsewhere'] = { contracts: { nym_token: { code_id: 1, address: 'n1elsewhere' } } };
    writeFileSync(path, JSON.stringify(record));
    const outcome = await deployToChain({ rpcUrl: chain.rpc.url, deploymentPath: path });
    expect(outcome.kind).toBe('deployed');
    expect(outcome.contracts.mixnet.address).not.toBe(first.mixnet.address);
    const written = readDeploymentRecord(path);
    expect(written.chains['nyx-local']!.contracts).toEqual(outcome.contracts);
    expect(written.chains['elsewhere']).toEqual(record.chains['elsewhere']);
  });

  it('says what is wrong with the endpoint, the key or an option', async () => {
    await expect(
      deployToChain({ rpcUrl: 'http://127.0.0.1:1', deploymentPath: path, waitForChainMs: 1500 }),
    ).rejects.toThrow(
      /^the chain at http:\/\/127.0.0.1:1 did not come up within 1500 ms: cannot reach the chain/,
    );
    await expect(
      deployToChain({ rpcUrl: chain.rpc.url, deploymentPath: path, mnemonic: 'not a mnemonic' }),
    ).rejects.toThrow(/the mnemonic is not a valid BIP-39 phrase \(3 words\)/);
    await expect(
      deployToChain({ rpcUrl: chain.rpc.url, deploymentPath: path, fundDevAccounts: 10 }),
    ).rejects.toThrow('there are 9 dev accounts to fund, not 10');
    expect(() => deployOptionsFrom(['--nodes', 'x'], {})).toThrow(/Unknown option '--nodes'/);
    expect(deployOptionsFrom([], { NYM_NODE: 'http://wasmd:26657', NYMTS_WAIT_SECONDS: '5' })).toMatchObject({
      rpcUrl: 'http://wasmd:26657',
      mnemonic: DEV_MNEMONICS[0],
      waitForChainMs: 5000,
    });
  });
});
