import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { instantiate2Address } from '@cosmjs/cosmwasm-stargate';
import { toBech32 } from '@cosmjs/encoding';
import fc from 'fast-check';
import { classicContractAddress, predictableContractAddress, WasmKeeper } from '../../src/wasm';
import { account, contractWasm, Harness, PREFIX, cw20Init } from './support/harness';

const [alice, bob] = [account(1), account(2)];
const hex = (text: string) => new Uint8Array(Buffer.from(text, 'hex'));
describe('contract addresses', () => {
  it('derives classic addresses as wasmd does (code 1, instance 1)', () => {
    expect(toBech32('wasm', classicContractAddress(1n, 1n))).toBe(
      'wasm14hj2tavq8fpesdwxxcu44rty3hh90vhujrvcmstl4zr3txmfvw9s0phg4d',
    );
  });

  it('matches the cosmwasm-std instantiate2 vector', () => {
    const address = predictableContractAddress(
      hex('13a1fc994cc6d1c81b746ee0c0ff6f90043875e0bf1d9be6b7d779fc978dc2a5'),
      hex('9999999999aaaaaaaaaabbbbbbbbbbcccccccccc'),
      hex('61'),
      new Uint8Array(),
    );
    expect(Buffer.from(address).toString('hex')).toBe(
      '5e865d3e45ad3e961f77fd77d46543417ced44d924dc3e079b5415ff6775f847',
    );
  });

  it('matches cosmjs instantiate2Address for any checksum, creator and salt', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 32, maxLength: 32 }),
        fc.uint8Array({ minLength: 20, maxLength: 32 }),
        fc.uint8Array({ minLength: 1, maxLength: 64 }),
        (checksum, creatorBytes, salt) => {
          const creator = toBech32(PREFIX, creatorBytes);
          const ours = toBech32(
            PREFIX,
            predictableContractAddress(checksum, creatorBytes, salt, new Uint8Array()),
          );
          expect(ours).toBe(instantiate2Address(checksum, creator, salt, PREFIX));
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe('instance recycling and the module cache', () => {
  function run(mode: 'new' | 'restored', cacheDirectory?: string) {
    const h = new Harness({ instanceMode: mode, cacheDirectory });
    const gasUsed: number[] = [];
    const codeId = h.upload(alice, contractWasm('cw20-base'));
    gasUsed.push(h.lastGasUsed);
    const token = h.instantiate(alice, codeId, cw20Init(alice)).address;
    gasUsed.push(h.lastGasUsed);
    for (let i = 0; i < 20; i++) {
      h.execute(alice, token, { transfer: { recipient: account(10 + (i % 3)), amount: String(i + 1) } });
      gasUsed.push(h.lastGasUsed);
      expect(() => h.execute(alice, token, { transfer: { recipient: bob, amount: '999999' } })).toThrow(
        /Cannot Sub|Overflow/,
      );
      gasUsed.push(h.lastGasUsed);
    }
    return { snapshot: h.snapshot(), gasUsed, keeper: h.keeper };
  }

  it('gives the same state and gas whether instances are new or restored', () => {
    const fresh = run('new');
    const restored = run('restored');
    expect(restored.snapshot).toEqual(fresh.snapshot);
    expect(restored.gasUsed).toEqual(fresh.gasUsed);
  });

  it('keeps instrumented modules on disk so a restart does not instrument again', () => {
    const directory = mkdtempSync(join(tmpdir(), 'nymts-wasm-cache-'));
    try {
      const first = run('restored', directory);
      expect(first.keeper.cache.stats.instrumented).toBe(1);
      expect(readdirSync(directory)).toHaveLength(1);
      const restarted = new WasmKeeper({ cacheDirectory: directory });
      const checksum = new Uint8Array(Buffer.from(readdirSync(directory)[0]!.split('.')[0]!, 'hex'));
      restarted.cache.get(checksum, () => {
        throw new Error('must not need the original bytes');
      });
      expect(restarted.cache.stats).toEqual({ instrumented: 0, loadedFromDisk: 1, fromMemory: 0 });
      // a damaged file is ignored and the module instrumented again from the stored bytecode
      writeFileSync(join(directory, readdirSync(directory)[0]!), 'garbage');
      const again = new WasmKeeper({ cacheDirectory: directory });
      again.cache.get(checksum, () => contractWasm('cw20-base'));
      expect(again.cache.stats.instrumented).toBe(1);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
