import { DEFAULT_SPHINX_VERSION } from '@nymts/sphinx';
import pino, { type Logger } from 'pino';
import { tryDecodeBase58 } from './address/base58';
import { checkEd25519PublicKey } from './address/keys';
import { formatRecipient, type Recipient, toRecipient } from './address/recipient';
import { formatSenderTag, type SenderTag, toSenderTag } from './address/sender-tag';
import { AsyncQueue } from './async-queue';
import { type ReassemblerOptions, Reassembler } from './chunking/reassembler';
import { SENDER_TAG_SIZE } from './constants';
import { replyKeyDigest } from './crypto/packet-encryption';
import { type ClientCrypto, createClientCrypto } from './crypto/primitives';
import { ClientError } from './errors';
import { createGatewayLink, DEFAULT_RECONNECT, type ReconnectOptions } from './gateway/link';
import type { GatewayConnector } from './gateway/connection';
import { clientAddress, type ClientKeys } from './keys';
import { fragmentMessage } from './message/fragment-message';
import { decodeNymMessage, type NymMessage } from './message/nym-message';
import { unpadMessage } from './message/padding';
import { encodeReplySurb, type ReplySurb } from './message/reply-surb';
import type { PacketContext } from './packets/context';
import {
  prepareLoopCover,
  prepareRegularFragment,
  prepareReplyFragment,
  type PreparedPacket,
} from './packets/prepare';
import { openReceived, type ReceiveKeys } from './packets/receive';
import {
  checkRetransmission,
  createAckTracker,
  DEFAULT_RETRANSMISSION,
  type RetransmissionOptions,
} from './reliability/ack-tracker';
import { createOutgoingMessage, type QueueItem, type SendReceipt } from './reliability/outgoing';
import { createReplySurbs } from './replies/create-surbs';
import {
  checkReplies,
  createReplyController,
  DEFAULT_REPLIES,
  type ReplyOptions,
} from './replies/reply-controller';
import { type Clock, cryptoRng, type Rng, systemClock, type Timer } from './runtime';
import { type ClientMetrics, type ClientStats, createStats } from './stats';
import type { ClientStateStore } from './storage/client-store';
import { createTopologyControl, DEFAULT_TOPOLOGY, type TopologyOptions } from './topology/topology-control';
import type { TopologyProvider } from './topology/topology';
import { OutboundQueue } from './traffic/outbound-queue';
import { createPoissonStream } from './traffic/poisson-stream';
import { checkTiming, TIMING_PRESETS, type TrafficTiming } from './traffic/timing';

export const DEFAULT_REASSEMBLY: ReassemblerOptions = {
  incompleteTimeoutMs: 5 * 60_000,
  completedRetentionMs: 30 * 60_000,
  maxBufferedBytes: 256 * 1024 * 1024,
};

export interface ClientOptions {
  keys: ClientKeys;
  /** Identity (bs58 or bytes) of the gateway that holds our messages: part of our address. */
  gateway: Uint8Array | string;
  /** Defaults: TIMING_PRESETS.current. */
  timing?: Partial<TrafficTiming>;
  /** Sphinx header version of the packets we build (259, as Nym's current clients). */
  sphinxVersion?: number;
  topology?: Partial<TopologyOptions>;
  retransmission?: Partial<RetransmissionOptions>;
  replies?: Partial<ReplyOptions>;
  reassembly?: Partial<ReassemblerOptions>;
  reconnect?: Partial<ReconnectOptions>;
  /** Received messages held for the application; beyond it they are dropped and counted. */
  maxBufferedMessages?: number;
  /** How often stale reassembly buffers and expired SURBs and reply keys are cleared. */
  housekeepingIntervalMs?: number;
}

export interface ClientDeps {
  topology: TopologyProvider;
  connectGateway: GatewayConnector;
  store: ClientStateStore;
  clock?: Clock;
  rng?: Rng;
  crypto?: ClientCrypto;
  logger?: Logger;
  metrics?: ClientMetrics;
  /** Unix milliseconds, for ages of stored SURBs and reply keys (they outlive the process). */
  wallClock?: () => number;
}

