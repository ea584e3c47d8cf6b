import { decodeBase58 } from '@nymts/gateway-protocol';

export { encodeBase58 } from '@nymts/gateway-protocol';

/** Decodes bs58 (Bitcoin alphabet, as Nym's `bs58` crate); undefined when the text is not bs58. */
export function tryDecodeBase58(text: string): Uint8Array | undefined {
  try {
    return decodeBase58(text);
  } catch {
    return undefined;
  }
}
