// The DKG as one node of ten experiences it (t = 7, five sharings: a Coconut key over four
// attributes): its own five dealings, verifying all fifty, then decrypting, combining,
// recovering the verification keys and checking its Coconut key. Nodes work in parallel, so
// the per-node total is the DKG's duration apart from the chain's phase deadlines.
import { performance } from 'node:perf_hooks';
import { defineSuite, median } from '@nymts/bench';
import { loadBackend, systemRandomBytes, type Scalar } from '@nymts/bls12-381';
import { chunkDiscreteLog } from '../src/chunk-log';
import { checkVerificationKeyShare, coconutKeyShare } from '../src/coconut-keys';
import { decodeDealing, encodeDealing } from '../src/codec';
import { combineShares } from '../src/combine';
import { createDealing } from '../src/deal';
import { decryptShare } from '../src/decrypt';
import { dkgParams } from '../src/params';
import { recoverVerificationKeys } from '../src/recover-keys';
import { thresholdFor } from '../src/threshold';
import { type Dealing } from '../src/types';
import { verifyDealing } from '../src/verify-dealing';
import { createNodes, receiversOf } from '../test/helpers/dkg-run';

const N = 10;
const SHARINGS = 5;

function timed<T>(fn: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = fn();
  return { value, ms: performance.now() - start };
}

export default defineSuite({
  name: 'dkg',
  async run(ctx) {
    const bls = await loadBackend();
    const setup = timed(() => {
      dkgParams(bls);
      chunkDiscreteLog(bls, bls.G1.zero);
    });
    ctx.report({
      name: 'setup once per process: bases f, h and the chunk table',
      value: setup.ms,
      unit: 'ms',
    });

    const nodes = createNodes(
      bls,
      Array.from({ length: N }, (_, i) => i + 1),
      systemRandomBytes,
    );
    const receivers = receiversOf(bls, nodes);
    const threshold = thresholdFor(N);
    const indices = receivers.map((receiver) => receiver.index);

    ctx.progress('dealing');
    const dealings = new Map<number, Dealing[]>();
    const dealingTimes: number[] = [];
    for (const node of nodes) {
      const { value, ms } = timed(() =>
        Array.from({ length: SHARINGS }, () =>
          decodeDealing(bls, encodeDealing(bls, createDealing(bls, { threshold, receivers }))),
        ),
      );
      dealings.set(node.index, value);
      dealingTimes.push(ms);
      if (ctx.signal.aborted) return;
    }
    const dealing = median(dealingTimes.sort((a, b) => a - b));
    ctx.report({
      name: `dealing: one node's ${SHARINGS} dealings (n = ${N}, t = ${threshold}), median of ${N}`,
      value: dealing,
      unit: 'ms',
    });

    ctx.progress('verifying');
    const all = [...dealings.entries()].flatMap(([dealer, made]) =>
      made.map((d) => ({ dealer, dealing: d })),
    );
    const verification = timed(() =>
      all.every(({ dealing: d }) => verifyDealing(bls, d, { threshold, receivers }).kind === 'valid'),
    );
    if (!verification.value) throw new Error('an honest dealing failed verification');
    ctx.report({
      name: `verifying all ${all.length} dealings (one node)`,
      value: verification.ms,
      unit: 'ms',
    });

    ctx.progress('deriving keys');
    const deriveTimes: number[] = [];
    for (const node of nodes) {
      const { value: ok, ms } = timed(() => {
        const shares: Scalar[] = Array.from({ length: SHARINGS }, (_, sharing) =>
          combineShares(
            indices.map((dealer) => {
              const input = {
                dealer,
                dealing: dealings.get(dealer)![sharing]!,
                receivers,
                receiver: node.index,
                secretKey: node.keyPair.secretKey,
              };
              const result = decryptShare(bls, input);
              if (result.kind !== 'share') throw new Error('an honest share failed to decrypt');
              return { dealer, share: result.share };
            }),
          ),
        );
        const recovered = Array.from({ length: SHARINGS }, (_, sharing) =>
          recoverVerificationKeys(
            bls,
            indices.map((dealer) => ({ dealer, dealing: dealings.get(dealer)![sharing]! })),
            indices,
          ),
        );
        const key = coconutKeyShare(bls, node.index, shares);
        return checkVerificationKeyShare(
          bls,
          key.verificationKey,
          recovered.map((r) => r.partials.get(node.index)!),
        );
      });
      if (!ok) throw new Error('a derived key failed check_vk_pairing');
      deriveTimes.push(ms);
      if (ctx.signal.aborted) return;
    }
    const derive = median(deriveTimes.sort((a, b) => a - b));
    ctx.report({
      name: `deriving keys: decrypt ${all.length} shares, combine, recover vks, check (one node, median of ${N})`,
      value: derive,
      unit: 'ms',
    });
    ctx.report({
      name: 'total per node: dealing + verifying + deriving (target < 60 000)',
      value: dealing + verification.ms + derive,
      unit: 'ms',
    });
  },
});
