import { ackTimeoutMs, createAckTracker, DEFAULT_RETRANSMISSION } from '../src/reliability/ack-tracker';
import { createOutgoingMessage, type DeliveryOutcome, type QueueItem } from '../src/reliability/outgoing';
import { createManualClock } from './support/manual-clock';
import { createSeededRng } from '@nymts/node-common';

const noJitter = { ...DEFAULT_RETRANSMISSION, jitter: 0 };

function setup(
  options = noJitter,
  ids = [
    { setId: 5, position: 1 },
    { setId: 5, position: 2 },
  ],
  retransmit = true,
) {
  const clock = createManualClock();
  const timeouts: QueueItem[] = [];
  const tracker = createAckTracker(options, {
    clock,
    rng: createSeededRng('tracker'),
    onTimeout: (item) => timeouts.push(item),
  });
  const { message, receipt } = createOutgoingMessage(1, ids, { retransmit });
  tracker.register(message);
  let outcome: DeliveryOutcome | undefined;
  void receipt.outcome.then((value) => (outcome = value));
  const item = (position: number, attempt = 0): QueueItem => ({
    kind: 'regular',
    message,
    fragmentId: { setId: 5, position },
    fragment: new Uint8Array(),
    attempt,
    recipient: { identity: new Uint8Array(), encryption: new Uint8Array(), gateway: new Uint8Array() },
  });
  return { clock, tracker, timeouts, item, outcome: () => outcome, message };
}

describe('ack timeouts', () => {
  it('are route delay × 1.5 + 1.5 s, doubled per attempt up to 8×, stretched by up to the jitter', () => {
    expect(ackTimeoutMs(100, 0, noJitter, () => 0.5)).toBe(1650);
    expect(ackTimeoutMs(100, 1, noJitter, () => 0.5)).toBe(3300);
    expect(ackTimeoutMs(100, 3, noJitter, () => 0.5)).toBe(13200);
    expect(ackTimeoutMs(100, 30, noJitter, () => 0.5)).toBe(13200);
    expect(ackTimeoutMs(100, 0, DEFAULT_RETRANSMISSION, () => 0)).toBe(1650);
    expect(ackTimeoutMs(100, 0, DEFAULT_RETRANSMISSION, () => 0.5)).toBe(1650 * 1.125);
  });
});

describe('the ack tracker', () => {
  it('hands a fragment back for retransmission when its ack is late, and again later with backoff', async () => {
    const { clock, tracker, timeouts, item } = setup();
    tracker.sent(item(1), 100);
    clock.advance(1649);
    expect(timeouts).toHaveLength(0);
    clock.advance(1);
    expect(timeouts.map((t) => t.attempt)).toEqual([1]);
    tracker.sent(timeouts[0]!, 100);
    clock.advance(3299);
    expect(timeouts).toHaveLength(1);
    clock.advance(1);
    expect(timeouts.map((t) => t.attempt)).toEqual([1, 2]);
  });

  it('stops the timer on the ack and settles the message when every fragment is acknowledged', async () => {
    const { clock, tracker, timeouts, item, outcome } = setup();
    tracker.sent(item(1), 100);
    tracker.sent(item(2), 100);
    expect(tracker.acked({ setId: 5, position: 1 })).toBe(true);
    expect(tracker.acked({ setId: 5, position: 1 })).toBe(false);
    await Promise.resolve();
    expect(outcome()).toBeUndefined();
    expect(tracker.acked({ setId: 5, position: 2 })).toBe(true);
    clock.advance(100_000);
    expect(timeouts).toHaveLength(0);
    expect(tracker.inFlight).toBe(0);
    await Promise.resolve();
    expect(outcome()).toEqual({ kind: 'delivered' });
    expect(tracker.usesSet(5)).toBe(false);
  });

  it('acknowledges a fragment that waits in the queue for its retransmission', async () => {
    const { clock, tracker, timeouts, item, message } = setup(noJitter, [{ setId: 5, position: 1 }]);
    tracker.sent(item(1), 0);
    clock.advance(1500);
    expect(timeouts).toHaveLength(1);
    // The first copy's ack arrives late, while the retransmission is still queued.
    expect(tracker.acked({ setId: 5, position: 1 })).toBe(true);
    expect(message.settled).toBe(true);
  });

  it('gives up after maxRetransmissions, and at once for messages that are not retransmitted', async () => {
    const limited = setup({ ...noJitter, maxRetransmissions: 1 });
    limited.tracker.sent(limited.item(1), 0);
    limited.clock.advance(1500);
    limited.tracker.sent(limited.timeouts[0]!, 0);
    limited.clock.advance(3000);
    await Promise.resolve();
    expect(limited.timeouts).toHaveLength(1);
    expect(limited.outcome()).toMatchObject({ kind: 'failed', reason: 'retransmissions_exhausted' });
    expect(limited.tracker.inFlight).toBe(0);

    const once = setup(noJitter, [{ setId: 5, position: 1 }], false);
    once.tracker.sent(once.item(1), 0);
    once.clock.advance(1500);
    await Promise.resolve();
    expect(once.timeouts).toHaveLength(0);
    expect(once.outcome()).toMatchObject({ kind: 'failed' });
  });

  it('fails everything outstanding when stopped', async () => {
    const { tracker, item, outcome, clock } = setup();
    tracker.sent(item(1), 0);
    tracker.stop();
    await Promise.resolve();
    expect(outcome()).toMatchObject({ kind: 'failed', reason: 'stopped' });
    expect(clock.pendingTimers).toBe(0);
  });
});
