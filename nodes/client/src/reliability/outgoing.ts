import type { Recipient } from '../address/recipient';
import { type FragmentId, fragmentKey } from '../chunking/fragment';
import type { ReplySurb } from '../message/reply-surb';

export type FailureReason = 'retransmissions_exhausted' | 'no_reply_surbs' | 'no_route' | 'stopped';

/** How a message ended: every fragment acknowledged by the recipient's gateway, or given up. */
export type DeliveryOutcome =
  { kind: 'delivered' } | { kind: 'failed'; reason: FailureReason; message: string };

/** What `send`, `sendAnonymous` and `reply` return. `outcome` never rejects. */
export interface SendReceipt {
  messageId: number;
  fragments: number;
  outcome: Promise<DeliveryOutcome>;
}

export interface OutgoingMessage {
  readonly id: number;
  readonly setIds: readonly number[];
  /** Keys (`fragmentKey`) of fragments not acknowledged yet. */
  readonly unacked: Set<number>;
  /** SURB requests go once: a lost one is re-sent by the reply controller, not by retransmission. */
  readonly retransmit: boolean;
  /** The WebSocket API's connection id, for lane queue lengths. */
  readonly lane?: number;
  settled: boolean;
  settle(outcome: DeliveryOutcome): void;
}

interface FragmentItemBase {
  message: OutgoingMessage;
  fragmentId: FragmentId;
  /** The encoded fragment, exactly one packet's worth. */
  fragment: Uint8Array;
  /** 0 for the first transmission. */
  attempt: number;
}

export type QueueItem =
  | (FragmentItemBase & { kind: 'regular'; recipient: Recipient })
  | (FragmentItemBase & { kind: 'reply'; senderTag: Uint8Array; surb: ReplySurb });

export type ReplyItem = FragmentItemBase & { senderTag: Uint8Array };

export function createOutgoingMessage(
  id: number,
  fragmentIds: readonly FragmentId[],
  options: { retransmit: boolean; lane?: number },
): { message: OutgoingMessage; receipt: SendReceipt } {
  let resolve: (outcome: DeliveryOutcome) => void = () => {};
  const outcome = new Promise<DeliveryOutcome>((r) => (resolve = r));
  const message: OutgoingMessage = {
    id,
    setIds: [...new Set(fragmentIds.map((fragmentId) => fragmentId.setId))],
    unacked: new Set(fragmentIds.map(fragmentKey)),
    retransmit: options.retransmit,
    ...(options.lane === undefined ? {} : { lane: options.lane }),
    settled: false,
    settle(result) {
      if (message.settled) return;
      message.settled = true;
      resolve(result);
    },
  };
  return { message, receipt: { messageId: id, fragments: fragmentIds.length, outcome } };
}

/** Still worth sending: not given up and not yet acknowledged (an earlier copy may have made it). */
export function isStillNeeded(item: { message: OutgoingMessage; fragmentId: FragmentId }): boolean {
  return !item.message.settled && item.message.unacked.has(fragmentKey(item.fragmentId));
}
