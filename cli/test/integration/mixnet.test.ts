// The scripted run: nine mix node homes and two gateway homes made with `nymts mixnode|gateway
// init`, bonded in one go by testnet/scripts/bond-nodes.ts (a separate process), epochs advanced
// with `nymts mixnet advance-epoch`, performance reported with `nymts mixnet reward`, and the
// rewarded set with its layers read by `nymts mixnet rewarded-set --output json` in a process of
// its own. Then the operator and delegator commands on one of the nodes.
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  NYM,
  startTestNetwork,
  type Account,
  type TestNetwork,
} from '@nymts/mixnode/test/integration/support/network';
import { bufferIo, runCli } from '../../src';

jest.setTimeout(300_000);

const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..', '..');
const BIN = join(ROOT, 'cli', 'bin', 'nymts.js');
const BOND_NODES = join(ROOT, 'testnet', 'scripts', 'bond-nodes.ts');

let net: TestNetwork;

/** Command output as the tests read it: JSON whose shape each assertion states. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a JSON tree, checked by the matchers
type Json = any;

beforeAll(async () => {
  net = await startTestNetwork({ rewardingParams: { rewarded_set_size: 9, active_set_size: 6 } });
});

afterAll(async () => {
  delete process.env.NYM_MNEMONIC;
  await net?.stop();
});

/** `nymts …` in this process (the chain answers from here too), as JSON. */
async function nymts(mnemonic: string | undefined, ...argv: string[]): Promise<{ code: number; json: Json }> {
  const io = bufferIo();
  if (mnemonic === undefined) delete process.env.NYM_MNEMONIC;
  else process.env.NYM_MNEMONIC = mnemonic;
  const code = await runCli(['--output', 'json', ...argv, ...chainFlags()], io);
  return { code, json: JSON.parse(io.stdout.join('')) };
}

const chainFlags = () => ['--node', net.url, '--deployment', net.deploymentPath];

async function init(kind: 'mixnode' | 'gateway', n: number): Promise<{ home: string; identity: string }> {
  const home = join(net.dir, `${kind}${n}`);
  const io = bufferIo();
  const ports = ['--mix-port', String(40_000 + 10 * n), '--http-port', String(40_001 + 10 * n)];
  const extra = kind === 'gateway' ? ['--clients-port', String(40_002 + 10 * n)] : [];
  const argv = ['-o', 'json', kind, 'init', '--home', home, '--host', '127.0.0.1', ...ports, ...extra];
  expect(await runCli(argv, io)).toBe(0);
  return { home, identity: (JSON.parse(io.stdout.join('')) as { identity_key: string }).identity_key };
}

