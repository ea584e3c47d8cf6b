import { fromBech32, toBech32 } from '@cosmjs/encoding';

export type AddressResult<T> = { ok: T } | { error: string };

/**
 * Bech32 addresses as the Cosmos SDK checks them (`sdk.AccAddressFromBech32`,
 * `VerifyAddressFormat`), plus wasmd's rule that a validated address must be in normal form.
 */
export class AddressCodec {
  constructor(readonly prefix: string) {}

  canonicalize(human: string): AddressResult<Uint8Array> {
    if (human.trim().length === 0) return { error: 'empty address string is not allowed' };
    let decoded: { prefix: string; data: Uint8Array };
    try {
      decoded = fromBech32(human, 256);
    } catch (error) {
      return { error: `decoding bech32 failed: ${(error as Error).message}` };
    }
    if (decoded.prefix !== this.prefix) {
      return { error: `invalid Bech32 prefix; expected ${this.prefix}, got ${decoded.prefix}` };
    }
    const formatError = verifyAddressFormat(decoded.data);
    return formatError === undefined ? { ok: decoded.data } : { error: formatError };
  }

  humanize(canonical: Uint8Array): AddressResult<string> {
    const formatError = verifyAddressFormat(canonical);
    if (formatError !== undefined) return { error: formatError };
    return { ok: toBech32(this.prefix, canonical) };
  }

  /** Returns an error message, or undefined when `human` is a valid address in normal form. */
  validate(human: string): string | undefined {
    const canonical = this.canonicalize(human);
    if ('error' in canonical) return canonical.error;
    if (toBech32(this.prefix, canonical.ok) !== human) return 'address not normalized';
    return undefined;
  }

  /** Canonical bytes of an address the chain itself handed out; throws on a malformed one. */
  mustCanonicalize(human: string): Uint8Array {
    const result = this.canonicalize(human);
    if ('error' in result) throw new Error(`invalid address ${JSON.stringify(human)}: ${result.error}`);
    return result.ok;
  }
}

function verifyAddressFormat(bytes: Uint8Array): string | undefined {
  if (bytes.length === 0) return 'addresses cannot be empty';
  if (bytes.length > 255) return `address max length is 255, got ${bytes.length}`;
  return undefined;
}
