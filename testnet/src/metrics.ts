// What the network can see of a node from outside: its health answer and its packet counters,
// read from the node's HTTP API (`/api/v1/health`, Prometheus `/metrics`).

export type NodeRole = 'mixnode' | 'gateway';

export interface PacketCounters {
  /** Packets that came in: on the mix port, plus, for a gateway, from its clients. */
  received: number;
  /** Packets written to a next hop (for a gateway: its clients' packets and SURB-ACKs). */
  forwarded: number;
  dropped: number;
  /** Drops the node itself is to blame for (full queues, failed storage), not its peers or senders. */
  ownDrops: number;
}

/**
 * Drop reasons that are the node's own failure. Everything else it drops is a sender's fault
 * (malformed, replayed, unknown recipient, over the rate) or its next hop's (unreachable,
 * slow), and must not count against it: a mix node whose next hop died is still doing its job.
 */
export const OWN_DROP_REASONS: Readonly<Record<NodeRole, readonly string[]>> = {
  mixnode: ['delay_queue_full'],
  gateway: ['inbox_full', 'store_failed'],
};

export type NodeObservation =
  { kind: 'up'; counters: PacketCounters } | { kind: 'unreachable'; reason: string };

/**
 * The sum over the label sets of one metric in Prometheus text (those `labels` accepts, all by
 * default); undefined when absent.
 */
export function metricTotal(
  text: string,
  name: string,
  labels: (set: string) => boolean = () => true,
): number | undefined {
  let total: number | undefined;
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) continue;
    const rest = line.slice(name.length);
    if (rest[0] !== ' ' && rest[0] !== '{') continue;
    if (rest[0] === '{' && !labels(rest.slice(1, rest.indexOf('}')))) continue;
    const value = Number(rest.slice(rest.lastIndexOf(' ') + 1));
    if (Number.isFinite(value)) total = (total ?? 0) + value;
  }
  return total;
}

export function packetCounters(role: NodeRole, metricsText: string): PacketCounters {
  const count = (noun: string): number => metricTotal(metricsText, `nym_${role}_${noun}`) ?? 0;
  const own = OWN_DROP_REASONS[role].map((reason) => `reason="${reason}"`);
  return {
    received:
      count('packets_received_total') + (role === 'gateway' ? count('client_packets_received_total') : 0),
    forwarded: count('packets_forwarded_total'),
    dropped: count('packets_dropped_total'),
    ownDrops:
      metricTotal(metricsText, `nym_${role}_packets_dropped_total`, (set) =>
        own.some((label) => set.includes(label)),
      ) ?? 0,
  };
}

export async function observeNode(
  role: NodeRole,
  httpPort: number,
  signal: AbortSignal = AbortSignal.timeout(2_000),
): Promise<NodeObservation> {
  const base = `http://127.0.0.1:${httpPort}`;
  try {
    const health = await fetch(`${base}/api/v1/health`, { signal });
    if (!health.ok) return { kind: 'unreachable', reason: `health answered ${health.status}` };
    await health.body?.cancel();
    const metrics = await fetch(`${base}/metrics`, { signal });
    if (!metrics.ok) return { kind: 'unreachable', reason: `metrics answered ${metrics.status}` };
    return { kind: 'up', counters: packetCounters(role, await metrics.text()) };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return { kind: 'unreachable', reason: cause ?? (error as Error).message };
  }
}

/**
 * A node's performance over a period, 0–1, from two observations: 0 when it does not answer; else
 * the share of the packets it received that it handled — for a mix node, sent on or dropped for
 * a reason that is not its own failure (packets it silently loses count against it); for a
 * gateway, whose packets end in several ways (sent on, delivered, stored, an ack sent on), the
 * share it did not drop by its own failure. 1 when it received nothing: nothing to hold against
 * it. Packets held in a delay queue at the edges of the period make this a little noisy.
 */
export function performance(
  role: NodeRole,
  before: NodeObservation | undefined,
  now: NodeObservation,
): number {
  if (now.kind === 'unreachable') return 0;
  // A restarted node's counters begin again at zero: then count from there.
  const zero = { received: 0, forwarded: 0, dropped: 0, ownDrops: 0 };
  const base =
    before?.kind === 'up' && now.counters.received >= before.counters.received ? before.counters : zero;
  const delta = (key: keyof PacketCounters): number => now.counters[key] - base[key];
  const received = delta('received');
  if (received === 0) return 1;
  const handled =
    role === 'mixnode'
      ? delta('forwarded') + delta('dropped') - delta('ownDrops')
      : received - delta('ownDrops');
  return Math.min(1, Math.max(0, handled / received));
}
