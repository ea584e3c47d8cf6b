import { fromBech32, toBech32 } from '@cosmjs/encoding';

export type AddressResult<T> = { ok: T } | { error: string };

/**
 * Bech32 addresses as the Cosmos SDK checks them (`sdk.AccAddressFromBech32`,
 * `VerifyAddressFormat`), plus wasmd's rule that a validated address must be in normal form.
 */
export class AddressCodec {
  /** Conversions are pure, and the same few addresses recur in every call: remember them. */
  private readonly canonicalCache = new Map<string, AddressResult<Uint8Array>>();
  private readonly humanCache = new Map<string, AddressResult<string>>();

  constructor(readonly prefix: string) {}

  canonicalize(human: string): AddressResult<Uint8Array> {
    let result = this.canonicalCache.get(human);
    if (result === undefined) {
      result = this.decode(human);
      remember(this.canonicalCache, human, result);
    }
    return 'ok' in result ? { ok: result.ok.slice() } : result;
  }

  private decode(human: string): AddressResult<Uint8Array> {
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
    const key = Buffer.from(canonical).toString('latin1');
    let result = this.humanCache.get(key);
    if (result === undefined) {
      const formatError = verifyAddressFormat(canonical);
      result =
        formatError === undefined ? { ok: toBech32(this.prefix, canonical, 256) } : { error: formatError };
      remember(this.humanCache, key, result);
    }
    return result;
  }

  /** Returns an error message, or undefined when `human` is a valid address in normal form. */
  validate(human: string): string | undefined {
    const canonical = this.canonicalize(human);
    if ('error' in canonical) return canonical.error;
    const normal = this.humanize(canonical.ok);
    if (!('ok' in normal) || normal.ok !== human) return 'address not normalized';
    return undefined;
  }

  /** Canonical bytes of an address the chain itself handed out; throws on a malformed one. */
  mustCanonicalize(human: string): Uint8Array {
    const result = this.canonicalize(human);
    if ('error' in result) throw new Error(`invalid address ${JSON.stringify(human)}: ${result.error}`);
    return result.ok;
  }
}

const CACHE_LIMIT = 4096;

function remember<T>(cache: Map<string, T>, key: string, value: T): void {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, value);
}

function verifyAddressFormat(bytes: Uint8Array): string | undefined {
  if (bytes.length === 0) return 'addresses cannot be empty';
  if (bytes.length > 255) return `address max length is 255, got ${bytes.length}`;
  return undefined;
}
