import { formatSocketAddress, type LogLevel } from '@nymts/node-common';
import { loadGatewayFromHome, type Gateway } from '@nymts/gateway';
import type { CommandHandler } from '../../framework/command';
import { asCliError, runUntilAborted } from '../../framework/node-options';
import { resolveHome } from './options';

export interface GatewayRunOptions {
  id?: string;
  home?: string;
  host?: string;
  mixPort?: number;
  clientsPort?: number;
  httpPort?: number;
  workers?: number;
  logLevel?: LogLevel;
}

export interface GatewayRunEnvironment {
  /** Called once the gateway is up (tests use it to reach it). */
  onStarted?(gateway: Gateway): void;
}

/** `nymts gateway run`: runs the gateway until SIGINT/SIGTERM, then stops it cleanly. */
export function gatewayRun(environment: GatewayRunEnvironment = {}): CommandHandler<GatewayRunOptions> {
  return async (options, ctx) => {
    const home = resolveHome(options);
    const { gateway, config, metrics, closeStores } = asCliError(() =>
      loadGatewayFromHome(home, {
        listenHost: options.host,
        mixPort: options.mixPort,
        clientsPort: options.clientsPort,
        httpPort: options.httpPort,
        workers: options.workers,
        logLevel: options.logLevel,
      }),
    );
    try {
      await runUntilAborted(gateway, ctx, () => {
        environment.onStarted?.(gateway);
        return `gateway "${config.node.id}" up: mix port ${formatSocketAddress(gateway.mixAddress)}, clients ws://${formatSocketAddress(gateway.clientsAddress)}; Ctrl-C stops it`;
      });
    } finally {
      closeStores();
    }
    const count = async (name: string, labels?: Record<string, string>): Promise<number> =>
      (await metrics.value(name, labels)) ?? 0;
    const data = {
      id: config.node.id,
      received: await count('packets_received_total'),
      client_packets: await count('client_packets_received_total'),
      forwarded: await count('packets_forwarded_total'),
      delivered: await count('messages_delivered_total'),
      stored: await count('messages_stored_total'),
      dropped: await count('packets_dropped_total'),
    };
    return {
      data,
      text: `gateway "${data.id}" stopped: ${data.received} packets from the mixnet, ${data.client_packets} from clients, ${data.forwarded} forwarded, ${data.delivered} messages delivered, ${data.stored} stored, ${data.dropped} dropped`,
    };
  };
}
