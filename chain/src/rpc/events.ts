import { toBase64, toHexUpper } from '../encoding/bytes';
import type { ChainEvent } from '../modules/events';
import type { ChainNode, CommittedBlock } from '../node/node';
import { blockResponse } from './methods';
import { eventsJson, txResultJson, type Json } from './json';

/** One event a subscription may receive: its payload and the map its query is matched against. */
export interface BusEvent {
  data: Json;
  events: Map<string, string[]>;
}

function addAttributes(map: Map<string, string[]>, events: readonly ChainEvent[]): void {
  for (const event of events) {
    for (const attribute of event.attributes) {
      if (!attribute.index) continue;
      const key = `${event.type}.${attribute.key}`;
      const values = map.get(key);
      if (values === undefined) map.set(key, [attribute.value]);
      else values.push(attribute.value);
    }
  }
}

/** The NewBlock, NewBlockHeader and Tx events CometBFT publishes for a committed block. */
export function busEvents(node: ChainNode, block: CommittedBlock): BusEvent[] {
  const { block_id: blockId, block: blockJson } = blockResponse(node, block.row);
  const newBlock = new Map<string, string[]>([['tm.event', ['NewBlock']]]);
  addAttributes(newBlock, block.execution.blockEvents);
  const events: BusEvent[] = [
    {
      data: {
        type: 'tendermint/event/NewBlock',
        value: {
          block: blockJson,
          block_id: blockId,
          result_finalize_block: {
            events: eventsJson(block.execution.blockEvents),
            tx_results: block.txs.map((tx) => txResultJson(tx.outcome)),
            validator_updates: [],
            consensus_param_updates: null,
            app_hash: toBase64(block.execution.appHash),
          },
        },
      },
      events: newBlock,
    },
    {
      data: {
        type: 'tendermint/event/NewBlockHeader',
        value: { header: (blockJson as { header: Json }).header },
      },
      events: new Map([['tm.event', ['NewBlockHeader']]]),
    },
  ];
  for (const tx of block.txs) {
    const map = new Map<string, string[]>([
      ['tm.event', ['Tx']],
      ['tx.hash', [toHexUpper(tx.hash)]],
      ['tx.height', [String(block.height)]],
    ]);
    addAttributes(map, tx.outcome.events);
    events.push({
      data: {
        type: 'tendermint/event/Tx',
        value: {
          TxResult: {
            height: String(block.height),
            index: tx.index,
            tx: toBase64(tx.bytes),
            result: txResultJson(tx.outcome),
          },
        },
      },
      events: map,
    });
  }
  return events;
}
