import type { AddressCodec } from '../../crypto/address';

export type AddressResult<T> = { ok: T } | { error: string };

/**
 * The chain's bech32 codec as the address imports need it: results instead of exceptions, since
 * a bad address is an answer for the contract, not a failure of the call.
 */
export function canonicalize(codec: AddressCodec, human: string): AddressResult<Uint8Array> {
  if (human.trim().length === 0) return { error: 'empty address string is not allowed' };
  try {
    return { ok: codec.decode(human) };
  } catch (error) {
    return { error: (error as Error).message };
  }
}

export function humanize(codec: AddressCodec, canonical: Uint8Array): AddressResult<string> {
  if (canonical.length === 0) return { error: 'addresses cannot be empty' };
  if (canonical.length > 255) return { error: `address max length is 255, got ${canonical.length}` };
  return { ok: codec.encode(canonical) };
}

/** wasmd's addr_validate: a valid address in its normal form (what humanize gives back). */
export function validateAddress(codec: AddressCodec, human: string): string | undefined {
  const canonical = canonicalize(codec, human);
  if ('error' in canonical) return canonical.error;
  return codec.encode(canonical.ok) === human ? undefined : 'address not normalized';
}
