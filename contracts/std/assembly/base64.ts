import { ByteBuffer, fromUtf8 } from './bytes';

// Standard alphabet with padding, strict on decode (canonical padding, no whitespace), which is
// how cosmwasm-std's `Binary` reads and writes base64.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function toBase64(bytes: Uint8Array): string {
  const out = new ByteBuffer(((bytes.length + 2) / 3) * 4);
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const chunk = ((bytes[i] as u32) << 16) | ((bytes[i + 1] as u32) << 8) | (bytes[i + 2] as u32);
    out.byte(ALPHABET.charCodeAt((chunk >> 18) & 63) as u8);
    out.byte(ALPHABET.charCodeAt((chunk >> 12) & 63) as u8);
    out.byte(ALPHABET.charCodeAt((chunk >> 6) & 63) as u8);
    out.byte(ALPHABET.charCodeAt(chunk & 63) as u8);
  }
  const rest = bytes.length - i;
  if (rest > 0) {
    let chunk = (bytes[i] as u32) << 16;
    if (rest === 2) chunk |= (bytes[i + 1] as u32) << 8;
    out.byte(ALPHABET.charCodeAt((chunk >> 18) & 63) as u8);
    out.byte(ALPHABET.charCodeAt((chunk >> 12) & 63) as u8);
    out.byte(rest === 2 ? (ALPHABET.charCodeAt((chunk >> 6) & 63) as u8) : 61);
    out.byte(61);
  }
  return fromUtf8(out.toBytes());
}

function sextet(c: i32): i32 {
  if (c >= 65 && c <= 90) return c - 65;
  if (c >= 97 && c <= 122) return c - 71;
  if (c >= 48 && c <= 57) return c + 4;
  if (c === 43) return 62;
  if (c === 47) return 63;
  return -1;
}

/** Decodes strict base64; null when the text is not canonical base64. */
export function fromBase64(text: string): Uint8Array | null {
  const n = text.length;
  if (n % 4 !== 0) return null;
  let padding = 0;
  if (n > 0 && text.charCodeAt(n - 1) === 61) padding++;
  if (n > 1 && text.charCodeAt(n - 2) === 61) padding++;
  const out = new Uint8Array((n / 4) * 3 - padding);
  let o = 0;
  for (let i = 0; i < n; i += 4) {
    const last = i + 4 === n;
    const a = sextet(text.charCodeAt(i));
    const b = sextet(text.charCodeAt(i + 1));
    const c = last && padding === 2 ? 0 : sextet(text.charCodeAt(i + 2));
    const d = last && padding >= 1 ? 0 : sextet(text.charCodeAt(i + 3));
    if (a < 0 || b < 0 || c < 0 || d < 0) return null;
    const chunk = (a << 18) | (b << 12) | (c << 6) | d;
    out[o++] = (chunk >> 16) as u8;
    if (!(last && padding === 2)) out[o++] = (chunk >> 8) as u8;
    else if ((chunk & 0xffff) !== 0) return null;
    if (!(last && padding >= 1)) out[o++] = chunk as u8;
    else if (padding === 1 && (chunk & 0xff) !== 0) return null;
  }
  return out;
}
