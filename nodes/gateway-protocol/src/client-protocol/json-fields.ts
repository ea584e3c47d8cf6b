import { ProtocolError } from './errors';

// Field readers for the protocol's JSON frames: each names the field and the frame type in its
// error, so a malformed request gets an answer that says what was wrong.

export type JsonObject = Record<string, unknown>;

/** Protocol versions are a `u8` on the Rust side. */
export const U8_MAX = 255;

function malformed(frame: string, field: string, expected: string): ProtocolError {
  return new ProtocolError('malformed-message', `${frame}: field "${field}" must be ${expected}`, 'reject', {
    frame,
    field,
  });
}

export function parseJsonObject(text: string, what: string): JsonObject {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new ProtocolError(
      'malformed-message',
      `${what} is not valid JSON: ${(error as Error).message}`,
      'reject',
    );
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ProtocolError('malformed-message', `${what} must be a JSON object`, 'reject');
  }
  return value as JsonObject;
}

export function readByteArray(object: JsonObject, field: string, frame: string): Uint8Array {
  const value = object[field];
  if (!Array.isArray(value) || !value.every((byte) => Number.isInteger(byte) && byte >= 0 && byte <= 255)) {
    throw malformed(frame, field, 'an array of bytes');
  }
  return Uint8Array.from(value as number[]);
}

export function readUint(object: JsonObject, field: string, frame: string, max: number): number {
  const value = object[field];
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0 || value > max) {
    throw malformed(frame, field, `an integer in 0..${max}`);
  }
  return value;
}

export function readOptionalUint(
  object: JsonObject,
  field: string,
  frame: string,
  max: number,
): number | undefined {
  return object[field] === undefined || object[field] === null
    ? undefined
    : readUint(object, field, frame, max);
}

export function readString(object: JsonObject, field: string, frame: string): string {
  const value = object[field];
  if (typeof value !== 'string') throw malformed(frame, field, 'a string');
  return value;
}

export function readBoolean(object: JsonObject, field: string, frame: string): boolean {
  const value = object[field];
  if (typeof value !== 'boolean') throw malformed(frame, field, 'a boolean');
  return value;
}

export function readBase64(object: JsonObject, field: string, frame: string): Uint8Array {
  const value = readString(object, field, frame);
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(value) || value.length % 4 !== 0) {
    throw malformed(frame, field, 'standard padded base64');
  }
  return new Uint8Array(Buffer.from(value, 'base64'));
}

export function toByteArray(bytes: Uint8Array): number[] {
  return Array.from(bytes);
}

export function toBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}
