import { once } from 'node:events';
import { join } from 'node:path';
import {
  formatSummary,
  resetTestnet,
  testnetStatus,
  TestnetError,
  upTestnet,
  type Launcher,
  type TestnetStatus,
} from '@nymts/testnet';
import type { CommandContext, CommandHandler } from '../../framework/command';
import { CliError } from '../../framework/errors';
import { toJson } from '../../framework/output';

export interface UpOptions {
  home?: string;
  basePort?: number;
  blockTime?: string;
  epochSeconds?: number;
  clients?: number;
}

export interface HomeOptions {
  home?: string;
}

/** Children run this CLI's own entry point, with the Node that runs us. */
export const NYMTS_LAUNCHER: Launcher = {
  command: process.execPath,
  args: [join(__dirname, '..', '..', '..', 'bin', 'nymts.js')],
};

async function asCliError<T>(action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof TestnetError) throw new CliError(error.code, error.message, error.details);
    throw error;
  }
}

/** `nymts testnet up`: builds or resumes the network, prints its summary, runs until Ctrl-C. */
export function testnetUp(launcher: Launcher = NYMTS_LAUNCHER): CommandHandler<UpOptions> {
  return async (options, ctx) => {
    const startedAt = performance.now();
    let network;
    try {
      network = await asCliError(() =>
        upTestnet(
          {
            home: options.home,
            basePort: options.basePort,
            blockTime: options.blockTime,
            epochSeconds: options.epochSeconds,
            shape: options.clients === undefined ? undefined : { clients: options.clients },
          },
          { launcher, progress: (line) => ctx.io.err(`[${elapsed(startedAt)}] ${line}`), signal: ctx.signal },
        ),
      );
    } catch (error) {
      // Ctrl-C while starting: everything started is already stopped again.
      if (ctx.signal.aborted)
        return { data: { stopped: true, up: false }, text: 'stopped before the network was up' };
      throw error;
    }
    ctx.io.err(`[${elapsed(startedAt)}] the network is ready`);
    ctx.io.out(ctx.format === 'json' ? toJson(network.description) : formatSummary(network.description));
    await untilAborted(ctx);
    ctx.io.err('stopping the network…');
    await network.stop();
    return { data: { stopped: true, home: network.description.home }, text: 'the network is stopped' };
  };
}

/** Seconds since `up` began, so the progress lines show where the time goes. */
function elapsed(startedAt: number): string {
  return `${((performance.now() - startedAt) / 1000).toFixed(1).padStart(5)} s`;
}

async function untilAborted(ctx: CommandContext): Promise<void> {
  if (!ctx.signal.aborted) await once(ctx.signal, 'abort');
}

export const testnetStatusCommand: CommandHandler<HomeOptions> = async (options) => {
  const status = await asCliError(() => testnetStatus(options.home));
  return { data: status, text: formatStatus(status) };
};

export const testnetReset: CommandHandler<HomeOptions> = async (options) => {
  const result = await asCliError(async () => resetTestnet(options.home));
  return {
    data: result,
    text: result.removed ? `removed the network in ${result.home}` : `there was no network in ${result.home}`,
  };
};

function formatStatus(status: TestnetStatus): string {
  const lines = [
    `network in ${status.home}: ${status.running ? `running (supervisor pid ${status.supervisorPid})` : 'stopped'}`,
    `  chain ${status.chainId}  ${status.rpcUrl}  height ${status.height ?? '-'}  epoch ${status.epoch ?? '-'}`,
  ];
  for (const [role, address] of Object.entries(status.contracts))
    lines.push(`  ${role.padEnd(12)} ${address}`);
  lines.push('  processes:');
  for (const service of status.services) {
    const state = service.running
      ? 'running'
      : service.exit === undefined
        ? 'stopped'
        : `exited (${exitText(service.exit)})`;
    lines.push(`    ${service.name.padEnd(12)} pid ${String(service.pid ?? '-').padEnd(8)} ${state}`);
  }
  lines.push('  packets (received / forwarded / dropped, performance):');
  for (const node of status.nodes) {
    const counters = status.packets[node.id];
    const where = node.role === 'mixnode' ? `layer ${node.layer ?? '-'}` : 'gateway';
    const text =
      counters === undefined
        ? '-'
        : 'unreachable' in counters
          ? `unreachable (${counters.unreachable})`
          : `${counters.received} / ${counters.forwarded} / ${counters.dropped}` +
            (counters.performance === undefined ? '' : `, ${counters.performance.toFixed(2)}`);
    lines.push(`    ${node.id.padEnd(12)} ${where.padEnd(8)} ${text}`);
  }
  for (const client of status.clients) {
    lines.push(
      `  client ${client.id}  ws://127.0.0.1:${client.websocketPort}  ${client.address ?? '(no address yet)'}`,
    );
  }
  return lines.join('\n');
}

function exitText(exit: { code: number | null; signal: string | null }): string {
  return exit.signal !== null ? `signal ${exit.signal}` : `code ${String(exit.code)}`;
}
