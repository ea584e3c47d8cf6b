// Nym's 32-byte node address, the next-hop field of a Sphinx routing block:
// 4|6 ‖ port (u16 BE) ‖ IPv4 (4) or IPv6 (16) bytes ‖ zero padding
// (nym-sphinx-addressing nodes.rs; shared/reference/nym-platform.md §1.3).
import { isIP } from 'node:net';
import { NodeError } from '../errors';

export const NODE_ADDRESS_LENGTH = 32;

export interface SocketAddress {
  host: string;
  port: number;
}

export class NodeAddressError extends NodeError {
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('invalid_node_address', message, { action: 'drop', details });
  }
}

function ipv4Bytes(host: string): number[] {
  return host.split('.').map((part) => Number(part));
}

function ipv6Bytes(host: string): number[] {
  const [head = '', tail] = host.split('::') as [string, string | undefined];
  const parse = (text: string): number[] => {
    if (text === '') return [];
    const groups: number[] = [];
    for (const group of text.split(':')) {
      if (group.includes('.')) {
        const [a, b, c, d] = ipv4Bytes(group) as [number, number, number, number];
        groups.push((a << 8) | b, (c << 8) | d);
      } else groups.push(parseInt(group, 16));
    }
    return groups;
  };
  const left = parse(head);
  const right = tail === undefined ? [] : parse(tail);
  const groups = [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
  return groups.flatMap((group) => [group >> 8, group & 0xff]);
}

function formatIpv6(bytes: Uint8Array): string {
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2)
    groups.push((((bytes[i] as number) << 8) | (bytes[i + 1] as number)).toString(16));
  // Compress the longest run of zero groups, as RFC 5952 asks.
  let bestStart = -1;
  let bestLength = 0;
  for (let i = 0; i < 8;) {
    if (groups[i] !== '0') {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === '0') j++;
    if (j - i > bestLength && j - i > 1) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  if (bestStart < 0) return groups.join(':');
  return `${groups.slice(0, bestStart).join(':')}::${groups.slice(bestStart + bestLength).join(':')}`;
}

/** Bytes of the unpadded form: family, port and the IP. */
function unpaddedLength(family: 4 | 6): number {
  return family === 4 ? 7 : 19;
}

/**
 * Encodes an IP socket address in its 32-byte padded form, the next-hop field of a routing block;
 * host names are refused, since the field carries only IPs.
 */
export function encodeNodeAddress(address: SocketAddress): Uint8Array {
  const family = isIP(address.host);
  // A zone id (fe80::1%eth0) names a local interface; it has no place in a routable address.
  if (family === 0 || address.host.includes('%')) {
    throw new NodeAddressError(`"${address.host}" is not an IP address`, { host: address.host });
  }
  if (!Number.isInteger(address.port) || address.port < 0 || address.port > 0xffff) {
    throw new NodeAddressError(`port ${address.port} is out of range`, { port: address.port });
  }
  const bytes = new Uint8Array(NODE_ADDRESS_LENGTH);
  bytes[0] = family;
  bytes[1] = address.port >> 8;
  bytes[2] = address.port & 0xff;
  bytes.set(family === 4 ? ipv4Bytes(address.host) : ipv6Bytes(address.host), 3);
  return bytes;
}

/** The unpadded form (7 bytes for IPv4, 19 for IPv6) that Nym's `MixPacket` and SURB-ACKs carry. */
export function encodeUnpaddedNodeAddress(address: SocketAddress): Uint8Array {
  const padded = encodeNodeAddress(address);
  return padded.slice(0, unpaddedLength(padded[0] as 4 | 6));
}

/**
 * Reads an address at the start of `bytes`, padded or not, and says how many bytes its unpadded
 * form took. Like Nym, it ignores what follows, so packets built by Nym's clients decode the same.
 */
export function readNodeAddress(bytes: Uint8Array): { address: SocketAddress; length: number } {
  const family = bytes[0];
  if (family !== 4 && family !== 6) {
    throw new NodeAddressError(`address family byte ${String(family)} is neither 4 nor 6`, { family });
  }
  const length = unpaddedLength(family);
  if (bytes.length < length) {
    throw new NodeAddressError(`an IPv${family} node address needs ${length} bytes, got ${bytes.length}`, {
      length: bytes.length,
    });
  }
  const port = ((bytes[1] as number) << 8) | (bytes[2] as number);
  const host = family === 4 ? Array.from(bytes.subarray(3, 7)).join('.') : formatIpv6(bytes.subarray(3, 19));
  return { address: { host, port }, length };
}

export function decodeNodeAddress(bytes: Uint8Array): SocketAddress {
  return readNodeAddress(bytes).address;
}

/** `host:port`, with IPv6 hosts in brackets. */
export function formatSocketAddress(address: SocketAddress): string {
  return isIP(address.host) === 6 ? `[${address.host}]:${address.port}` : `${address.host}:${address.port}`;
}

/** Parses `host:port` or `[v6]:port`; the host must be an IP address. */
export function parseSocketAddress(text: string): SocketAddress {
  const match = /^(?:\[([^\]]+)\]|([^:]+)):(\d{1,5})$/.exec(text.trim());
  const host = match?.[1] ?? match?.[2];
  const port = Number(match?.[3]);
  if (host === undefined || isIP(host) === 0 || port > 0xffff) {
    throw new NodeAddressError(`"${text}" is not an IP socket address (host:port or [v6]:port)`, { text });
  }
  return { host, port };
}
