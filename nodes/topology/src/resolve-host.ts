import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';

/** Turns a host name into the IP address Sphinx headers carry; IP addresses pass unchanged. */
export type HostResolver = (host: string, signal?: AbortSignal) => Promise<string>;

/**
 * Sphinx node addresses hold an IP, never a name, but the contract lets operators bond a host name
 * (a container name, a DNS name): the client resolves it when it reads the topology.
 */
export const resolveHost: HostResolver = async (host, signal) => {
  if (isIP(host) !== 0) return host;
  signal?.throwIfAborted();
  const { address } = await lookup(host);
  return address;
};
