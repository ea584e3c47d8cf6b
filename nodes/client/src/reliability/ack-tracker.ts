import { type FragmentId, fragmentKey } from '../chunking/fragment';
import { ClientError } from '../errors';
import type { Clock, Rng, Timer } from '../runtime';
import type { FailureReason, OutgoingMessage, QueueItem } from './outgoing';

/**
 * Nym's ack timeout is `total route delay × 1.5 + 1.5 s` (client-core `action_controller.rs`,
 * `ack_wait_multiplier`, `ack_wait_addition`), retransmitting without limit. nymts adds an
 * exponential backoff per attempt (capped) and a random stretch, so that a loss burst does not
 * come back as a synchronised burst of retransmissions (Katzenpost #199).
 */
export interface RetransmissionOptions {
  ackWaitMultiplier: number;
  ackWaitAdditionMs: number;
  backoffBase: number;
  maxBackoffFactor: number;
  /** The timeout is stretched by a factor drawn uniformly from [1, 1 + jitter). */
  jitter: number;
  /** undefined: retransmit until acknowledged, as Nym does. */
  maxRetransmissions?: number;
}

export const DEFAULT_RETRANSMISSION: RetransmissionOptions = {
  ackWaitMultiplier: 1.5,
  ackWaitAdditionMs: 1500,
  backoffBase: 2,
  maxBackoffFactor: 8,
  jitter: 0.25,
};

export function checkRetransmission(options: RetransmissionOptions): RetransmissionOptions {
  const positive = ['ackWaitMultiplier', 'backoffBase', 'maxBackoffFactor'] as const;
  for (const key of positive) {
    if (!(options[key] >= 1) || !Number.isFinite(options[key]))
      throw new ClientError('bad_config', `retransmission.${key} must be a finite number ≥ 1`);
  }
  if (!(options.ackWaitAdditionMs >= 0) || !(options.jitter >= 0))
    throw new ClientError('bad_config', 'retransmission.ackWaitAdditionMs and jitter must be ≥ 0');
  const max = options.maxRetransmissions;
  if (max !== undefined && !(Number.isInteger(max) && max >= 0))
    throw new ClientError('bad_config', 'retransmission.maxRetransmissions must be a whole number ≥ 0');
  return options;
}

export function ackTimeoutMs(
  roundTripDelayMs: number,
  attempt: number,
  options: RetransmissionOptions,
  random: () => number,
): number {
  const base = roundTripDelayMs * options.ackWaitMultiplier + options.ackWaitAdditionMs;
  const backoff = Math.min(options.backoffBase ** attempt, options.maxBackoffFactor);
  return base * backoff * (1 + options.jitter * random());
}

export interface AckTracker {
  /** Registers a message's fragments so their acks find it, whether in flight or queued. */
  register(message: OutgoingMessage): void;
  /** A fragment went out: start its ack timer. */
  sent(item: QueueItem, roundTripDelayMs: number): void;
  /** An ack arrived; false for ids nobody waits for (a late copy's ack, or a stranger's). */
  acked(fragmentId: FragmentId): boolean;
  /** Set ids of messages still in flight, so new messages do not reuse them. */
  usesSet(setId: number): boolean;
  fail(message: OutgoingMessage, reason: FailureReason, text: string): void;
  readonly inFlight: number;
  stop(): void;
}

export function createAckTracker(
  options: RetransmissionOptions,
  deps: { clock: Clock; rng: Rng; onTimeout: (item: QueueItem) => void },
): AckTracker {
  const owners = new Map<number, OutgoingMessage>();
  const timers = new Map<number, Timer>();
  const activeSets = new Map<number, OutgoingMessage>();

  const forget = (message: OutgoingMessage) => {
    for (const key of message.unacked) {
      owners.delete(key);
      timers.get(key)?.cancel();
      timers.delete(key);
    }
    for (const setId of message.setIds) activeSets.delete(setId);
  };

  const fail: AckTracker['fail'] = (message, reason, text) => {
    forget(message);
    message.settle({ kind: 'failed', reason, message: text });
  };

  const expire = (item: QueueItem) => {
    const key = fragmentKey(item.fragmentId);
    timers.delete(key);
    const message = owners.get(key);
    if (message === undefined || message.settled) return;
    const next = item.attempt + 1;
    const limit = message.retransmit ? options.maxRetransmissions : 0;
    if (limit !== undefined && next > limit) {
      fail(
        message,
        'retransmissions_exhausted',
        `fragment ${item.fragmentId.setId}/${item.fragmentId.position} was not acknowledged after ${next} transmissions`,
      );
      return;
    }
    deps.onTimeout({ ...item, attempt: next });
  };

  return {
    register(message) {
      for (const key of message.unacked) owners.set(key, message);
      for (const setId of message.setIds) activeSets.set(setId, message);
    },
    sent(item, roundTripDelayMs) {
      const key = fragmentKey(item.fragmentId);
      timers.get(key)?.cancel();
      const timeout = ackTimeoutMs(roundTripDelayMs, item.attempt, options, () => deps.rng.random());
      timers.set(
        key,
        deps.clock.setTimer(timeout, () => expire(item)),
      );
    },
    acked(fragmentId) {
      const key = fragmentKey(fragmentId);
      const message = owners.get(key);
      if (message === undefined) return false;
      owners.delete(key);
      timers.get(key)?.cancel();
      timers.delete(key);
      message.unacked.delete(key);
      if (message.unacked.size === 0) {
        for (const setId of message.setIds) activeSets.delete(setId);
        message.settle({ kind: 'delivered' });
      }
      return true;
    },
    usesSet: (setId) => activeSets.has(setId),
    fail,
    get inFlight() {
      return timers.size;
    },
    stop() {
      for (const message of new Set(owners.values())) fail(message, 'stopped', 'the client stopped');
    },
  };
}
