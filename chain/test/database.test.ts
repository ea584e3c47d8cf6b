import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import Database from 'better-sqlite3';
import { fromHex } from '../src/encoding/bytes';
import { BlockStore } from '../src/node/block-store';
import { openDatabase, readMeta, writeMeta } from '../src/store/database';

const FIXTURE = join(__dirname, 'fixtures', 'schema-1-home');

interface Manifest {
  senders: string[];
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
    // the fixture's first two senders signed three txs each
    for (const sender of manifest.senders.slice(0, 2)) {
      const condition = { key: 'message.sender', op: '=', value: { kind: 'string', text: sender } } as const;
      expect(blocks.search([condition], 1, 100, 'asc').total).toBe(3);
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

  it('recognises schema 1 tables whose version row was never written', () => {
    const raw = new Database(path);
    raw.prepare("DELETE FROM meta WHERE key = 'schema'").run();
    raw.close();
    const db = openDatabase(path);
    try {
      expect(readMeta(db, 'schema')).toBe('2');
      expectEveryBlockAndTx(new BlockStore(db));
    } finally {
      db.close();
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

  it('indexes attributes as terms, telling apart names and values that run into each other', () => {
    const db = openDatabase(':memory:');
    try {
      const blocks = new BlockStore(db);
      const saveBlock = (height: number, txs: number) => {
        const block = {
          height,
          hash: Buffer.alloc(32, height),
          block_json: '{}',
          size: 0,
          num_txs: txs,
          finalize_events: '[]',
          app_hash: Buffer.alloc(32),
          results_hash: Buffer.alloc(32),
        };
        const rows = Array.from({ length: txs }, (_, index) => ({
          hash: new Uint8Array(32).fill(height * 16 + index),
          index,
          bytes: Uint8Array.of(index),
          resultJson: '{}',
        }));
        db.transaction(() => blocks.save(block, rows))();
      };
      const index = (entries: Parameters<BlockStore['saveAttributes']>[0]) => {
        db.transaction(() => blocks.saveAttributes(entries))();
        blocks.attributesCommitted();
      };
      const found = (key: string, text: string) =>
        blocks
          .search([{ key, op: '=', value: { kind: 'string', text } }], 1, 100, 'asc')
          .rows.map((row) => [row.height, row.idx]);
      saveBlock(1, 2);
      index([
        {
          height: 1,
          index: 0,
          attributes: [
            ['a.b=c', 'd'],
            ['x.y', '1'],
          ],
        },
        {
          height: 1,
          index: 1,
          attributes: [
            ['a.b', 'c=d'],
            ['x.y', '1'],
          ],
        },
      ]);
      expect(found('a.b=c', 'd')).toEqual([[1, 0]]);
      expect(found('a.b', 'c=d')).toEqual([[1, 1]]);
      expect(found('x.y', '1')).toEqual([
        [1, 0],
        [1, 1],
      ]);
      // a flush that rolls back must not leave its new terms cached
      expect(() =>
        db.transaction(() => {
          blocks.saveAttributes([{ height: 2, index: 0, attributes: [['z.z', 'new']] }]);
          throw new Error('disk full');
        })(),
      ).toThrow('disk full');
      saveBlock(2, 1);
      index([
        {
          height: 2,
          index: 0,
          attributes: [
            ['z.z', 'new'],
            ['x.y', '1'],
          ],
        },
      ]);
      expect(found('z.z', 'new')).toEqual([[2, 0]]);
      expect(found('x.y', '1')).toHaveLength(3);
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
