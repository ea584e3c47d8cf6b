import { base58 } from '@scure/base';

export function encodeBase58(bytes: Uint8Array): string {
  return base58.encode(bytes);
}

/** Decodes bs58 (Bitcoin alphabet, as Nym's `bs58` crate); undefined when the text is not bs58. */
export function tryDecodeBase58(text: string): Uint8Array | undefined {
  try {
    return base58.decode(text);
  } catch {
    return undefined;
  }
}
