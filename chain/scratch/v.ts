import { secp256k1 } from '@noble/curves/secp256k1';
import { createHash } from 'node:crypto';
const h = createHash('sha256').update('Satoshi Nakamoto').digest();
const priv = new Uint8Array(32);
priv[31] = 1;
const sig = secp256k1.sign(h, priv, { lowS: true });
console.log(sig.r.toString(16), sig.s.toString(16));
console.log(Buffer.from(secp256k1.getPublicKey(priv, true)).toString('hex'));
