import { PACKET_SIZES } from '@nymts/sphinx';
import { FrameError } from './frame-error';
import {
  decodeFrameHeader,
  frameHeaderLength,
  writeFrameHeader,
  type FrameHeader,
  type FrameVersion,
} from './frame-header';
import {
  KeyRotation,
  PacketType,
  packetSizeByLength,
  type KeyRotationValue,
  type PacketTypeValue,
} from './packet-size';

export interface Frame {
  header: FrameHeader;
  /** A copy owned by the frame: safe to keep, and to transfer to a worker thread. */
  packet: Uint8Array;
}

export interface FrameOptions {
  version: FrameVersion;
  packetType?: PacketTypeValue;
  keyRotation?: KeyRotationValue;
}

/** Header and packet in one buffer, ready for a socket. Throws when no size fits the packet. */
export function encodeFrame(packet: Uint8Array, options: FrameOptions): Buffer {
  const packetSize = packetSizeByLength(packet.length);
  if (packetSize === undefined) {
    throw new FrameError('packet_size_mismatch', `no packet size is ${packet.length} bytes long`, {
      length: packet.length,
    });
  }
  const header: FrameHeader = {
    version: options.version,
    packetSize,
    packetType: options.packetType ?? PacketType.mix,
    keyRotation:
      options.version === 'v8' ? (options.keyRotation ?? KeyRotation.unknown) : KeyRotation.unknown,
  };
  const frame = Buffer.allocUnsafe(frameHeaderLength(options.version) + packet.length);
  const headerLength = writeFrameHeader(header, frame);
  frame.set(packet, headerLength);
  return frame;
}

const EMPTY = Buffer.alloc(0);
/** The longest frame: a v8 header and an extended32 packet. */
const MAX_FRAME_BYTES =
  frameHeaderLength('v8') + Math.max(...Object.values(PACKET_SIZES).map((s) => s.totalSize));

/**
 * Splits a byte stream into frames. It holds at most one partial frame (≤ 33 KiB), so a peer
 * cannot make it buffer more. After the first bad header it fails every later call: the stream
 * is out of sync and the connection must close.
 */
export class FrameDecoder {
  private pending: Buffer = EMPTY;
  private failure: FrameError | undefined;

  /** Calls `onFrame` for each complete frame; returns the error that ends the stream, if any. */
  push(chunk: Uint8Array, onFrame: (frame: Frame) => void): FrameError | undefined {
    if (this.failure !== undefined) return this.failure;
    let start = 0;
    if (this.pending.length > 0) {
      // Only as much of the chunk as can finish the pending frame is copied behind it; the rest
      // is read where it lies.
      const head = Buffer.concat([this.pending, chunk.subarray(0, MAX_FRAME_BYTES)]);
      const offset = this.drain(head, 0, onFrame);
      if (offset === undefined) return this.failure;
      if (offset < this.pending.length) {
        // No frame finished, so the chunk was shorter than a frame and lies wholly in `head`.
        this.pending = head;
        return undefined;
      }
      start = offset - this.pending.length;
    }
    const offset = this.drain(chunk, start, onFrame);
    if (offset === undefined) return this.failure;
    this.pending = offset === chunk.length ? EMPTY : Buffer.from(chunk.subarray(offset));
    return undefined;
  }

  /** Bytes of a frame begun but not finished: non-zero when the peer closes mid-frame. */
  get bufferedBytes(): number {
    return this.pending.length;
  }

  /** Hands on every complete frame from `offset`; returns where the first incomplete one starts. */
  private drain(data: Uint8Array, offset: number, onFrame: (frame: Frame) => void): number | undefined {
    for (;;) {
      const decoded = decodeFrameHeader(data, offset);
      if (decoded.kind === 'incomplete') return offset;
      if (decoded.kind === 'invalid') {
        this.failure = decoded.error;
        this.pending = EMPTY;
        return undefined;
      }
      const packetStart = offset + decoded.headerLength;
      const frameEnd = packetStart + decoded.packetLength;
      if (frameEnd > data.length) return offset;
      // A buffer of its own (never a pool slice), filled at once, so no zero fill.
      const packet = new Uint8Array(
        Buffer.allocUnsafeSlow(decoded.packetLength).buffer,
        0,
        decoded.packetLength,
      );
      packet.set(data.subarray(packetStart, frameEnd));
      offset = frameEnd;
      onFrame({ header: decoded.header, packet });
    }
  }
}
