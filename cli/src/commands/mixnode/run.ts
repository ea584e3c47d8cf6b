import { formatSocketAddress, type LogLevel } from '@nymts/node-common';
import { loadMixnodeFromHome, type Mixnode } from '@nymts/mixnode';
import type { CommandHandler } from '../../framework/command';
import { asCliError, runUntilAborted } from '../../framework/node-options';
import { resolveHome } from './options';

export interface MixnodeRunOptions {
  id?: string;
  home?: string;
  host?: string;
  mixPort?: number;
  httpPort?: number;
  workers?: number;
  logLevel?: LogLevel;
}

export interface MixnodeRunEnvironment {
  /** Called once the node is up (tests use it to reach the node). */
  onStarted?(mixnode: Mixnode): void;
}

/** `nymts mixnode run`: runs the node until SIGINT/SIGTERM, then stops it cleanly. */
export function mixnodeRun(environment: MixnodeRunEnvironment = {}): CommandHandler<MixnodeRunOptions> {
  return async (options, ctx) => {
    const home = resolveHome(options);
    const { mixnode, config, metrics } = asCliError(() =>
      loadMixnodeFromHome(home, {
        listenHost: options.host,
        mixPort: options.mixPort,
        httpPort: options.httpPort,
        workers: options.workers,
        logLevel: options.logLevel,
      }),
    );
    await runUntilAborted(mixnode, ctx, () => {
      environment.onStarted?.(mixnode);
      return `mix node "${config.node.id}" listening on ${formatSocketAddress(mixnode.mixAddress)}; Ctrl-C stops it`;
    });
    const data = {
      id: config.node.id,
      received: (await metrics.value('packets_received_total')) ?? 0,
      forwarded: (await metrics.value('packets_forwarded_total')) ?? 0,
      dropped: (await metrics.value('packets_dropped_total')) ?? 0,
    };
    return {
      data,
      text: `mix node "${data.id}" stopped: ${data.received} received, ${data.forwarded} forwarded, ${data.dropped} dropped`,
    };
  };
}
