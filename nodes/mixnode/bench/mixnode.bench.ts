// Forwarding throughput of one mix node process over real TCP on 127.0.0.1, with the sender and
// the sink in processes of their own: packets/s in, packets/s out, and the loss at that rate.
// Packets carry zero delay. Until @nymts/sphinx is merged the node unwraps with the test-only
// processor, so these figures are WITHOUT Sphinx unwrap: the cost of framing, worker hand-off,
// replay filter, queueing and forwarding alone.
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { defineSuite, type BenchContext } from '@nymts/bench';
import { PACKET_SUITE, generateSphinxKeys } from '../test/support/packet-suite';
import type { NodeReport, SenderJob, SenderReport, SinkReport } from './processes/protocol';

const PROCESSES = join(__dirname, 'processes');
const label =
  PACKET_SUITE.processor.exportName === 'testProcessor' ? 'without Sphinx unwrap' : 'with Sphinx unwrap';

// NYMTS_BENCH_PROFILE=<dir> writes a V8 CPU profile of the node process (open it in Chrome
// DevTools or speedscope) to see where its time goes.
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

interface Run {
  sent: number;
  delivered: number;
  inRate: number;
  outRate: number;
  loss: number;
  node: Extract<NodeReport, { kind: 'stopped' }>;
}

async function runOnce(workers: number, packets: number, rate: number): Promise<Run> {
  const key = generateSphinxKeys();
  const node = start('node-process.ts', [
    Buffer.from(key.privateKey).toString('hex'),
    Buffer.from(key.publicKey).toString('hex'),
    String(workers),
  ]);
  const sink = start('sink-process.ts');
  const sender = start('sender-process.ts');
  try {
    const [{ port: nodePort }, { port: sinkPort }] = await Promise.all([
      next<Extract<NodeReport, { kind: 'ready' }>>(node, 'ready'),
      next<Extract<SinkReport, { kind: 'ready' }>>(sink, 'ready'),
    ]);
    const job: SenderJob = {
      nodePort,
      nodePublicKey: Buffer.from(key.publicKey).toString('hex'),
      sinkPort,
      packets,
      rate,
    };
    sender.send(job);
    await next(sender, 'built');
    const sent = await next<Extract<SenderReport, { kind: 'sent' }>>(sender, 'sent');
    // Wait until the sink has everything or stops hearing anything for a second.
    let counted = await sinkCount(sink);
    for (let quiet = 0; counted.count < sent.sent && quiet < 10;) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const now = await sinkCount(sink);
      quiet = now.count === counted.count ? quiet + 1 : 0;
      counted = now;
    }
    node.send({ kind: 'stop' });
    const nodeReport = await next<Extract<NodeReport, { kind: 'stopped' }>>(node, 'stopped');
    const inSeconds = (sent.finishedAt - sent.startedAt) / 1000;
    const outSeconds = (counted.lastAt - sent.startedAt) / 1000;
    return {
      sent: sent.sent,
      delivered: counted.count,
      inRate: sent.sent / inSeconds,
      outRate: counted.count / outSeconds,
      loss: 1 - counted.count / sent.sent,
      node: nodeReport,
    };
  } finally {
    sink.send({ kind: 'stop' });
    for (const child of [node, sink, sender]) if (child.exitCode === null) await once(child, 'exit');
  }
}

function report(ctx: BenchContext, name: string, run: Run): void {
  ctx.report({ name: `${name}: in`, value: run.inRate, unit: 'packets/s' });
  ctx.report({ name: `${name}: out`, value: run.outRate, unit: 'packets/s' });
  ctx.report({ name: `${name}: loss`, value: run.loss * 100, unit: '%' });
  // Where any loss went: the node's own drop counters, by reason.
  for (const [reason, count] of Object.entries(run.node.dropped)) {
    ctx.report({ name: `${name}: dropped by the node (${reason})`, value: count, unit: 'packets' });
  }
  const unaccounted = run.sent - run.delivered - Object.values(run.node.dropped).reduce((a, b) => a + b, 0);
  if (unaccounted !== 0)
    ctx.report({ name: `${name}: sent, not delivered, not dropped`, value: unaccounted, unit: 'packets' });
}

export default defineSuite({
  name: `mix node forwarding (${label})`,
  async run(ctx) {
    ctx.progress('saturating, 2 unwrap workers');
    report(ctx, `mix node, 2 workers, saturating (${label})`, await runOnce(2, 60_000, 0));
    if (ctx.signal.aborted) return;
    ctx.progress('saturating, unwrap on the main thread');
    report(ctx, `mix node, main thread, saturating (${label})`, await runOnce(0, 60_000, 0));
    if (ctx.signal.aborted) return;
    ctx.progress('offered 6,000 packets/s, 2 unwrap workers');
    report(ctx, `mix node, 2 workers, offered 6000/s (${label})`, await runOnce(2, 30_000, 6000));
  },
});
