import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { instantiate2Address } from '@cosmjs/cosmwasm-stargate';
import { toBech32 } from '@cosmjs/encoding';
import { AccessType } from 'cosmjs-types/cosmwasm/wasm/v1/types';
import fc from 'fast-check';
import {
  classicContractAddress,
  createGasMeter,
  predictableContractAddress,
  WasmKeeper,
  type WasmContext,
} from '../../src/wasm';
import { account, contractWasm, Harness, PREFIX } from './support/harness';
import { MemoryBank } from './support/memory-bank';
import { MemoryStore } from './support/memory-store';

const [alice, bob] = [account(1), account(2)];
const json = (value: unknown) => new TextEncoder().encode(JSON.stringify(value));
const hex = (text: string) => new Uint8Array(Buffer.from(text, 'hex'));
const cw20Init = (owner: string) => ({
  name: 'Nym',
  symbol: 'NYM',
  decimals: 6,
  initial_balances: [{ address: owner, amount: '1000' }],
  mint: null,
});

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

describe('wasm keeper: code and contract lifecycle', () => {
  const h = new Harness();
  let codeId: bigint;
  let checksum: Uint8Array;

  beforeAll(() => {
    const ctx = h.ctx();
    const outcome = h.keeper.storeCode(ctx, {
      sender: alice,
      wasmByteCode: gzipSync(contractWasm('cw20-base')),
    });
    codeId = outcome.response.codeId;
    checksum = outcome.response.checksum;
    expect(outcome.events).toEqual([
      {
        type: 'store_code',
        attributes: [
          { key: 'code_checksum', value: Buffer.from(checksum).toString('hex') },
          { key: 'code_id', value: '1' },
        ],
      },
    ]);
  });

  it('stores gzip-compressed code under the checksum of the uncompressed bytes', () => {
    const code = h.keeper.getCode(h.store, codeId);
    expect(code?.info.creator).toBe(alice);
    expect(Buffer.from(code!.wasm)).toEqual(Buffer.from(contractWasm('cw20-base')));
    expect(h.keeper.codes(h.store).items.map((entry) => entry.codeId)).toEqual([1n]);
  });

  it('rejects invalid code with wasmd create-failed, leaving no code id behind', () => {
    const ctx = h.ctx();
    expect(() =>
      h.keeper.storeCode(ctx, {
        sender: alice,
        wasmByteCode: new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0]),
      }),
    ).toThrow(
      expect.objectContaining({
        codespace: 'wasm',
        code: 2,
        message: expect.stringMatching(/wasm validation failed \[memory\].*create wasm contract failed/),
      }),
    );
    expect(h.keeper.codes(h.store).items).toHaveLength(1);
  });

  it('instantiates at the classic address and records info, history and indexes', () => {
    const { address, events } = h.instantiate(alice, codeId, cw20Init(alice), {
      admin: alice,
      label: 'token',
    });
    expect(address).toBe(toBech32(PREFIX, classicContractAddress(codeId, 1n)));
    expect(events[0]).toEqual({
      type: 'instantiate',
      attributes: [
        { key: '_contract_address', value: address },
        { key: 'code_id', value: '1' },
      ],
    });
    expect(h.keeper.getContractInfo(h.store, address)).toMatchObject({
      codeId,
      creator: alice,
      admin: alice,
      label: 'token',
    });
    expect(h.keeper.getContractHistory(h.store, address).items).toEqual([
      expect.objectContaining({ operation: 1, codeId, msg: json(cw20Init(alice)) }),
    ]);
    expect(h.keeper.contractsByCode(h.store, codeId).items).toEqual([address]);
    expect(h.keeper.contractsByCreator(h.store, alice).items).toEqual([address]);
    const second = h.instantiate(bob, codeId, cw20Init(bob)).address;
    expect(second).toBe(toBech32(PREFIX, classicContractAddress(codeId, 2n)));
    expect(h.keeper.contractsByCode(h.store, codeId, { limit: 1 })).toEqual({
      items: [address],
      nextKey: expect.any(Uint8Array),
    });
  });

  it('instantiate2 derives the address cosmjs predicts and refuses a second contract there', () => {
    const salt = new TextEncoder().encode('nym');
    const ctx = h.ctx();
    const msg = {
      sender: alice,
      admin: '',
      codeId,
      label: 'predictable',
      msg: json(cw20Init(alice)),
      funds: [],
      salt,
      fixMsg: false,
    };
    const { response } = h.keeper.instantiate2(ctx, msg);
    expect(response.address).toBe(instantiate2Address(checksum, alice, salt, PREFIX));
    expect(() => h.keeper.instantiate2(h.ctx(), msg)).toThrow(/contract address already exists/);
  });

  it('answers raw and paginated state queries', () => {
    const token = h.keeper.contractsByCode(h.store, codeId).items[0]!;
    const info = h.keeper.queryRaw(
      { store: h.store, block: h.ctx().block },
      token,
      new TextEncoder().encode('token_info'),
    );
    expect(JSON.parse(Buffer.from(info).toString())).toMatchObject({ name: 'Nym', symbol: 'NYM' });
    const all = h.keeper.allContractState({ store: h.store, block: h.ctx().block }, token);
    expect(all.items.length).toBeGreaterThan(2);
    const firstPage = h.keeper.allContractState({ store: h.store, block: h.ctx().block }, token, {
      limit: 2,
    });
    const secondPage = h.keeper.allContractState({ store: h.store, block: h.ctx().block }, token, {
      limit: 2,
      key: firstPage.nextKey,
    });
    expect([...firstPage.items, ...secondPage.items]).toEqual(all.items.slice(0, 4));
  });

  it('lets only the admin migrate, update and clear the admin', () => {
    const token = h.keeper.contractsByCode(h.store, codeId).items[0]!;
    const migrate = { sender: bob, contract: token, codeId, msg: json({}) };
    expect(() => h.keeper.migrate(h.ctx(), migrate)).toThrow(/can not migrate: unauthorized/);
    const migrated = h.keeper.migrate(h.ctx(), { ...migrate, sender: alice });
    expect(migrated.events.map((e) => e.type)).toContain('migrate');
    expect(h.keeper.getContractHistory(h.store, token).items.map((entry) => entry.operation)).toEqual([1, 2]);
    expect(() => h.keeper.updateAdmin(h.ctx(), { sender: bob, contract: token, newAdmin: bob })).toThrow(
      /can not modify contract/,
    );
    const updated = h.keeper.updateAdmin(h.ctx(), { sender: alice, contract: token, newAdmin: bob });
    expect(updated.events).toEqual([
      {
        type: 'update_contract_admin',
        attributes: [
          { key: '_contract_address', value: token },
          { key: 'new_admin_address', value: bob },
        ],
      },
    ]);
    h.keeper.clearAdmin(h.ctx(), { sender: bob, contract: token });
    expect(h.keeper.getContractInfo(h.store, token)?.admin).toBe('');
    expect(() => h.keeper.clearAdmin(h.ctx(), { sender: bob, contract: token })).toThrow(/unauthorized/);
  });

  it('enforces the instantiate permission of a code', () => {
    const ctx = h.ctx();
    const restricted = h.keeper.storeCode(ctx, {
      sender: alice,
      wasmByteCode: contractWasm('cw20-base'),
      instantiatePermission: { permission: AccessType.ACCESS_TYPE_ANY_OF_ADDRESSES, addresses: [alice] },
    }).response.codeId;
    expect(() => h.instantiate(bob, restricted, cw20Init(bob))).toThrow(/can not instantiate: unauthorized/);
    expect(h.instantiate(alice, restricted, cw20Init(alice)).address).toMatch(/^n1/);
  });

  it('rejects bad input with wasmd error codes', () => {
    expect(() => h.execute(alice, account(9), { transfer: {} })).toThrow(
      expect.objectContaining({ code: 22 }),
    );
    expect(() => h.execute('cosmos1qyqszqgpqyqszqgpqyqszqgpqyqszqgpjnp7du', account(9), {})).toThrow(
      /invalid Bech32 prefix/,
    );
    expect(() => h.instantiate(alice, 99n, {})).toThrow(expect.objectContaining({ code: 28 }));
    expect(() => h.instantiate(alice, codeId, cw20Init(alice), { label: '' })).toThrow(/label is required/);
  });
});

