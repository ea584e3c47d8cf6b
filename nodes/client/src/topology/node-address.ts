import { isIPv4, isIPv6 } from 'node:net';
import { NODE_ADDRESS_SIZE } from '@nymts/sphinx';
import { ClientError } from '../errors';

// SEAM: @nymts/node-common exports the node-address codec the mix nodes and gateways use
// (`encodeNodeAddress`). This local copy of the encoder exists only until that package is merged;
// the integrator replaces its one caller (topology/json-file-provider.ts) with the shared one.

function ipv6Bytes(host: string): number[] {
  const [head = '', tail] = host.split('::') as [string, string | undefined];
  const groups = (text: string) => (text === '' ? [] : text.split(':').map((group) => parseInt(group, 16)));
  const left = groups(head);
  const right = tail === undefined ? [] : groups(tail);
  const all = [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
  return all.flatMap((group) => [group >> 8, group & 0xff]);
}

/**
 * Nym's Sphinx node address: `4|6 ‖ port (u16 BE) ‖ IPv4 (4) | IPv6 (16)`, zero-padded to 32 bytes
 * (nym-sphinx-addressing `nodes.rs`).
 */
export function encodeNodeAddress(host: string, port: number): Uint8Array {
  if (!Number.isInteger(port) || port < 1 || port > 0xffff) {
    throw new ClientError('bad_topology', `port ${port} is not a TCP port`);
  }
  const out = new Uint8Array(NODE_ADDRESS_SIZE);
  out[1] = port >> 8;
  out[2] = port & 0xff;
  if (isIPv4(host)) {
    out[0] = 4;
    out.set(host.split('.').map(Number), 3);
  } else if (isIPv6(host) && !host.includes('.')) {
    out[0] = 6;
    out.set(ipv6Bytes(host), 3);
  } else {
    throw new ClientError(
      'bad_topology',
      `"${host}" is not an IP address (mix addresses carry no host names)`,
    );
  }
  return out;
}