test('nine mix nodes and two gateways bonded by script, epochs advanced, the rewarded set read by the CLI', async () => {
  const mixnodes: Array<{ home: string; identity: string }> = [];
  for (let n = 1; n <= 9; n++) mixnodes.push(await init('mixnode', n));
  const gateways = [await init('gateway', 10), await init('gateway', 11)];
  const owners: Account[] = [];
  for (let i = 0; i < 11; i++) owners.push(await net.account(1_000n * NYM));
  const plan = {
    nodes: [
      ...mixnodes.map(({ home }, i) => ({
        kind: 'mixnode',
        home,
        mnemonic: owners[i]!.mnemonic,
        pledge: String(100 + 50 * i),
        location: `rack ${i}`,
      })),
      ...gateways.map(({ home }, i) => ({
        kind: 'gateway',
        home,
        mnemonic: owners[9 + i]!.mnemonic,
        pledge: '100',
      })),
    ],
  };
  const planPath = join(net.dir, 'nodes.json');
  writeFileSync(planPath, JSON.stringify(plan));
  const bondNodes = () =>
    run(
      process.execPath,
      [
        '-r',
        '@nymts/ts-run/register',
        BOND_NODES,
        '--plan',
        planPath,
        '--node',
        net.url,
        '--deployment',
        net.deploymentPath,
      ],
      { cwd: ROOT },
    );
  const bonded = await bondNodes();
  const outcomes = JSON.parse(bonded.stdout) as Array<{
    ok: boolean;
    identity_key: string;
    mix_id: number | null;
  }>;
  expect(outcomes.map((o) => o.ok)).toEqual(new Array(11).fill(true));
  expect(outcomes.map((o) => o.identity_key)).toEqual([...mixnodes, ...gateways].map((n) => n.identity));
  const mixIds = outcomes.slice(0, 9).map((o) => o.mix_id!);
  expect(new Set(mixIds).size).toBe(9);
  expect(outcomes.slice(9).map((o) => o.mix_id)).toEqual([null, null]);

  // Running it again bonds nothing: every node's owner has a node and every identity key is taken.
  const again = await bondNodes().catch((error: { code: number; stdout: string }) => error);
  expect((again as { code?: number }).code).toBe(1);
  expect((JSON.parse(again.stdout) as Array<{ ok: boolean }>).every((o) => !o.ok)).toBe(true);

  const validator = net.validator.mnemonic;
  const early = await nymts(validator, 'mixnet', 'advance-epoch');
  expect(early.json.error).toMatchObject({ code: 'epoch_in_progress' });
  const advanced: number[] = [];
  for (let epoch = 0; epoch < 2; epoch++) {
    await net.endEpoch();
    if (epoch === 1) {
      const set = (await nymts(undefined, 'mixnet', 'rewarded-set')).json as {
        nodes: Array<{ mix_id: number }>;
      };
      for (const node of set.nodes) {
        expect((await nymts(validator, 'mixnet', 'reward', String(node.mix_id), '0.9')).code).toBe(0);
      }
      const gateway = await nymts(validator, 'mixnet', 'reward', gateways[0]!.identity, '0.75');
      expect(gateway.json).toMatchObject({ action: 'report_gateway_performance', performance: '0.75' });
    }
    const result = await nymts(
      validator,
      'mixnet',
      'advance-epoch',
      '--randomness',
      `${epoch}`.padStart(64, 'a'),
    );
    expect(result.code).toBe(0);
    advanced.push(result.json.epoch_id as number);
  }
  expect(advanced).toEqual([1, 2]);

  const { stdout } = await run(
    process.execPath,
    [BIN, 'mixnet', 'rewarded-set', '--output', 'json', ...chainFlags()],
    { cwd: ROOT },
  );
  const set = JSON.parse(stdout) as {
    metadata: {
      epoch_id: number;
      active_set_size: number;
      standby_set_size: number;
      layer1: number;
      layer2: number;
      layer3: number;
    };
    nodes: Array<{
      mix_id: number;
      status: string;
      layer: number | null;
      last_performance: string | null;
      mix_node: { identity_key: string; host: string; mix_port: number };
    }>;
  };
  expect(set.metadata).toMatchObject({
    epoch_id: 2,
    active_set_size: 6,
    standby_set_size: 3,
    layer1: 2,
    layer2: 2,
    layer3: 2,
  });
  expect(set.nodes.map((n) => n.mix_id).sort((a, b) => a - b)).toEqual([...mixIds].sort((a, b) => a - b));
  for (const node of set.nodes) {
    expect(node.layer).toEqual(node.status === 'active' ? expect.any(Number) : null);
    const index = mixIds.indexOf(node.mix_id);
    expect(node.mix_node).toMatchObject({
      identity_key: mixnodes[index]!.identity,
      host: '127.0.0.1',
      mix_port: 40_000 + 10 * (index + 1),
    });
    expect(node.last_performance).toBe('0.9');
  }
  for (const layer of [1, 2, 3]) expect(set.nodes.filter((n) => n.layer === layer)).toHaveLength(2);

  // The operator and delegator commands on the first node.
  const operator = owners[0]!.mnemonic;
  const delegator = owners[1]!.mnemonic; // owns node 2 and delegates to node 1
  const earned = (await nymts(operator, 'mixnode', 'rewards')).json.earned.unym as string;
  expect(BigInt(earned)).toBeGreaterThan(0n);
  const withdrawn = await nymts(operator, 'mixnode', 'withdraw-rewards');
  expect(withdrawn.json).toMatchObject({
    action: 'withdraw_operator_reward',
    mix_id: mixIds[0],
    amount: { unym: earned },
  });
  expect((await nymts(operator, 'mixnode', 'rewards')).json.earned.unym).toBe('0');
  expect((await nymts(delegator, 'delegate', String(mixIds[0]), '25')).json).toMatchObject({
    action: 'delegate',
  });
  expect(
    (await nymts(operator, 'mixnode', 'update-cost', '--profit-margin', '12.5%')).json.new_costs,
  ).toEqual({
    profit_margin_percent: '0.125',
    interval_operating_cost: '40000000',
  });
  expect((await nymts(operator, 'mixnode', 'pledge-more', '10')).code).toBe(0);
  await net.endEpoch();
  expect((await nymts(validator, 'mixnet', 'advance-epoch')).code).toBe(0);
  const delegators = await nymts(undefined, 'mixnode', 'delegators', String(mixIds[0]));
  expect(delegators.json.delegations).toEqual([
    expect.objectContaining({ owner: owners[1]!.address, amount: { unym: '25000000', nym: '25' } }),
  ]);
  const details = await net.admin.mixnet.getMixnodeDetails({ mixId: mixIds[0]! });
  expect(details.mixnode_details?.bond_information.original_pledge).toBe('110000000');
  expect((await nymts(delegator, 'undelegate', String(mixIds[0]))).code).toBe(0);
  expect((await nymts(operator, 'mixnode', 'decrease-pledge', '5')).code).toBe(0);
  expect(
    (await nymts(operator, 'mixnode', 'update-config', '--home', mixnodes[0]!.home, '--location', 'moved'))
      .code,
  ).toBe(0);
  expect(
    (await net.admin.mixnet.getMixnodeDetails({ mixId: mixIds[0]! })).mixnode_details?.bond_information
      .mix_node.location,
  ).toBe('moved');
  const gatewayOwner = owners[9]!.mnemonic;
  expect(
    (
      await nymts(
        gatewayOwner,
        'gateway',
        'update-config',
        '--home',
        gateways[0]!.home,
        '--location',
        'there',
      )
    ).code,
  ).toBe(0);
  expect((await nymts(gatewayOwner, 'gateway', 'unbond')).json).toMatchObject({
    action: 'unbond_gateway',
    identity_key: gateways[0]!.identity,
  });
  expect((await nymts(operator, 'mixnode', 'unbond')).json).toMatchObject({
    action: 'unbond_mixnode',
    mix_id: mixIds[0],
  });
  const epoch = await nymts(undefined, 'mixnet', 'epoch');
  expect(epoch.json).toMatchObject({ epoch_id: 3, state: 'in_progress', is_epoch_over: false });
});
