// A replay filter on disk: a fixed header, the segments' bitmaps, then SHA-256 of all of it.
// Written to a temporary file, synced and renamed over the old one, so a crash mid-write leaves
// the previous filter intact; the checksum catches any other damage.
import { createHash } from 'node:crypto';
import { open, readFile, rename, rm } from 'node:fs/promises';
import { NodeError } from '@nymts/node-common';
import { BloomFilter } from './bloom-filter';
import { ReplayFilter } from './replay-filter';

const MAGIC = Buffer.from('NYMTSRPF', 'ascii');
const FORMAT_VERSION = 1;
const HEADER_BYTES = 28;
const SEGMENT_BYTES = 28;
const CHECKSUM_BYTES = 32;
/** Hash this much per event-loop turn, so a large filter does not stall packet forwarding. */
const HASH_SLICE = 4 * 1024 * 1024;

export class ReplayFileError extends NodeError {
  constructor(message: string, details: Record<string, unknown>) {
    super('replay_file_invalid', message, { action: 'reject', details });
  }
}

async function sha256(parts: readonly Uint8Array[]): Promise<Buffer> {
  const hash = createHash('sha256');
  for (const part of parts) {
    for (let offset = 0; offset < part.length; offset += HASH_SLICE) {
      hash.update(part.subarray(offset, offset + HASH_SLICE));
      if (part.length > HASH_SLICE) await new Promise((resolve) => setImmediate(resolve));
    }
  }
  return hash.digest();
}

function encodeHeader(filter: ReplayFilter, falsePositiveRate: number): Buffer {
  const header = Buffer.alloc(HEADER_BYTES + SEGMENT_BYTES * filter.segments.length);
  MAGIC.copy(header, 0);
  header.writeUInt32BE(FORMAT_VERSION, 8);
  header.writeUInt32BE(filter.rotationId, 12);
  header.writeDoubleBE(falsePositiveRate, 16);
  header.writeUInt32BE(filter.segments.length, 24);
  filter.segments.forEach((segment, i) => {
    const at = HEADER_BYTES + i * SEGMENT_BYTES;
    header.writeDoubleBE(segment.bits, at);
    header.writeUInt32BE(segment.hashes, at + 8);
    header.writeDoubleBE(segment.capacity, at + 12);
    header.writeDoubleBE(segment.count, at + 20);
  });
  return header;
}

/** Snapshots the filter (bits only ever get set, so a copy is consistent) and writes it. */
export async function writeReplayFile(
  path: string,
  filter: ReplayFilter,
  falsePositiveRate: number,
): Promise<void> {
  const parts: Uint8Array[] = [
    encodeHeader(filter, falsePositiveRate),
    ...filter.segments.map((segment) => segment.bitmap.slice()),
  ];
  parts.push(await sha256(parts));
  const temporary = `${path}.tmp`;
  const handle = await open(temporary, 'w', 0o600);
  try {
    for (const part of parts) await handle.write(part);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temporary, path);
}

function invalid(path: string, reason: string): ReplayFileError {
  return new ReplayFileError(`replay filter file ${path} is damaged: ${reason}`, { path, reason });
}

export async function readReplayFile(
  path: string,
): Promise<{ filter: ReplayFilter; falsePositiveRate: number }> {
  const data = await readFile(path);
  if (data.length < HEADER_BYTES + CHECKSUM_BYTES || !data.subarray(0, 8).equals(MAGIC))
    throw invalid(path, 'not a replay filter file');
  if (data.readUInt32BE(8) !== FORMAT_VERSION)
    throw invalid(path, `format version ${data.readUInt32BE(8)} is not ${FORMAT_VERSION}`);
  const body = data.subarray(0, data.length - CHECKSUM_BYTES);
  if (!(await sha256([body])).equals(data.subarray(body.length))) throw invalid(path, 'checksum mismatch');
  const rotationId = data.readUInt32BE(12);
  const falsePositiveRate = data.readDoubleBE(16);
  const segmentCount = data.readUInt32BE(24);
  let offset = HEADER_BYTES + SEGMENT_BYTES * segmentCount;
  if (segmentCount === 0 || offset > body.length) throw invalid(path, `bad segment count ${segmentCount}`);
  const segments: BloomFilter[] = [];
  for (let i = 0; i < segmentCount; i++) {
    const at = HEADER_BYTES + i * SEGMENT_BYTES;
    const bits = data.readDoubleBE(at);
    const length = Math.ceil(bits / 8);
    if (!Number.isSafeInteger(bits) || bits < 1 || offset + length > body.length)
      throw invalid(path, `segment ${i} overruns the file`);
    segments.push(
      new BloomFilter({
        bits,
        hashes: data.readUInt32BE(at + 8),
        capacity: data.readDoubleBE(at + 12),
        count: data.readDoubleBE(at + 20),
        bitmap: new Uint8Array(body.subarray(offset, offset + length)),
      }),
    );
    offset += length;
  }
  if (offset !== body.length) throw invalid(path, 'trailing bytes after the last segment');
  return { filter: new ReplayFilter(rotationId, falsePositiveRate, segments), falsePositiveRate };
}

export async function removeReplayFile(path: string): Promise<void> {
  await rm(path, { force: true });
}
