// `ClientMetrics` is the part of node-common's `Metrics` the client uses (`createMetrics({ role:
// 'client' })` fits it); counters become `nym_client_<name>_total`.

export interface ClientMetrics {
  counter(spec: { name: string; help: string }): {
    inc(labels?: Record<string, string>, value?: number): void;
  };
}

const STATS = {
  real_packets_sent: 'real packets sent, retransmissions included',
  retransmissions: 'fragments sent again after their ack timed out',
  cover_packets_sent: 'loop cover packets sent by either stream',
  acks_received: 'acks that confirmed a fragment',
  stale_acks_received: 'acks for fragments already confirmed or unknown',
  packets_received: 'payloads pushed by the gateway',
  cover_packets_received: 'our own loop cover packets back',
  packets_dropped: 'payloads that could not be read',
  duplicate_fragments: 'fragments received again (a retransmission whose ack was lost)',
  messages_received: 'messages reassembled and handed to the application',
  messages_dropped: 'messages lost because the application did not read them',
  incomplete_messages_expired: 'sets given up because their fragments stopped arriving',
  messages_delivered: 'sent messages whose every fragment was acknowledged',
  messages_failed: 'sent messages given up',
  surbs_received: 'reply SURBs stored for anonymous senders',
  surbs_sent: 'reply SURBs attached to our anonymous messages',
  surb_requests_sent: 'requests for more reply SURBs',
} as const;

export type StatName = keyof typeof STATS;
export type ClientStats = Record<StatName, number>;

export interface Stats {
  readonly values: ClientStats;
  inc(name: StatName, by?: number): void;
}

export function createStats(metrics?: ClientMetrics): Stats {
  const values = Object.fromEntries(Object.keys(STATS).map((name) => [name, 0])) as ClientStats;
  const counters = new Map(
    Object.entries(STATS).map(([name, help]) => [name, metrics?.counter({ name: `${name}_total`, help })]),
  );
  return {
    values,
    inc(name, by = 1) {
      values[name] += by;
      counters.get(name)?.inc(undefined, by);
    },
  };
}
