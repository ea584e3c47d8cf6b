import { createHash, randomBytes } from 'node:crypto';
import { defineSuite, measureRate } from '@nymts/bench';
import { secp256k1 } from '@noble/curves/secp256k1';
import { hasLibsecp256k1, verifySecp256k1, type Secp256k1Backend } from '../src';

/**
 * Why signatures go through libsecp256k1: verifying a tx signature (sign bytes of a typical bank
 * send) with the prebuilt libsecp256k1 binary, OpenSSL (node:crypto) and noble's pure JS, on
 * fresh keys so no cache helps.
 */
export default defineSuite({
  name: 'chain-secp256k1',
  async run(ctx) {
    const cases = Array.from({ length: 64 }, () => {
      const privateKey = new Uint8Array(randomBytes(32));
      const message = new Uint8Array(randomBytes(250));
      const digest = createHash('sha256').update(message).digest();
      return {
        publicKey: secp256k1.getPublicKey(privateKey, true),
        message,
        signature: secp256k1.sign(digest, privateKey, { lowS: true }).toCompactRawBytes(),
      };
    });
    const rate = async (backend: Secp256k1Backend) => {
      let i = 0;
      const result = await measureRate(
        () => {
          const item = cases[i++ % cases.length]!;
          if (!verifySecp256k1(item.publicKey, item.message, item.signature, backend))
            throw new Error('signature rejected');
        },
        { minDurationMs: 2000, signal: ctx.signal },
      );
      return result.opsPerSecond;
    };
    const noble = await rate('noble');
    const node = await rate('node');
    ctx.compare({
      name: 'secp256k1 verify: node:crypto vs noble',
      value: node,
      baseline: noble,
      unit: 'verify/s',
    });
    if (hasLibsecp256k1()) {
      ctx.compare({
        name: 'secp256k1 verify: libsecp256k1 (prebuilt) vs node:crypto',
        value: await rate('libsecp256k1'),
        baseline: node,
        unit: 'verify/s',
      });
    }
  },
});