export type ReceivedMessage =
  | { kind: 'plain'; data: Uint8Array }
  | { kind: 'repliable'; data: Uint8Array; senderTag: SenderTag }
  | { kind: 'reply'; data: Uint8Array };

export interface SendOptions {
  /** A connection id of the WebSocket API; lets it report per-connection queue lengths. */
  lane?: number;
}

export interface MixnetClient {
  readonly address: Recipient;
  readonly addressString: string;
  start(signal?: AbortSignal): Promise<void>;
  stop(): Promise<void>;
  /** A plain message: the recipient learns nothing about us and cannot reply. */
  send(recipient: Recipient | string, data: Uint8Array, options?: SendOptions): SendReceipt;
  /** A repliable message carrying reply SURBs; the recipient sees only our sender tag. */
  sendAnonymous(
    recipient: Recipient | string,
    data: Uint8Array,
    options?: SendOptions & { replySurbs?: number },
  ): SendReceipt;
  /** A reply to an anonymous sender through the SURBs it gave us. */
  reply(senderTag: SenderTag | string, data: Uint8Array, options?: SendOptions): SendReceipt;
  /** Messages as they are reassembled. Each message goes to one reader. */
  messages(): AsyncIterableIterator<ReceivedMessage>;
  /** Fragments of this lane still waiting to be sent. */
  queuedInLane(lane: number): number;
  availableReplySurbs(senderTag: SenderTag | string): number;
  stats(): ClientStats;
}

function gatewayIdentity(value: Uint8Array | string): Uint8Array {
  const bytes = typeof value === 'string' ? tryDecodeBase58(value) : value;
  if (bytes === undefined) throw new ClientError('bad_config', `gateway "${String(value)}" is not base58`);
  try {
    checkEd25519PublicKey(bytes, 'the gateway identity');
  } catch (error) {
    throw new ClientError('bad_config', (error as Error).message, { cause: error });
  }
  return bytes;
}

/**
 * A Nym mixnet client: builds every packet Nym's way, sends them in a Poisson stream mixed with
 * loop cover, retransmits until acknowledged, reassembles what arrives and answers anonymous
 * senders through their SURBs. Transport, topology, storage, time and randomness are injected.
 */
