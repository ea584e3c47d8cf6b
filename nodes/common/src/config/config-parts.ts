// Config pieces every nymts process shares (mix node, gateway, client): the config file's place in
// a home folder, paths relative to it, socket addresses and the logging section.
import { isAbsolute, join } from 'node:path';
import { z } from 'zod';
import { parseSocketAddress } from '../address/node-address';
import { LOG_LEVELS } from '../logging/logger';

export const NODE_CONFIG_FILE = join('config', 'config.toml');

export const socketAddressSchema = z.string().refine(
  (text) => {
    try {
      parseSocketAddress(text);
      return true;
    } catch {
      return false;
    }
  },
  { message: 'expected an IP socket address: host:port or [v6]:port' },
);

export const loggingSection = z.strictObject({ level: z.enum(LOG_LEVELS).default('info') });

/** A path from the config: absolute as written, or relative to the home folder. */
export function inHome(home: string, path: string): string {
  return isAbsolute(path) ? path : join(home, path);
}
