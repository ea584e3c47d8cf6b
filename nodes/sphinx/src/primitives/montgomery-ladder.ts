import { bigIntToBytesLE, bytesToBigIntLE, mod, modPow } from './scalar';

// The RFC 7748 §5 Montgomery ladder over u-coordinates, without scalar clamping. It gives the
// exact result of curve25519-dalek's `MontgomeryPoint * Scalar` for any input u, including points
// with a small-order component and points on the twist. BigInt, not constant time; used by the
// pure-JS primitive set and as the reference the fast path is tested against.

const FIELD_PRIME = (1n << 255n) - 19n;
const A24 = 121665n;

export function montgomeryLadder(scalar: bigint, uBytes: Uint8Array): Uint8Array {
  const p = FIELD_PRIME;
  const x1 = bytesToBigIntLE(uBytes) & ((1n << 255n) - 1n);
  let x2 = 1n;
  let z2 = 0n;
  let x3 = mod(x1, p);
  let z3 = 1n;
  let swap = 0n;
  for (let t = 254n; t >= 0n; t--) {
    const bit = (scalar >> t) & 1n;
    swap ^= bit;
    if (swap) [x2, x3, z2, z3] = [x3, x2, z3, z2];
    swap = bit;
    const a = x2 + z2;
    const aa = (a * a) % p;
    const b = mod(x2 - z2, p);
    const bb = (b * b) % p;
    const e = mod(aa - bb, p);
    const c = x3 + z3;
    const d = mod(x3 - z3, p);
    const da = (d * a) % p;
    const cb = (c * b) % p;
    const sum = da + cb;
    x3 = (sum * sum) % p;
    const diff = mod(da - cb, p);
    z3 = (x1 * ((diff * diff) % p)) % p;
    x2 = (aa * bb) % p;
    z2 = (e * ((aa + A24 * e) % p)) % p;
  }
  if (swap) [x2, z2] = [x3, z3];
  const u = (x2 * modPow(z2, p - 2n, p)) % p;
  return bigIntToBytesLE(u, 32);
}
