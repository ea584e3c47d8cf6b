// Base58 (Bitcoin alphabet), the encoding Nym uses for node keys and signatures.

const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

function digitOf(c: i32): i32 {
  for (let i = 0; i < 58; i++) if (ALPHABET.charCodeAt(i) === c) return i;
  return -1;
}

/** The bytes `text` encodes, or null when it is not base58 or does not decode to `length` bytes. */
export function decodeBase58(text: string, length: i32): Uint8Array | null {
  // Every leading '1' is one zero byte; the rest is a big-endian base-58 number.
  if (text.length === 0 || text.length > 2 * length) return null;
  let zeros = 0;
  while (zeros < text.length && text.charCodeAt(zeros) === 49) zeros++;
  const number = new Uint8Array(length);
  let used = 0; // bytes of `number` in use, counted from the end
  for (let i = zeros; i < text.length; i++) {
    let carry = digitOf(text.charCodeAt(i));
    if (carry < 0) return null;
    for (let j = 0; j < used || carry !== 0; j++) {
      if (j >= length) return null;
      const at = length - 1 - j;
      carry += 58 * (number[at] as i32);
      number[at] = carry as u8;
      carry >>= 8;
      if (j >= used) used = j + 1;
    }
  }
  if (zeros + used !== length) return null;
  return number;
}
