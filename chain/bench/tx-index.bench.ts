import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineSuite } from '@nymts/bench';
import { BlockStore, type TxAttributes } from '../src/node/block-store';
import { openDatabase } from '../src/store/database';

/**
 * The tx index's write path on its own, as the chain grows: batches of BATCH_TXS bank sends'
 * index rows (their 23 distinct attributes, as the SDK emits them: a unique signature and
 * sequence per tx, 64 senders, one recipient) written as the indexer flushes them, one SQLite
 * transaction per batch, into a database on disk. CPU per tx over the last MEASURED_BATCHES
 * batches, when the index is far larger than a batch, and the database's size.
 */
const BATCH_TXS = 870;
const BATCHES = 60;
const MEASURED_BATCHES = 10;
const SENDERS = Array.from({ length: 64 }, () => `n1${randomBytes(19).toString('hex')}`);
const RECIPIENT = SENDERS[0] as string;
const FEE_COLLECTOR = `n1${randomBytes(19).toString('hex')}`;

function bankSendAttributes(height: number, index: number): TxAttributes {
  const sender = SENDERS[index % SENDERS.length] as string;
  const fee = '3000unyx';
  const attributes: Array<[string, string]> = [
    ['tx.fee', fee],
    ['tx.fee_payer', sender],
    ['tx.acc_seq', `${sender}/${height}`],
    ['tx.signature', randomBytes(64).toString('base64')],
    ['coin_spent.spender', sender],
    ['coin_spent.amount', fee],
    ['coin_received.receiver', FEE_COLLECTOR],
    ['coin_received.amount', fee],
    ['transfer.recipient', FEE_COLLECTOR],
    ['transfer.sender', sender],
    ['transfer.amount', fee],
    ['message.sender', sender],
    ['message.action', '/cosmos.bank.v1beta1.MsgSend'],
    ['message.module', 'bank'],
    ['message.msg_index', '0'],
    ['coin_spent.amount', '1unyx'],
    ['coin_received.receiver', RECIPIENT],
    ['coin_received.amount', '1unyx'],
    ['coin_received.msg_index', '0'],
    ['transfer.recipient', RECIPIENT],
    ['transfer.amount', '1unyx'],
    ['transfer.msg_index', '0'],
    ['coin_spent.msg_index', '0'],
  ];
  return { height, index, attributes };
}

export default defineSuite({
  name: 'chain tx index',
  async run(ctx) {
    const dir = mkdtempSync(join(tmpdir(), 'nymts-tx-index-'));
    const db = openDatabase(join(dir, 'chain.sqlite'));
    try {
      const blocks = new BlockStore(db);
      let cpu = 0;
      for (let batch = 0; batch < BATCHES; batch++) {
        // blocks of 32 txs, as the pipeline bench makes them
        const entries = Array.from({ length: BATCH_TXS }, (_, i) =>
          bankSendAttributes(Math.floor((batch * BATCH_TXS + i) / 32) + 1, i % 32),
        );
        const before = process.cpuUsage();
        db.transaction(() => blocks.saveAttributes(entries))();
        blocks.attributesCommitted();
        const used = process.cpuUsage(before);
        if (batch >= BATCHES - MEASURED_BATCHES) cpu += used.user + used.system;
      }
      const txs = BATCHES * BATCH_TXS;
      ctx.report({
        name: `index rows of bank sends, txs ${txs - MEASURED_BATCHES * BATCH_TXS}–${txs}, batches of ${BATCH_TXS}: CPU per tx`,
        value: cpu / (MEASURED_BATCHES * BATCH_TXS),
        unit: 'µs',
      });
      const pages = db.pragma('page_count', { simple: true }) as number;
      const pageSize = db.pragma('page_size', { simple: true }) as number;
      ctx.report({
        name: `database size after ${txs} txs' index rows`,
        value: (pages * pageSize) / 1e6,
        unit: 'MB',
      });
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
});
