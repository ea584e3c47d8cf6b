import { fromBech32, toBech32 } from '@cosmjs/encoding';
import { sdkErrors } from '../errors/chain-error';
import { ripemd160, sha256 } from './hash';
import { LruCache } from './lru';

/** The account address of a secp256k1 key: ripemd160(sha256(compressed key)), 20 bytes. */
export function addressFromSecp256k1(publicKey: Uint8Array): Uint8Array {
  return ripemd160(sha256(publicKey));
}

const secp256k1Addresses = new LruCache<string, Uint8Array>(50_000);

/**
 * addressFromSecp256k1, remembered per key: the ante handler checks every signer's key against
 * its address, in CheckTx and again in the block, and the two hashes are a visible share of a
 * small tx's cost. The result is shared: callers must not mutate it.
 */
export function cachedAddressFromSecp256k1(publicKey: Uint8Array): Uint8Array {
  const id = Buffer.from(publicKey.buffer, publicKey.byteOffset, publicKey.byteLength).toString('latin1');
  let address = secp256k1Addresses.get(id);
  if (address === undefined) {
    address = addressFromSecp256k1(publicKey);
    secp256k1Addresses.set(id, address);
  }
  return address;
}

/** A module account's address (auth's NewModuleAddress): the first 20 bytes of sha256(name). */
export function moduleAddress(name: string): Uint8Array {
  return sha256(Buffer.from(name, 'utf8')).subarray(0, 20);
}

/**
 * Bech32 with one chain prefix. Decoding is cached: the same few addresses are decoded over and
 * over by every tx, and bech32 decoding is not free.
 */
export class AddressCodec {
  private readonly decoded = new LruCache<string, Uint8Array>(50_000);
  private readonly encoded = new LruCache<string, string>(50_000);

  constructor(readonly prefix: string) {}

  encode(bytes: Uint8Array): string {
    const id = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
    let address = this.encoded.get(id);
    if (address === undefined) {
      address = toBech32(this.prefix, bytes, 1023);
      this.encoded.set(id, address);
    }
    return address;
  }

  /** Decodes and checks prefix and length (20-byte accounts, 32-byte contracts); throws code 7. */
  decode(address: string, field = 'address'): Uint8Array {
    const cached = this.decoded.get(address);
    if (cached !== undefined) return cached;
    let result: { prefix: string; data: Uint8Array };
    try {
      result = fromBech32(address, 1023);
    } catch (error) {
      throw sdkErrors.invalidAddress.wrap(
        `invalid ${field} ${JSON.stringify(address)}: ${(error as Error).message}`,
      );
    }
    if (result.prefix !== this.prefix) {
      throw sdkErrors.invalidAddress.wrap(
        `invalid ${field} ${address}: expected bech32 prefix ${this.prefix}, got ${result.prefix}`,
      );
    }
    if (result.data.length === 0 || result.data.length > 255) {
      throw sdkErrors.invalidAddress.wrap(
        `invalid ${field} ${address}: address length ${result.data.length}`,
      );
    }
    if (address !== address.toLowerCase()) {
      throw sdkErrors.invalidAddress.wrap(`invalid ${field} ${address}: addresses must be lower case`);
    }
    this.decoded.set(address, result.data);
    return result.data;
  }

  isValid(address: string): boolean {
    try {
      this.decode(address);
      return true;
    } catch {
      return false;
    }
  }
}
