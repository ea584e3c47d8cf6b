import { once } from 'node:events';
import { formatSocketAddress, type LogLevel } from '@nymts/node-common';
import { SPHINX_PROCESSOR, loadMixnodeFromHome, type Mixnode } from '@nymts/mixnode';
import type { CommandHandler } from '../../framework/command';
import { asCliError, toCliError } from './errors';
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
      loadMixnodeFromHome(
        home,
        {
          listenHost: options.host,
          mixPort: options.mixPort,
          httpPort: options.httpPort,
          workers: options.workers,
          logLevel: options.logLevel,
        },
        { processor: SPHINX_PROCESSOR },
      ),
    );
    try {
      await mixnode.start(ctx.signal);
    } catch (error) {
      await mixnode.stop();
      throw toCliError(error);
    }
    environment.onStarted?.(mixnode);
    if (ctx.io.interactive) {
      ctx.io.err(
        `mix node "${config.node.id}" listening on ${formatSocketAddress(mixnode.mixAddress)}; Ctrl-C stops it`,
      );
    }
    if (!ctx.signal.aborted) await once(ctx.signal, 'abort');
    await mixnode.stop();
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
