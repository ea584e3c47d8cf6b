import { buildGenesis, parseGenesis } from '../src/config/genesis';
import {
  parseDuration,
  parseListenAddress,
  parseNodeConfig,
  renderNodeConfig,
  validateNodeConfig,
} from '../src/config/node-config';
import { generateEd25519Key, keyFromJson, keyToJson } from '../src/node/validator-key';
import { merkleRoot } from '../src/node/cometbft-hash';
import { sha256 } from '../src/crypto/hash';

describe('config.toml', () => {
  it('fills defaults and round-trips through the rendered file', () => {
    const defaults = validateNodeConfig({}, 'test');
    expect(defaults.consensus.block_time).toBe('1s');
    expect(defaults.app.minimum_gas_prices).toBe('0.025unyx');
    const custom = validateNodeConfig(
      { dev: true, consensus: { block_time: 'instant' }, rpc: { laddr: 'tcp://0.0.0.0:1234' } },
      'test',
    );
    expect(parseNodeConfig(renderNodeConfig(custom), 'rendered')).toEqual(custom);
  });

  it.each([
    [
      'an unknown key',
      'moniker = "x"\nmonikr = "typo"\n',
      /invalid configuration in f.toml: \(root\): Unrecognized key/,
    ],
    ['a bad duration', '[consensus]\nblock_time = "fast"\n', /consensus.block_time/],
    [
      'a bad gas price',
      '[app]\nminimum_gas_prices = "cheap"\n',
      /app.minimum_gas_prices: expected gas prices/,
    ],
    ['a wrong type', 'dev = "yes"\n', /dev: /],
    ['broken TOML', 'dev = \n', /f.toml is not valid TOML/],
  ])('rejects %s with the path of the problem', (_name, toml, message) => {
    expect(() => parseNodeConfig(toml, 'f.toml')).toThrow(message);
  });

  it('parses durations and listen addresses', () => {
    expect(parseDuration('500ms')).toBe(500);
    expect(parseDuration('2m')).toBe(120_000);
    expect(() => parseDuration('1.5s')).toThrow(/invalid duration/);
    expect(parseListenAddress('tcp://127.0.0.1:26657')).toEqual({ host: '127.0.0.1', port: 26657 });
    expect(parseListenAddress('[::1]:0')).toEqual({ host: '::1', port: 0 });
    expect(() => parseListenAddress('localhost')).toThrow(/expected host:port/);
    expect(() => parseListenAddress('h:99999')).toThrow(/expected host:port/);
  });
});

describe('genesis', () => {
  const validator = generateEd25519Key();
  const json = buildGenesis({
    chainId: 'nyx-test',
    genesisTime: { seconds: 1_700_000_000n, nanos: 5 },
    validator,
    accounts: [
      { address: 'n19rl4cm2hmr8afy4kldpxz3fka4jguq0awy6lqs', coins: [{ denom: 'unyx', amount: 5n }] },
      { address: 'n19rl4cm2hmr8afy4kldpxz3fka4jguq0awy6lqs', coins: [{ denom: 'unyx', amount: 7n }] },
    ],
  });

  it('merges repeated accounts and parses back', () => {
    const genesis = parseGenesis(json, 'built');
    expect(genesis.chainId).toBe('nyx-test');
    expect(genesis.genesisTime).toEqual({ seconds: 1_700_000_000n, nanos: 5 });
    expect(genesis.appState.bank).toMatchObject({ balances: [{ coins: [{ denom: 'unyx', amount: '12' }] }] });
    expect(Buffer.from(genesis.validators[0]!.publicKey)).toEqual(Buffer.from(validator.publicKey));
  });

  it('reports every invalid field with its path', () => {
    const broken = { ...json, chain_id: 'has spaces', consensus_params: { block: { max_bytes: 'lots' } } };
    expect(() => parseGenesis(broken, 'g.json')).toThrow(
      /invalid genesis g.json: chain_id: .*; consensus_params.block.max_bytes/,
    );
  });
});

describe('validator keys', () => {
  it('survive the CometBFT key-file format and sign verifiably', () => {
    const key = generateEd25519Key();
    const loaded = keyFromJson(JSON.parse(JSON.stringify(keyToJson(key))), 'key.json');
    expect(Buffer.from(loaded.address)).toEqual(Buffer.from(key.address));
    expect(Buffer.from(loaded.sign(Uint8Array.of(1, 2, 3)))).toEqual(
      Buffer.from(key.sign(Uint8Array.of(1, 2, 3))),
    );
    expect(() =>
      keyFromJson({ priv_key: { type: 'tendermint/PrivKeyEd25519', value: 'AAAA' } }, 'bad.json'),
    ).toThrow(/64 bytes/);
  });
});

describe('CometBFT Merkle roots', () => {
  it('hash leaves and inner nodes with RFC 6962 prefixes and the power-of-two split', () => {
    const [a, b, c] = [Uint8Array.of(1), Uint8Array.of(2), Uint8Array.of(3)];
    const leaf = (x: Uint8Array) => sha256(Uint8Array.of(0), x);
    const inner = (l: Uint8Array, r: Uint8Array) => sha256(Uint8Array.of(1), l, r);
    expect(Buffer.from(merkleRoot([])).toString('hex')).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    expect(merkleRoot([a!])).toEqual(leaf(a!));
    expect(merkleRoot([a!, b!, c!])).toEqual(inner(inner(leaf(a!), leaf(b!)), leaf(c!)));
  });
});
