import { formatSenderTag } from '../address/sender-tag';
import { ClientError } from '../errors';
import { decodeReplySurb, type ReplySurb } from '../message/reply-surb';
import type { QueueItem, ReplyItem } from '../reliability/outgoing';
import { isStillNeeded } from '../reliability/outgoing';
import type { Clock, Timer } from '../runtime';
import type { ClientStateStore } from '../storage/client-store';

/**
 * Nym's reply-SURB bookkeeping (client-core `replies/reply_controller`, config `ReplySurbs`): keep
 * 10–200 SURBs per sender, ask for 10–100 more at a time, serve at most 500 per request, ask again
 * after 10 s without an answer, give up on a waiting reply after 5 minutes, forget SURBs after 12 h
 * and reply keys after 24 h.
 */
export interface ReplyOptions {
  minimumSurbs: number;
  maximumSurbs: number;
  requestMin: number;
  requestMax: number;
  maxSurbsPerRequest: number;
  rerequestAfterMs: number;
  pendingReplyTimeoutMs: number;
  surbMaxAgeMs: number;
  replyKeyMaxAgeMs: number;
  /** SURBs `sendAnonymous` attaches when the caller does not say. */
  defaultReplySurbs: number;
}

export const DEFAULT_REPLIES: ReplyOptions = {
  minimumSurbs: 10,
  maximumSurbs: 200,
  requestMin: 10,
  requestMax: 100,
  maxSurbsPerRequest: 500,
  rerequestAfterMs: 10_000,
  pendingReplyTimeoutMs: 5 * 60_000,
  surbMaxAgeMs: 12 * 3_600_000,
  replyKeyMaxAgeMs: 24 * 3_600_000,
  defaultReplySurbs: 10,
};

export function checkReplies(options: ReplyOptions): ReplyOptions {
  for (const [key, value] of Object.entries(options)) {
    if (!Number.isInteger(value) || value < 0)
      throw new ClientError('bad_config', `replies.${key} must be a whole number ≥ 0, got ${value}`);
  }
  if (options.requestMin > options.requestMax || options.minimumSurbs > options.maximumSurbs)
    throw new ClientError('bad_config', 'replies: a minimum is above its maximum');
  return options;
}

export interface ReplyControllerDeps {
  store: ClientStateStore;
  clock: Clock;
  wallClock: () => number;
  enqueue(item: QueueItem): void;
  /** Sends a SURB request through `surb`, asking the tag's owner for `amount` more. */
  requestSurbs(senderTag: Uint8Array, surb: ReplySurb, amount: number): void;
  onDroppedSurb(error: unknown): void;
}

interface TagState {
  tag: Uint8Array;
  pending: (ReplyItem & { waitingSinceMs: number })[];
  requestedAtMs?: number;
  timer?: Timer;
}

export interface ReplyController {
  /** New reply fragments for the owner of `senderTag`. */
  submit(items: readonly ReplyItem[]): void;
  /** A reply fragment that needs sending again, through a fresh SURB. */
  requeue(item: ReplyItem): void;
  /** SURBs from the owner of `senderTag` (with a message, or answering our request). */
  surbsArrived(senderTag: Uint8Array, surbs: readonly Uint8Array[]): number;
  available(senderTag: Uint8Array): number;
  /** Replies wait for SURBs, or SURBs were asked for and may still come. */
  waiting(senderTag: Uint8Array): boolean;
  stop(): void;
}

