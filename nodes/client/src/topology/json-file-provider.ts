import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { tryDecodeBase58 } from '../address/base58';
import { checkEd25519PublicKey, checkX25519PublicKey } from '../address/keys';
import { ClientError } from '../errors';
import { encodeNodeAddress } from '@nymts/node-common';
import type { GatewayNode, MixNode, Topology, TopologyProvider } from './topology';

const key = z.string().min(1);
const port = z.number().int().min(1).max(65535);
const performance = z.number().min(0).max(1).default(1);

const mixnodeEntry = z.object({
  identityKey: key,
  sphinxKey: key,
  host: z.string().min(1),
  mixPort: port,
  layer: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  performance,
});

const gatewayEntry = z.object({
  identityKey: key,
  sphinxKey: key,
  host: z.string().min(1),
  mixPort: port,
  clientsPort: port.optional(),
  performance,
});

const fileShape = z.object({
  mixnodes: z.array(z.unknown()),
  gateways: z.array(z.unknown()),
});

export interface SkippedEntry {
  kind: 'mixnode' | 'gateway';
  index: number;
  reason: string;
}

function decodeKey(text: string, check: (bytes: Uint8Array, what: string) => void, what: string): Uint8Array {
  const bytes = tryDecodeBase58(text);
  if (bytes === undefined) throw new ClientError('bad_topology', `${what} "${text}" is not base58`);
  check(bytes, what);
  return bytes;
}

function toNode(entry: z.infer<typeof gatewayEntry>) {
  return {
    identity: decodeKey(entry.identityKey, checkEd25519PublicKey, 'identity key'),
    sphinxKey: decodeKey(entry.sphinxKey, checkX25519PublicKey, 'sphinx key'),
    host: entry.host,
    mixPort: entry.mixPort,
    address: encodeNodeAddress({ host: entry.host, port: entry.mixPort }),
    performance: entry.performance,
  };
}

function reasonOf(error: unknown): string {
  if (error instanceof z.ZodError) {
    return error.issues.map((issue) => `${issue.path.join('.') || 'entry'}: ${issue.message}`).join('; ');
  }
  return (error as Error).message;
}

/**
 * Reads a topology document. A malformed entry is skipped and reported, not fatal: one bad node in
 * a shared file must not take every client down (Nym issue #4109).
 */
export function parseTopologyDocument(document: unknown): { topology: Topology; skipped: SkippedEntry[] } {
  const shape = fileShape.safeParse(document);
  if (!shape.success) {
    throw new ClientError('bad_topology', `a topology document has "mixnodes" and "gateways" arrays`, {
      details: { issues: shape.error.issues.map((issue) => issue.message) },
    });
  }
  const skipped: SkippedEntry[] = [];
  const mixnodes: MixNode[] = [];
  const gateways: GatewayNode[] = [];
  shape.data.mixnodes.forEach((raw, index) => {
    try {
      const entry = mixnodeEntry.parse(raw);
      mixnodes.push({ ...toNode(entry), layer: entry.layer });
    } catch (error) {
      skipped.push({ kind: 'mixnode', index, reason: reasonOf(error) });
    }
  });
  shape.data.gateways.forEach((raw, index) => {
    try {
      const entry = gatewayEntry.parse(raw);
      gateways.push({
        ...toNode(entry),
        ...(entry.clientsPort === undefined ? {} : { clientsPort: entry.clientsPort }),
      });
    } catch (error) {
      skipped.push({ kind: 'gateway', index, reason: reasonOf(error) });
    }
  });
  return { topology: { mixnodes, gateways }, skipped };
}

/** A topology read from a JSON file on every fetch (so edits are picked up at the next refresh). */
export function createJsonFileTopologyProvider(
  path: string,
  onSkipped: (entries: SkippedEntry[]) => void = () => {},
): TopologyProvider {
  return {
    async fetch(signal) {
      let text: string;
      try {
        text = await readFile(path, { encoding: 'utf8', signal });
      } catch (error) {
        throw new ClientError('bad_topology', `cannot read topology file ${path}`, { cause: error });
      }
      let document: unknown;
      try {
        document = JSON.parse(text);
      } catch (error) {
        throw new ClientError('bad_topology', `topology file ${path} is not JSON`, { cause: error });
      }
      const { topology, skipped } = parseTopologyDocument(document);
      if (skipped.length > 0) onSkipped(skipped);
      return topology;
    },
  };
}
