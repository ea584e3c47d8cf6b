import { Fr, systemRandomBytes, type Bls12381, type RandomBytes } from '@nymts/bls12-381';
import { dkgParams } from './params';
import { proveDiscreteLog, verifyDiscreteLog } from './proof-discrete-log';
import { type BteKeyPair, type PublicKeyWithProof } from './types';

/** x ← Fr, y = x·g1, with the proof of possession every other node checks at registration. */
export function generateKeyPair(bls: Bls12381, rng: RandomBytes = systemRandomBytes): BteKeyPair {
  const secretKey = Fr.random(rng);
  const key = dkgParams(bls).g1.mul(secretKey);
  return { secretKey, publicKey: { key, proof: proveDiscreteLog(bls, key, secretKey, rng) } };
}

/**
 * The rogue-key defence: a registration whose key is the identity or whose proof fails is not a
 * receiver. Without the proof a dealer could register a key derived from others' keys.
 */
export function verifyPublicKey(bls: Bls12381, publicKey: PublicKeyWithProof): boolean {
  return !bls.G1.isZero(publicKey.key) && verifyDiscreteLog(bls, publicKey.key, publicKey.proof);
}
