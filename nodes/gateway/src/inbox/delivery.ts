import { DEFAULT_RETRIEVAL_BATCH, type MessageInbox } from './message-inbox';

export interface DeliveryOutcome {
  delivered: number;
  /** Set when a send failed: the undelivered messages stay in the inbox for the next connection. */
  interruptedBy?: unknown;
}

/**
 * Hands a reconnected client its stored messages, oldest first, a batch at a time. A batch is
 * removed only after every send in it completed, so a crash or a dropped connection mid-batch can
 * repeat messages (the client discards duplicates) but never lose them.
 */
export async function deliverStoredMessages(
  inbox: MessageInbox,
  clientId: string,
  send: (content: Uint8Array) => Promise<void>,
  batchSize = DEFAULT_RETRIEVAL_BATCH,
): Promise<DeliveryOutcome> {
  let delivered = 0;
  for (;;) {
    const batch = inbox.fetchBatch(clientId, batchSize);
    if (batch.length === 0) return { delivered };
    const sent: number[] = [];
    try {
      for (const message of batch) {
        await send(message.content);
        sent.push(message.id);
      }
    } catch (error) {
      delivered += inbox.removeDelivered(clientId, sent);
      return { delivered, interruptedBy: error };
    }
    delivered += inbox.removeDelivered(clientId, sent);
  }
}
