import { NodeError } from '../errors';

export type FrameErrorCode =
  | 'unknown_frame_version'
  | 'unknown_packet_size'
  | 'unsupported_packet_size'
  | 'unknown_packet_type'
  | 'unsupported_packet_type'
  | 'unknown_key_rotation'
  | 'packet_size_mismatch';

/** A frame no honest peer sends: the connection it came on is closed. */
export class FrameError extends NodeError {
  declare readonly code: FrameErrorCode;

  constructor(code: FrameErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(code, message, { action: 'reject', details });
  }
}
