import type { Timestamp } from '../modules/types';

const NANOS_PER_SECOND = 1_000_000_000n;

export function timestampFromNanos(nanos: bigint): Timestamp {
  return { seconds: nanos / NANOS_PER_SECOND, nanos: Number(nanos % NANOS_PER_SECOND) };
}

export function timestampToNanos(time: Timestamp): bigint {
  return time.seconds * NANOS_PER_SECOND + BigInt(time.nanos);
}

/** RFC 3339 with nanoseconds and trailing zeros trimmed, as Go's time.RFC3339Nano prints. */
export function formatRfc3339Nano(time: Timestamp): string {
  const date = new Date(Number(time.seconds) * 1000).toISOString().slice(0, 19);
  const fraction = time.nanos === 0 ? '' : `.${time.nanos.toString().padStart(9, '0').replace(/0+$/, '')}`;
  return `${date}${fraction}Z`;
}

/** RFC 3339 without fractional seconds: the SDK's TxResponse.timestamp. */
export function formatRfc3339Seconds(time: Timestamp): string {
  return `${new Date(Number(time.seconds) * 1000).toISOString().slice(0, 19)}Z`;
}

const RFC3339 = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d{1,9}))?(Z|[+-]\d{2}:\d{2})$/;

export function parseRfc3339(text: string): Timestamp {
  const match = RFC3339.exec(text);
  if (match === null) throw new Error(`not an RFC 3339 time: ${JSON.stringify(text)}`);
  const millis = Date.parse(`${match[1]}${match[3]}`);
  if (Number.isNaN(millis)) throw new Error(`not a valid time: ${JSON.stringify(text)}`);
  return { seconds: BigInt(millis / 1000), nanos: Number((match[2] ?? '').padEnd(9, '0') || '0') };
}
