import { mkdirSync, mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readState, resetTestnet, TestnetError, testnetLayout, writeState, type TestnetState } from '../src';

const STATE: TestnetState = {
  version: 1,
  chainId: 'nyx-localnet',
  rpcPort: 26657,
  blockTime: '500ms',
  admin: 'n1admin',
  nodes: [],
  pendingNodes: [{ id: 'mix-1', role: 'mixnode', ports: { mix: 1789, http: 8000 } }],
  clients: [],
  contracts: { nym_token: 'n1token' },
  steps: { contracts: true, firstEpoch: false },
};

const folder = (): string => mkdtempSync(join(tmpdir(), 'nymts-testnet-state-'));

describe('the state file', () => {
  it('round-trips and is absent before the network exists', () => {
    const path = join(folder(), 'testnet.json');
    expect(readState(path)).toBeUndefined();
    writeState(path, STATE);
    expect(readState(path)).toEqual(STATE);
  });

  it('names the damaged field', () => {
    const path = join(folder(), 'testnet.json');
    writeFileSync(path, JSON.stringify({ ...STATE, rpcPort: 'x' }));
    expect(() => readState(path)).toThrow(/rpcPort/);
    writeFileSync(path, '{');
    expect(() => readState(path)).toThrow(TestnetError);
  });
});

describe('resetTestnet', () => {
  it('deletes a stopped network and says when there was none', () => {
    const home = join(folder(), 'net');
    const layout = testnetLayout(home);
    writeState(layout.state, {
      ...STATE,
      supervisor: { pid: 2 ** 22 + 1, startedAt: 'then', processes: {} },
    });
    mkdirSync(layout.chainHome);
    expect(resetTestnet(home)).toEqual({ home: layout.home, removed: true });
    expect(existsSync(home)).toBe(false);
    expect(resetTestnet(home)).toEqual({ home: layout.home, removed: false });
  });

  it('refuses while the supervisor runs', () => {
    const home = join(folder(), 'net');
    writeState(testnetLayout(home).state, {
      ...STATE,
      supervisor: { pid: process.pid, startedAt: 'now', processes: {} },
    });
    expect(() => resetTestnet(home)).toThrow(/is running/);
    expect(existsSync(home)).toBe(true);
  });

  it('refuses a folder that holds more than a network', () => {
    const home = folder();
    writeFileSync(join(home, 'thesis.tex'), 'precious');
    expect(() => resetTestnet(home)).toThrow(/not deleting it/);
    expect(existsSync(join(home, 'thesis.tex'))).toBe(true);
  });
});