export function createClient(options: ClientOptions, deps: ClientDeps): MixnetClient {
  const clock = deps.clock ?? systemClock;
  const rng = deps.rng ?? cryptoRng;
  const crypto = deps.crypto ?? createClientCrypto();
  const logger = (deps.logger ?? pino({ level: 'silent' })).child({ component: 'client' });
  const wallClock = deps.wallClock ?? Date.now;
  const store = deps.store;
  const timing = checkTiming({ ...TIMING_PRESETS.current, ...options.timing });
  const retransmission = checkRetransmission({ ...DEFAULT_RETRANSMISSION, ...options.retransmission });
  const replyOptions = checkReplies({ ...DEFAULT_REPLIES, ...options.replies });
  const self = clientAddress(options.keys, gatewayIdentity(options.gateway));
  const selfString = formatRecipient(self);
  const stats = createStats(deps.metrics);
  const randomBytes = (n: number) => rng.randomBytes(n);

  const queue = new OutboundQueue();
  const received = new AsyncQueue<ReceivedMessage>(options.maxBufferedMessages ?? 10_000);
  const reassembler = new Reassembler({ ...DEFAULT_REASSEMBLY, ...options.reassembly }, () => clock.now());
  const topology = createTopologyControl(
    { ...DEFAULT_TOPOLOGY, ...options.topology },
    { provider: deps.topology, clock, logger: logger.child({ component: 'topology' }) },
  );
  let running = false;
  let nextMessageId = 1;
  let drainTimer: Timer | undefined;
  let housekeepingTimer: Timer | undefined;

  const packetContext = (): PacketContext => ({
    crypto,
    rng,
    self,
    ackKey: options.keys.ackKey,
    topology: topology.current(),
    averagePacketDelayMs: timing.averagePacketDelayMs,
    averageAckDelayMs: timing.averageAckDelayMs,
    sphinxVersion: options.sphinxVersion ?? DEFAULT_SPHINX_VERSION,
  });

  const receiveKeys: ReceiveKeys = {
    crypto,
    ackKey: options.keys.ackKey,
    encryptionPrivateKey: options.keys.encryptionPrivateKey,
    takeReplyKey: (digest) => store.takeReplyKey(digest),
  };

  const tracker = createAckTracker(retransmission, {
    clock,
    rng,
    onTimeout(item) {
      stats.inc('retransmissions');
      if (item.kind === 'regular') {
        queue.pushFront(item);
        kick();
      } else {
        replies.requeue(item);
      }
    },
  });

  const enqueue = (items: readonly QueueItem[]) => {
    queue.pushBack(items);
    kick();
  };

  const newMessage = (fragments: ReturnType<typeof fragmentMessage>, retransmit: boolean, lane?: number) => {
    const created = createOutgoingMessage(
      nextMessageId++,
      fragments.map((fragment) => fragment.id),
      lane === undefined ? { retransmit } : { retransmit, lane },
    );
    tracker.register(created.message);
    void created.receipt.outcome.then((outcome) => {
      if (!retransmit) return;
      stats.inc(outcome.kind === 'delivered' ? 'messages_delivered' : 'messages_failed');
      if (outcome.kind === 'failed' && outcome.reason !== 'stopped')
        logger.warn({ messageId: created.message.id, ...outcome }, 'message not delivered');
    });
    return created;
  };

  const fragmentsOf = (message: NymMessage) => fragmentMessage(message, randomBytes, tracker.usesSet);

  const replies = createReplyController(replyOptions, {
    store,
    clock,
    wallClock,
    enqueue: (item) => enqueue([item]),
    requestSurbs(senderTag, surb, amount) {
      const fragments = fragmentsOf({
        kind: 'reply',
        content: { kind: 'surb_request', recipient: self, amount },
      });
      const { message } = newMessage(fragments, false);
      const [fragment] = fragments as [(typeof fragments)[number]];
      stats.inc('surb_requests_sent');
      enqueue([
        {
          kind: 'reply',
          message,
          fragmentId: fragment.id,
          fragment: fragment.bytes,
          attempt: 0,
          senderTag,
          surb,
        },
      ]);
    },
    onDroppedSurb(error) {
      logger.warn({ err: error }, 'dropped an unreadable stored reply SURB');
    },
  });

  const requireRunning = () => {
    if (!running) throw new ClientError('not_running', 'the client is not running (call start() first)');
  };

  const submitRegular = (
    recipient: Recipient,
    message: NymMessage,
    { retransmit, lane }: { retransmit: boolean; lane?: number },
  ): SendReceipt => {
    const fragments = fragmentsOf(message);
    const created = newMessage(fragments, retransmit, lane);
    enqueue(
      fragments.map((fragment) => ({
        kind: 'regular' as const,
        message: created.message,
        fragmentId: fragment.id,
        fragment: fragment.bytes,
        attempt: 0,
        recipient,
      })),
    );
    return created.receipt;
  };

  /** SURBs back to us; their reply keys are stored before any leaves. */
  const makeSurbs = (count: number): ReplySurb[] => {
    const surbs = createReplySurbs(packetContext(), count);
    store.saveReplyKeys(
      surbs.map((surb) => ({ digest: replyKeyDigest(crypto, surb.replyKey), key: surb.replyKey })),
      wallClock(),
    );
    stats.inc('surbs_sent', count);
    return surbs;
  };

  const senderTagFor = (recipient: Recipient): Uint8Array => {
    const name = formatRecipient(recipient);
    const existing = store.senderTagFor(name);
    if (existing !== undefined) return existing;
    const tag = rng.randomBytes(SENDER_TAG_SIZE);
    store.saveSenderTag(name, tag);
    return tag;
  };

  // --- sending -------------------------------------------------------------------------------

  const prepare = (item: QueueItem): PreparedPacket => {
    const ctx = packetContext();
    return item.kind === 'regular'
      ? prepareRegularFragment(ctx, item.recipient, item.fragmentId, item.fragment)
      : prepareReplyFragment(ctx, item.surb, item.fragmentId, item.fragment);
  };

  const sendItem = (item: QueueItem): void => {
    let prepared: PreparedPacket;
    try {
      prepared = prepare(item);
    } catch (error) {
      // No route to the recipient's gateway: tell the sender rather than stall the queue.
      logger.warn({ err: error, messageId: item.message.id }, 'cannot build a packet; giving up the message');
      tracker.fail(item.message, 'no_route', (error as Error).message);
      return;
    }
    if (!link.send(prepared)) {
      queue.pushFront(item);
      return;
    }
    stats.inc('real_packets_sent');
    tracker.sent(item, prepared.roundTripDelayMs);
  };

  // Cover is built 55 times a second: say when it starts and stops failing, not every time.
  let coverFailing = false;
  const sendCover = (): void => {
    let packet;
    try {
      packet = prepareLoopCover(packetContext());
    } catch (error) {
      if (!coverFailing) logger.warn({ err: error }, 'cannot build loop cover packets');
      coverFailing = true;
      return;
    }
    if (coverFailing) logger.info('building loop cover packets again');
    coverFailing = false;
    if (link.send(packet)) stats.inc('cover_packets_sent');
  };

  /** A tick of the real-or-cover stream: the next real packet if one waits, loop cover otherwise. */
  const mainTick = () => {
    if (!link.connected) return;
    const item = queue.next();
    if (item === undefined) sendCover();
    else sendItem(item);
  };

  /** Without the Poisson stream, real packets leave as soon as they are queued. */
  const kick = () => {
    if (!timing.disableMainPoissonStream || drainTimer !== undefined || !running) return;
    drainTimer = clock.setTimer(0, () => {
      drainTimer = undefined;
      if (!link.connected) return;
      for (let item = queue.next(); item !== undefined; item = queue.next()) sendItem(item);
    });
  };

  const mainStream = createPoissonStream(timing.messageSendingAverageDelayMs, clock, rng, mainTick);
  const loopStream = createPoissonStream(timing.loopCoverTrafficAverageDelayMs, clock, rng, () => {
    if (link.connected) sendCover();
  });

  // --- receiving -----------------------------------------------------------------------------

  const deliver = (message: ReceivedMessage) => {
    if (received.push(message)) stats.inc('messages_received');
    else {
      stats.inc('messages_dropped');
      logger.warn('received message dropped: the application is not reading messages');
    }
  };

  const answerSurbRequest = (requester: Recipient, amount: number) => {
    const tag = store.senderTagFor(formatRecipient(requester));
    if (tag === undefined) {
      logger.warn(
        { requester: formatRecipient(requester) },
        'SURB request from a recipient we never wrote to',
      );
      return;
    }
    const count = Math.min(amount, replyOptions.maxSurbsPerRequest);
    if (count === 0) return;
    submitRegular(
      requester,
      {
        kind: 'repliable',
        senderTag: tag,
        content: { kind: 'additional_surbs', replySurbs: makeSurbs(count) },
      },
      { retransmit: true },
    );
  };

  const handleMessage = (message: NymMessage) => {
    switch (message.kind) {
      case 'plain':
        deliver({ kind: 'plain', data: message.data });
        return;
      case 'repliable': {
        const surbs = message.content.replySurbs.map(encodeReplySurb);
        if (surbs.length > 0) stats.inc('surbs_received', replies.surbsArrived(message.senderTag, surbs));
        if (message.content.kind === 'data')
          deliver({ kind: 'repliable', data: message.content.data, senderTag: message.senderTag });
        return;
      }
      case 'reply':
        if (message.content.kind === 'data') deliver({ kind: 'reply', data: message.content.data });
        else answerSurbRequest(message.content.recipient, message.content.amount);
    }
  };

  const drop = (error: unknown) => {
    stats.inc('packets_dropped');
    logger.debug({ err: error }, 'dropped a payload from the gateway');
  };

  const onGatewayMessage = (bytes: Uint8Array) => {
    if (!running) return;
    stats.inc('packets_received');
    try {
      const packet = openReceived(receiveKeys, bytes);
      if (packet.kind === 'cover') {
        stats.inc('cover_packets_received');
      } else if (packet.kind === 'ack') {
        if (packet.fragmentId.setId === 0) return;
        stats.inc(tracker.acked(packet.fragmentId) ? 'acks_received' : 'stale_acks_received');
      } else {
        const result = reassembler.insert(packet.fragment);
        if (result.kind === 'duplicate') stats.inc('duplicate_fragments');
        else if (result.kind === 'inconsistent') drop(new ClientError('malformed_fragment', result.reason));
        else if (result.kind === 'complete') handleMessage(decodeNymMessage(unpadMessage(result.message)));
      }
    } catch (error) {
      if (!(error instanceof ClientError)) throw error;
      drop(error);
    }
  };

  const link = createGatewayLink(
    deps.connectGateway,
    { ...DEFAULT_RECONNECT, ...options.reconnect },
    { clock, rng, logger: logger.child({ component: 'gateway' }), onMessage: onGatewayMessage },
  );

  const housekeeping = () => {
    const { expiredSets } = reassembler.expire();
    if (expiredSets > 0) stats.inc('incomplete_messages_expired', expiredSets);
    try {
      store.pruneExpired(wallClock(), replyOptions);
    } catch (error) {
      logger.error({ err: error }, 'cannot prune the client store');
    }
    housekeepingTimer = clock.setTimer(options.housekeepingIntervalMs ?? 10_000, housekeeping);
  };

  return {
    address: self,
    addressString: selfString,
    async start(signal) {
      if (running) return;
      await topology.start(signal);
      // Running before the link is up: a gateway pushes stored messages right after authentication.
      running = true;
      try {
        await link.start(signal);
      } catch (error) {
        running = false;
        topology.stop();
        throw error;
      }
      if (!timing.disableMainPoissonStream) mainStream.start();
      if (!timing.disableLoopCoverStream) loopStream.start();
      housekeepingTimer = clock.setTimer(options.housekeepingIntervalMs ?? 10_000, housekeeping);
      logger.info({ address: selfString }, 'client started');
    },
    async stop() {
      if (!running) return;
      running = false;
      mainStream.stop();
      loopStream.stop();
      drainTimer?.cancel();
      housekeepingTimer?.cancel();
      topology.stop();
      replies.stop();
      tracker.stop();
      queue.clear();
      received.close();
      await link.stop();
    },
    send(recipient, data, sendOptions = {}) {
      requireRunning();
      return submitRegular(
        toRecipient(recipient),
        { kind: 'plain', data },
        { retransmit: true, ...sendOptions },
      );
    },
    sendAnonymous(recipient, data, sendOptions = {}) {
      requireRunning();
      const target = toRecipient(recipient);
      const count = sendOptions.replySurbs ?? replyOptions.defaultReplySurbs;
      if (!Number.isInteger(count) || count < 0 || count > replyOptions.maxSurbsPerRequest) {
        throw new ClientError(
          'malformed_request',
          `replySurbs must be a whole number from 0 to ${replyOptions.maxSurbsPerRequest}, got ${count}`,
        );
      }
      const message: NymMessage = {
        kind: 'repliable',
        senderTag: senderTagFor(target),
        content: { kind: 'data', data, replySurbs: makeSurbs(count) },
      };
      return submitRegular(target, message, {
        retransmit: true,
        ...(sendOptions.lane === undefined ? {} : { lane: sendOptions.lane }),
      });
    },
    reply(senderTag, data, sendOptions = {}) {
      requireRunning();
      const tag = toSenderTag(senderTag);
      if (replies.available(tag) === 0 && !replies.waiting(tag)) {
        throw new ClientError('no_reply_surbs', `no reply SURBs from sender ${formatSenderTag(tag)}`);
      }
      const fragments = fragmentsOf({ kind: 'reply', content: { kind: 'data', data } });
      const { message, receipt } = newMessage(fragments, true, sendOptions.lane);
      replies.submit(
        fragments.map((fragment) => ({
          message,
          fragmentId: fragment.id,
          fragment: fragment.bytes,
          attempt: 0,
          senderTag: tag,
        })),
      );
      return receipt;
    },
    messages: () => received.iterate(),
    queuedInLane: (lane) => queue.countInLane(lane),
    availableReplySurbs: (senderTag) => replies.available(toSenderTag(senderTag)),
    stats: () => ({ ...stats.values }),
  };
}
