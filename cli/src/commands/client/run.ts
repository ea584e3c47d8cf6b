import { formatSocketAddress, type LogLevel } from '@nymts/node-common';
import { loadClientFromHome, type ClientProcess, type ClientRuntime } from '@nymts/client';
import type { CommandHandler } from '../../framework/command';
import { runUntilAborted } from '../../framework/node-options';
import { asClientCliError, clientCliError, resolveHome } from './options';

export interface ClientRunOptions {
  id?: string;
  home?: string;
  topology?: string;
  host?: string;
  port?: number;
  httpPort?: number;
  logLevel?: LogLevel;
}

export interface ClientRunEnvironment {
  /** Called once the client is up (tests use it to reach it). */
  onStarted?(client: ClientProcess): void;
  /** A topology source in place of the file (the mixnet contract), client settings for tests. */
  runtime?: ClientRuntime;
}

/** `nymts client run`: runs the client and its WebSocket API until SIGINT/SIGTERM. */
export function clientRun(environment: ClientRunEnvironment = {}): CommandHandler<ClientRunOptions> {
  return async (options, ctx) => {
    const home = resolveHome(options);
    const running = await asClientCliError(() =>
      loadClientFromHome(
        home,
        {
          topologyFile: options.topology,
          apiHost: options.host,
          apiPort: options.port,
          httpPort: options.httpPort,
          logLevel: options.logLevel,
        },
        environment.runtime,
      ),
    );
    try {
      await runUntilAborted(running, ctx, () => {
        environment.onStarted?.(running);
        const api =
          running.apiAddress === undefined ? 'off' : `ws://${formatSocketAddress(running.apiAddress)}`;
        return `client "${running.config.client.id}" up as ${running.address}; WebSocket API ${api}; Ctrl-C stops it`;
      });
    } catch (error) {
      throw clientCliError(error);
    }
    const stats = running.client.stats();
    const data = {
      id: running.config.client.id,
      address: running.address,
      real_packets_sent: stats.real_packets_sent,
      cover_packets_sent: stats.cover_packets_sent,
      messages_received: stats.messages_received,
      messages_delivered: stats.messages_delivered,
      messages_failed: stats.messages_failed,
    };
    return {
      data,
      text: `client "${data.id}" stopped: ${data.real_packets_sent} real and ${data.cover_packets_sent} cover packets sent, ${data.messages_delivered} messages delivered, ${data.messages_failed} failed, ${data.messages_received} received`,
    };
  };
}
