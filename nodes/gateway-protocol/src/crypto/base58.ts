// Bitcoin alphabet, as Nym (the `bs58` crate) uses for keys, addresses and shared keys.
const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';
const DIGIT_OF = new Map([...ALPHABET].map((char, index) => [char, BigInt(index)]));

export function encodeBase58(bytes: Uint8Array): string {
  let leadingZeros = 0;
  while (leadingZeros < bytes.length && bytes[leadingZeros] === 0) leadingZeros += 1;
  let value = 0n;
  for (const byte of bytes) value = (value << 8n) | BigInt(byte);
  let digits = '';
  while (value > 0n) {
    digits = ALPHABET[Number(value % 58n)] + digits;
    value /= 58n;
  }
  return '1'.repeat(leadingZeros) + digits;
}

/** Decodes base58; throws a RangeError naming the first character outside the alphabet. */
export function decodeBase58(text: string): Uint8Array {
  let leadingOnes = 0;
  while (leadingOnes < text.length && text[leadingOnes] === '1') leadingOnes += 1;
  let value = 0n;
  for (const [position, char] of [...text].entries()) {
    const digit = DIGIT_OF.get(char);
    if (digit === undefined) {
      throw new RangeError(`invalid base58 character ${JSON.stringify(char)} at position ${position}`);
    }
    value = value * 58n + digit;
  }
  const body: number[] = [];
  while (value > 0n) {
    body.unshift(Number(value & 0xffn));
    value >>= 8n;
  }
  return Uint8Array.from([...new Array<number>(leadingOnes).fill(0), ...body]);
}
