// What the network can see of a node from outside: its health answer and its packet counters,
// read from the node's HTTP API (`/api/v1/health`, Prometheus `/metrics`).

export type NodeRole = 'mixnode' | 'gateway';

export interface PacketCounters {
  /** Packets that came in: on the mix port, plus, for a gateway, from its clients. */
  received: number;
  /** Packets written to a next hop (for a gateway: its clients' packets and SURB-ACKs). */
  forwarded: number;
  dropped: number;
}

export type NodeObservation =
  { kind: 'up'; counters: PacketCounters } | { kind: 'unreachable'; reason: string };

/** The sum over every label set of one metric in Prometheus text; undefined when absent. */
export function metricTotal(text: string, name: string): number | undefined {
  let total: number | undefined;
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) continue;
    const rest = line.slice(name.length);
    if (rest[0] !== ' ' && rest[0] !== '{') continue;
    const value = Number(rest.slice(rest.lastIndexOf(' ') + 1));
    if (Number.isFinite(value)) total = (total ?? 0) + value;
  }
  return total;
}

export function packetCounters(role: NodeRole, metricsText: string): PacketCounters {
  const count = (noun: string): number => metricTotal(metricsText, `nym_${role}_${noun}`) ?? 0;
  if (role === 'mixnode') {
    return {
      received: count('packets_received_total'),
      forwarded: count('packets_forwarded_total'),
      dropped: count('packets_dropped_total'),
    };
  }
  return {
    received: count('packets_received_total') + count('client_packets_received_total'),
    forwarded: count('packets_forwarded_total'),
    dropped: count('packets_dropped_total'),
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
 * A node's performance over a period, 0–1, from two observations: 0 when it does not answer;
 * for a mix node the share of the packets it received that it sent on; for a gateway, whose
 * packets end in several ways (sent on, an ack sent on and a message delivered, an ack
 * delivered), the share it did not drop. 1 when it received nothing: nothing to hold against it.
 * Packets held in a delay queue at the edges of the period make this a little noisy.
 */
export function performance(
  role: NodeRole,
  before: NodeObservation | undefined,
  now: NodeObservation,
): number {
  if (now.kind === 'unreachable') return 0;
  // A restarted node's counters begin again at zero: then count from there.
  const base =
    before?.kind === 'up' && now.counters.received >= before.counters.received
      ? before.counters
      : { received: 0, forwarded: 0, dropped: 0 };
  const received = now.counters.received - base.received;
  if (received === 0) return 1;
  const handled =
    role === 'mixnode'
      ? now.counters.forwarded - base.forwarded
      : received - (now.counters.dropped - base.dropped);
  return Math.min(1, Math.max(0, handled / received));
}
