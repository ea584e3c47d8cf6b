import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { fromHex } from '../src/encoding/bytes';
import { BlockStore } from '../src/node/block-store';
import { openDatabase, readMeta, writeMeta } from '../src/store/database';

const FIXTURE = join(__dirname, 'fixtures', 'schema-1-home');

interface Manifest {
  blocks: { height: number; hash: string; txs: number }[];
  txs: { hash: string; height: number; index: number; code: number }[];
}

const manifest = JSON.parse(readFileSync(join(FIXTURE, 'manifest.json'), 'utf8')) as Manifest;

describe('chain database', () => {
  let dir: string;
  let path: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'nymts-db-'));
    path = join(dir, 'chain.sqlite');
    writeFileSync(path, gunzipSync(readFileSync(join(FIXTURE, 'chain.sqlite.gz'))));
  });

  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function expectEveryBlockAndTx(blocks: BlockStore): void {
    expect(blocks.latest()?.height).toBe(manifest.blocks.at(-1)?.height);
    for (const expected of manifest.blocks) {
      const row = blocks.block(expected.height);
      expect(row?.hash.toString('hex').toUpperCase()).toBe(expected.hash);
      expect(blocks.blockByHash(fromHex(expected.hash))?.height).toBe(expected.height);
      expect(blocks.blockTxs(expected.height).map((tx) => tx.idx)).toEqual(
        Array.from({ length: expected.txs }, (_, index) => index),
      );
    }
    for (const expected of manifest.txs) {
      const row = blocks.tx(fromHex(expected.hash));
      expect({ height: row?.height, index: row?.idx }).toEqual({
        height: expected.height,
        index: expected.index,
      });
      expect((JSON.parse(row?.result_json ?? '{}') as { code: number }).code).toBe(expected.code);
      const byHash = blocks.search(
        [{ key: 'tx.hash', op: '=', value: { kind: 'string', text: expected.hash } }],
        1,
        10,
        'asc',
      );
      expect(byHash.total).toBe(1);
    }
    const all = blocks.search([{ key: 'message.action', op: 'EXISTS' }], 1, 100, 'asc');
    expect(all.total).toBe(manifest.txs.length);
    expect(all.rows.map((row) => row.hash.toString('hex').toUpperCase())).toEqual(
      manifest.txs.map((tx) => tx.hash),
    );
  }

  it('migrates a home written with schema 1 and finds every block and tx in it', () => {
    const db = openDatabase(path);
    try {
      expect(readMeta(db, 'schema')).toBe('2');
      expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'txs_schema_1'").get()).toBeUndefined();
      expectEveryBlockAndTx(new BlockStore(db));
    } finally {
      db.close();
    }
    // opened again: already migrated, nothing changes
    const again = openDatabase(path);
    try {
      expect(readMeta(again, 'schema')).toBe('2');
      expectEveryBlockAndTx(new BlockStore(again));
    } finally {
      again.close();
    }
  });

  it('keeps appending txs after the migration, refusing a hash it already holds', () => {
    const db = openDatabase(path);
    try {
      const blocks = new BlockStore(db);
      const latest = blocks.latest()!;
      const newTx = {
        hash: new Uint8Array(32).fill(7),
        index: 0,
        bytes: Uint8Array.of(1, 2),
        resultJson: '{}',
      };
      const block = { ...latest, height: latest.height + 1, hash: Buffer.alloc(32, 9), num_txs: 1 };
      db.transaction(() => blocks.save(block, [newTx]))();
      expect(blocks.tx(newTx.hash)?.height).toBe(block.height);
      const duplicate = { ...block, height: block.height + 1, hash: Buffer.alloc(32, 10) };
      expect(() => db.transaction(() => blocks.save(duplicate, [newTx]))()).toThrow(/UNIQUE/);
      expect(blocks.latest()?.height).toBe(block.height);
    } finally {
      db.close();
    }
  });

  it('refuses a schema it does not know, naming it', () => {
    const db = openDatabase(path);
    writeMeta(db, 'schema', '9');
    db.close();
    expect(() => openDatabase(path)).toThrow(/has schema 9; this node reads schema 2/);
  });
});
