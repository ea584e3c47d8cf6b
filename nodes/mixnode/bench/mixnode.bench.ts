// Forwarding throughput of one mix node process over real TCP on 127.0.0.1, with the sender and
// the sink in processes of their own: packets/s in, packets/s out, and the loss at that rate.
// Real Sphinx packets (regular size, version 258) with zero delay: every packet costs the node a
// full unwrap. They are built once, before any measurement, and offered to a fresh node per run.
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { defineSuite, type BenchContext } from '@nymts/bench';
import { generateSphinxKeys } from '../test/support/packet-suite';
import type { NodeReport, SenderCommand, SenderReport, SinkReport } from './processes/protocol';

const PROCESSES = join(__dirname, 'processes');
const PACKETS = 30_000;
const OFFERED_RATE = 6000;

// NYMTS_BENCH_PROFILE=<dir> writes V8 CPU profiles of the node process, one per thread (open
// them in Chrome DevTools or speedscope) to see where its time goes.
const PROFILE_DIR = process.env.NYMTS_BENCH_PROFILE;

function start(file: string, args: string[] = []): ChildProcess {
  const profile =
    file === 'node-process.ts' && PROFILE_DIR !== undefined
      ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`]
      : [];
  return fork(join(PROCESSES, file), args, {
    execArgv: [...profile, '-r', '@nymts/ts-run/register'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}

async function next<T>(child: ChildProcess, kind: string): Promise<T> {
  for (;;) {
    const [message] = (await once(child, 'message')) as [T & { kind: string }];
    if (message.kind === kind) return message;
  }
}

async function sinkCount(sink: ChildProcess): Promise<Extract<SinkReport, { kind: 'count' }>> {
  sink.send({ kind: 'count' });
  return next(sink, 'count');
}

interface Bench {
  key: { privateKey: Uint8Array; publicKey: Uint8Array };
  sink: ChildProcess;
  sender: ChildProcess;
}

interface Run {
  sent: number;
  delivered: number;
  inRate: number;
  outRate: number;
  loss: number;
  node: Extract<NodeReport, { kind: 'stopped' }>;
}

async function runOnce(bench: Bench, workers: number, rate: number): Promise<Run> {
  const node = start('node-process.ts', [
    Buffer.from(bench.key.privateKey).toString('hex'),
    Buffer.from(bench.key.publicKey).toString('hex'),
    String(workers),
  ]);
  try {
    const { port: nodePort } = await next<Extract<NodeReport, { kind: 'ready' }>>(node, 'ready');
    const before = (await sinkCount(bench.sink)).count;
    bench.sender.send({ kind: 'send', nodePort, packets: PACKETS, rate } satisfies SenderCommand);
    const sent = await next<Extract<SenderReport, { kind: 'sent' }>>(bench.sender, 'sent');
    // Wait until the sink has everything or stops hearing anything for a second.
    let counted = await sinkCount(bench.sink);
    for (let quiet = 0; counted.count - before < sent.sent && quiet < 10;) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const now = await sinkCount(bench.sink);
      quiet = now.count === counted.count ? quiet + 1 : 0;
      counted = now;
    }
    node.send({ kind: 'stop' });
    const nodeReport = await next<Extract<NodeReport, { kind: 'stopped' }>>(node, 'stopped');
    const delivered = counted.count - before;
    return {
      sent: sent.sent,
      delivered,
      inRate: sent.sent / ((sent.finishedAt - sent.startedAt) / 1000),
      outRate: delivered / ((counted.lastAt - sent.startedAt) / 1000),
      loss: 1 - delivered / sent.sent,
      node: nodeReport,
    };
  } finally {
    if (node.exitCode === null) await once(node, 'exit');
  }
}

function report(ctx: BenchContext, name: string, run: Run, cores: number): void {
  ctx.report({ name: `${name}: in`, value: run.inRate, unit: 'packets/s' });
  ctx.report({ name: `${name}: out`, value: run.outRate, unit: 'packets/s' });
  ctx.report({ name: `${name}: loss`, value: run.loss * 100, unit: '%' });
  const cpuPerPacket = run.node.cpuSeconds / run.sent;
  ctx.report({ name: `${name}: node CPU per packet (all threads)`, value: cpuPerPacket * 1e6, unit: 'µs' });
  // What the node would forward with its cores to itself (sender and sink elsewhere): a ceiling
  // derived from its CPU time, for a machine where other work takes the cores.
  ctx.report({
    name: `${name}: ceiling with ${cores} core(s) to itself`,
    value: cores / cpuPerPacket,
    unit: 'packets/s',
  });
  // Where any loss went: the node's own drop counters, by reason.
  for (const [reason, count] of Object.entries(run.node.dropped)) {
    ctx.report({ name: `${name}: dropped by the node (${reason})`, value: count, unit: 'packets' });
  }
  const unaccounted = run.sent - run.delivered - Object.values(run.node.dropped).reduce((a, b) => a + b, 0);
  if (unaccounted !== 0)
    ctx.report({ name: `${name}: sent, not delivered, not dropped`, value: unaccounted, unit: 'packets' });
  // The machine is shared: the load average says how much of it this run had.
  ctx.report({ name: `${name}: load average (1 min) after`, value: loadavg()[0] as number, unit: '' });
}

export default defineSuite({
  name: 'mix node forwarding (Sphinx unwrap)',
  async run(ctx) {
    const sink = start('sink-process.ts');
    const sender = start('sender-process.ts');
    const bench: Bench = { key: generateSphinxKeys(), sink, sender };
    try {
      const { port: sinkPort } = await next<Extract<SinkReport, { kind: 'ready' }>>(sink, 'ready');
      ctx.progress(`building ${PACKETS} Sphinx packets`);
      sender.send({
        kind: 'build',
        nodePublicKey: Buffer.from(bench.key.publicKey).toString('hex'),
        sinkPort,
        packets: PACKETS,
      } satisfies SenderCommand);
      await next(sender, 'built');
      const runs: Array<[string, number, number]> = [
        ['2 workers, saturating', 2, 0],
        ['main thread, saturating', 0, 0],
        [`2 workers, offered ${OFFERED_RATE}/s`, 2, OFFERED_RATE],
      ];
      for (const [label, workers, rate] of runs) {
        if (ctx.signal.aborted) return;
        ctx.progress(label);
        report(ctx, `mix node, ${label}`, await runOnce(bench, workers, rate), workers === 0 ? 1 : 2);
      }
    } finally {
      sink.send({ kind: 'stop' });
      sender.send({ kind: 'stop' } satisfies SenderCommand);
      for (const child of [sink, sender]) if (child.exitCode === null) await once(child, 'exit');
    }
  },
});
