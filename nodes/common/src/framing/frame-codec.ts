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
    const data = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    let offset = 0;
    for (;;) {
      const decoded = decodeFrameHeader(data, offset);
      if (decoded.kind === 'incomplete') break;
      if (decoded.kind === 'invalid') {
        this.failure = decoded.error;
        this.pending = EMPTY;
        return decoded.error;
      }
      const packetStart = offset + decoded.headerLength;
      const frameEnd = packetStart + decoded.packetLength;
      if (frameEnd > data.length) break;
      const packet = new Uint8Array(decoded.packetLength);
      packet.set(data.subarray(packetStart, frameEnd));
      offset = frameEnd;
      onFrame({ header: decoded.header, packet });
    }
    this.pending = offset === data.length ? EMPTY : Buffer.from(data.subarray(offset));
    return undefined;
  }

  /** Bytes of a frame begun but not finished: non-zero when the peer closes mid-frame. */
  get bufferedBytes(): number {
    return this.pending.length;
  }
}
