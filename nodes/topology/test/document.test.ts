import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createJsonFileTopologyProvider,
  parseTopologyDocument,
  topologyDocument,
  writeTopologyFile,
} from '../src';
import { nodeKeys } from './support/keys';

function document() {
  const mix = (layer: number, n: number) => ({
    ...keys(),
    host: `127.0.0.${n}`,
    mixPort: 1789 + n,
    layer,
    performance: 1,
  });
  const keys = () => {
    const { identityKey, sphinxKey } = nodeKeys();
    return { identityKey, sphinxKey };
  };
  return {
    mixnodes: [mix(1, 1), mix(2, 2), mix(3, 3)],
    gateways: [
      { ...keys(), host: '::1', mixPort: 1800, clientsPort: 9000, performance: 0.75 },
      { ...keys(), host: '127.0.0.9', mixPort: 1801, performance: 1 },
    ],
  };
}

describe('topology files', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'nymts-topology-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('hold what the client reads back', async () => {
    const source = document();
    const { topology } = parseTopologyDocument(source);
    expect(topologyDocument(topology)).toEqual(source);
    const path = join(dir, 'nested', 'topology.json');
    writeTopologyFile(path, topology);
    expect(readdirSync(join(dir, 'nested'))).toEqual(['topology.json']);
    expect(await createJsonFileTopologyProvider(path).fetch()).toEqual(topology);
  });

  it('that are missing or malformed give errors that name the file', async () => {
    const missing = join(dir, 'missing.json');
    await expect(createJsonFileTopologyProvider(missing).fetch()).rejects.toThrow(
      `cannot read topology file ${missing}`,
    );
    const { topology } = parseTopologyDocument(document());
    const path = join(dir, 'topology.json');
    writeTopologyFile(path, topology);
    writeFileSync(path, '{"mixnodes": [');
    await expect(createJsonFileTopologyProvider(path).fetch()).rejects.toThrow(
      `topology file ${path} is not JSON`,
    );
  });
});
