// Messages between the mix node benchmark and its three processes (node, sender, sink).
export type NodeCommand = { kind: 'stop' };
export type NodeReport =
  | { kind: 'ready'; port: number }
  | {
      kind: 'stopped';
      received: number;
      forwarded: number;
      dropped: Record<string, number>;
      /** CPU seconds the node process used (every thread), user + system. */
      cpuSeconds: number;
    };

export type SinkCommand = { kind: 'count' } | { kind: 'stop' };
export type SinkReport = { kind: 'ready'; port: number } | { kind: 'count'; count: number; lastAt: number };

export type SenderCommand =
  | { kind: 'build'; nodePublicKey: string; sinkPort: number; packets: number }
  | {
      kind: 'send';
      nodePort: number;
      packets: number;
      /** Packets per second to offer; 0 sends as fast as TCP backpressure allows. */
      rate: number;
    }
  | { kind: 'stop' };
export type SenderReport =
  { kind: 'built'; packets: number } | { kind: 'sent'; sent: number; startedAt: number; finishedAt: number };

/** Wall-clock milliseconds comparable across processes on one machine. */
export function wallNow(): number {
  return performance.timeOrigin + performance.now();
}
