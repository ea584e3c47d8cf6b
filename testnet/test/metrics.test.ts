import { metricTotal, packetCounters, performance, type NodeObservation } from '../src';

const MIXNODE_METRICS = `# HELP nym_mixnode_packets_received_total packets in well-formed frames
# TYPE nym_mixnode_packets_received_total counter
nym_mixnode_packets_received_total 120
nym_mixnode_packets_received_total_extra 999
nym_mixnode_packets_forwarded_total 100
nym_mixnode_packets_dropped_total{reason="replay"} 3
nym_mixnode_packets_dropped_total{reason="unwrap_failed"} 4
nym_mixnode_packets_dropped_total{reason="delay_queue_full"} 2
`;

const GATEWAY_METRICS = `nym_gateway_packets_received_total 50
nym_gateway_client_packets_received_total 30
nym_gateway_packets_forwarded_total 35
nym_gateway_messages_delivered_total{via="push"} 40
nym_gateway_messages_delivered_total{via="inbox"} 2
nym_gateway_packets_dropped_total{reason="unknown_client"} 1
nym_gateway_packets_dropped_total{reason="store_failed"} 2
nym_gateway_packets_dropped_total{reason="inbox_full"} 3
`;

const up = (received: number, forwarded: number, dropped = 0, ownDrops = 0): NodeObservation => ({
  kind: 'up',
  counters: { received, forwarded, dropped, ownDrops },
});

describe('metricTotal', () => {
  it('sums every label set of the named metric and nothing that only starts with its name', () => {
    expect(metricTotal(MIXNODE_METRICS, 'nym_mixnode_packets_received_total')).toBe(120);
    expect(metricTotal(MIXNODE_METRICS, 'nym_mixnode_packets_dropped_total')).toBe(9);
    expect(
      metricTotal(MIXNODE_METRICS, 'nym_mixnode_packets_dropped_total', (set) => set.includes('replay')),
    ).toBe(3);
    expect(metricTotal(MIXNODE_METRICS, 'nym_mixnode_delay_queue_packets')).toBeUndefined();
  });
});

describe('packetCounters', () => {
  it('reads a mix node', () => {
    expect(packetCounters('mixnode', MIXNODE_METRICS)).toEqual({
      received: 120,
      forwarded: 100,
      dropped: 9,
      ownDrops: 2,
    });
  });

  it('counts a gateway’s client packets as received', () => {
    expect(packetCounters('gateway', GATEWAY_METRICS)).toEqual({
      received: 80,
      forwarded: 35,
      dropped: 6,
      ownDrops: 5,
    });
  });
});

describe('performance', () => {
  it('is 0 for a node that does not answer', () => {
    expect(performance('mixnode', up(10, 10), { kind: 'unreachable', reason: 'ECONNREFUSED' })).toBe(0);
    expect(performance('gateway', up(10, 10), { kind: 'unreachable', reason: 'ECONNREFUSED' })).toBe(0);
  });

  it('is, for a mix node, the share of the packets received in the period it sent on or dropped for others’ faults', () => {
    expect(performance('mixnode', up(100, 90), up(200, 165))).toBe(0.75);
    // Its next hop died: half its packets are dropped as unreachable; not its failure.
    expect(performance('mixnode', up(100, 100), up(200, 150, 50))).toBe(1);
    // Its own delay queue overflowed.
    expect(performance('mixnode', up(100, 100), up(200, 150, 50, 50))).toBe(0.5);
    expect(performance('mixnode', up(100, 90), up(200, 300))).toBe(1);
  });

  it('is, for a gateway, the share of the packets received in the period it did not drop by its own failure', () => {
    expect(performance('gateway', up(100, 0, 5, 5), up(200, 0, 25, 25))).toBe(0.8);
    expect(performance('gateway', up(100, 0, 5, 0), up(200, 0, 25, 0))).toBe(1);
    expect(performance('gateway', up(100, 90), up(300, 500))).toBe(1);
  });

  it('holds nothing against an idle node', () => {
    expect(performance('mixnode', up(100, 90), up(100, 90))).toBe(1);
    expect(performance('gateway', undefined, up(0, 0))).toBe(1);
  });

  it('counts from zero again after a node restarts', () => {
    expect(performance('mixnode', up(1000, 1000), up(10, 5))).toBe(0.5);
  });
});