describe('instance recycling and the module cache', () => {
  function run(mode: 'new' | 'restored', cacheDirectory?: string) {
    const store = new MemoryStore();
    const bank = new MemoryBank();
    const keeper = new WasmKeeper({ bech32Prefix: PREFIX, instanceMode: mode, cacheDirectory }, { bank });
    const gasUsed: number[] = [];
    let height = 1;
    const ctx = (): WasmContext => ({
      store,
      gas: createGasMeter(10_000_000),
      block: { height: height++, timeNanos: 1n, chainId: 'c' },
      txIndex: 0,
    });
    const step = <T>(f: (c: WasmContext) => T): T => {
      const c = ctx();
      const result = f(c);
      gasUsed.push(c.gas.consumed());
      return result;
    };
    const codeId = step((c) =>
      keeper.storeCode(c, { sender: alice, wasmByteCode: contractWasm('cw20-base') }),
    ).response.codeId;
    const token = step((c) =>
      keeper.instantiate(c, {
        sender: alice,
        admin: '',
        codeId,
        label: 't',
        msg: json(cw20Init(alice)),
        funds: [],
      }),
    ).response.address;
    for (let i = 0; i < 20; i++) {
      step((c) =>
        keeper.execute(c, {
          sender: alice,
          contract: token,
          msg: json({ transfer: { recipient: account(10 + (i % 3)), amount: String(i + 1) } }),
          funds: [],
        }),
      );
      expect(() =>
        step((c) =>
          keeper.execute(c, {
            sender: alice,
            contract: token,
            msg: json({ transfer: { recipient: bob, amount: '999999' } }),
            funds: [],
          }),
        ),
      ).toThrow();
    }
    return { snapshot: store.snapshot(), gasUsed, keeper };
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
      const restarted = new WasmKeeper(
        { bech32Prefix: PREFIX, cacheDirectory: directory },
        { bank: new MemoryBank() },
      );
      const checksum = new Uint8Array(Buffer.from(readdirSync(directory)[0]!.split('.')[0]!, 'hex'));
      restarted.cache.get(checksum, () => {
        throw new Error('must not need the original bytes');
      });
      expect(restarted.cache.stats).toEqual({ instrumented: 0, loadedFromDisk: 1, fromMemory: 0 });
      // a damaged file is ignored and the module instrumented again from the stored bytecode
      writeFileSync(join(directory, readdirSync(directory)[0]!), 'garbage');
      const again = new WasmKeeper(
        { bech32Prefix: PREFIX, cacheDirectory: directory },
        { bank: new MemoryBank() },
      );
      again.cache.get(checksum, () => contractWasm('cw20-base'));
      expect(again.cache.stats.instrumented).toBe(1);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