export function createReplyController(options: ReplyOptions, deps: ReplyControllerDeps): ReplyController {
  const states = new Map<string, TagState>();

  const stateFor = (tag: Uint8Array): TagState => {
    const name = formatSenderTag(tag);
    let state = states.get(name);
    if (state === undefined) {
      state = { tag, pending: [] };
      states.set(name, state);
    }
    return state;
  };

  const requestOutstanding = (state: TagState) =>
    state.requestedAtMs !== undefined && deps.clock.now() - state.requestedAtMs < options.rerequestAfterMs;

  const takeSurb = (tag: Uint8Array): ReplySurb | undefined => {
    for (let bytes = deps.store.takeSurb(tag); bytes !== undefined; bytes = deps.store.takeSurb(tag)) {
      try {
        return decodeReplySurb(bytes);
      } catch (error) {
        deps.onDroppedSurb(error);
      }
    }
    return undefined;
  };

  const expirePending = (state: TagState) => {
    const now = deps.clock.now();
    const expired = state.pending.filter(
      (item) => now - item.waitingSinceMs >= options.pendingReplyTimeoutMs,
    );
    state.pending = state.pending.filter((item) => !expired.includes(item) && isStillNeeded(item));
    for (const item of expired) {
      item.message.settle({
        kind: 'failed',
        reason: 'no_reply_surbs',
        message: `no reply SURBs from ${formatSenderTag(state.tag)} arrived within ${options.pendingReplyTimeoutMs} ms`,
      });
    }
  };

  /** Asks for more SURBs when replies wait or the stock is below the low-water mark. */
  const maybeRequest = (state: TagState) => {
    const available = deps.store.countSurbs(state.tag);
    if (requestOutstanding(state) || available === 0) return;
    if (state.pending.length === 0 && available >= options.minimumSurbs) return;
    const wanted = state.pending.length + options.minimumSurbs - (available - 1);
    const room = options.maximumSurbs - (available - 1);
    const amount = Math.min(Math.max(wanted, options.requestMin), options.requestMax, room);
    if (amount <= 0) return;
    const surb = takeSurb(state.tag);
    if (surb === undefined) return;
    state.requestedAtMs = deps.clock.now();
    deps.requestSurbs(state.tag, surb, amount);
  };

  const schedule = (state: TagState) => {
    state.timer?.cancel();
    state.timer = undefined;
    if (state.pending.length === 0) return;
    const now = deps.clock.now();
    // The next moment something can change: the oldest reply expires, or a request may be repeated.
    let at = Math.min(...state.pending.map((item) => item.waitingSinceMs)) + options.pendingReplyTimeoutMs;
    const retryAt = (state.requestedAtMs ?? -Infinity) + options.rerequestAfterMs;
    if (retryAt > now) at = Math.min(at, retryAt);
    state.timer = deps.clock.setTimer(at - now, () => {
      state.timer = undefined;
      pump(state);
    });
  };

  /** Sends waiting replies while SURBs last, keeping one back to ask for more if none is asked yet. */
  const pump = (state: TagState) => {
    expirePending(state);
    while (state.pending.length > 0) {
      const reserve = requestOutstanding(state) ? 0 : 1;
      if (deps.store.countSurbs(state.tag) <= reserve) break;
      const surb = takeSurb(state.tag);
      if (surb === undefined) break;
      const item = state.pending.shift() as TagState['pending'][number];
      deps.enqueue({
        kind: 'reply',
        message: item.message,
        fragmentId: item.fragmentId,
        fragment: item.fragment,
        attempt: item.attempt,
        senderTag: item.senderTag,
        surb,
      });
    }
    maybeRequest(state);
    schedule(state);
  };

  return {
    submit(items) {
      const first = items[0];
      if (first === undefined) return;
      const state = stateFor(first.senderTag);
      const now = deps.clock.now();
      state.pending.push(...items.map((item) => ({ ...item, waitingSinceMs: now })));
      pump(state);
    },
    requeue(item) {
      const state = stateFor(item.senderTag);
      state.pending.unshift({ ...item, waitingSinceMs: deps.clock.now() });
      pump(state);
    },
    surbsArrived(senderTag, surbs) {
      const kept = deps.store.storeSurbs(senderTag, surbs, deps.wallClock(), options.maximumSurbs);
      const state = states.get(formatSenderTag(senderTag));
      if (state !== undefined) {
        state.requestedAtMs = undefined;
        pump(state);
      }
      return kept;
    },
    available: (senderTag) => deps.store.countSurbs(senderTag),
    waiting(senderTag) {
      const state = states.get(formatSenderTag(senderTag));
      return state !== undefined && (state.pending.length > 0 || requestOutstanding(state));
    },
    stop() {
      for (const state of states.values()) {
        state.timer?.cancel();
        for (const item of state.pending) {
          item.message.settle({ kind: 'failed', reason: 'stopped', message: 'the client stopped' });
        }
      }
      states.clear();
    },
  };
}
