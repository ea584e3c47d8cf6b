// Each Coconut operation for the bandwidth credential shape (4 attributes: 2 private, 2 public)
// and 10 signers with threshold 7, on the fast backend against noble in the same run. Nym's
// published Rust figures are reported beside them as published figures, not as baselines.
import { defineSuite, median, sampleDurations, type BenchContext } from '@nymts/bench';
import { loadBackend, type BackendName } from '@nymts/bls12-381';
import {
  aggregateSignatures,
  aggregateVerificationKeys,
  bandwidthAttributes,
  blindSign,
  decodeCredential,
  encodeCredential,
  newBandwidthSecrets,
  newShowingNonce,
  prepareBlindSign,
  prepareVerificationKey,
  proveCredential,
  setup,
  ttpKeygen,
  unblind,
  verifyCredential,
  voucherInfo,
} from '../src';

const AUTHORITIES = 10;
const THRESHOLD = 7; // ⌈2n/3⌉, the DKG's threshold

/** coconut-rs (Nym's Rust Coconut) as published; the Coconut paper gives "about 10 ms" to verify. */
const PUBLISHED_RUST_MS: Record<string, number> = {
  'prepare-blind-sign': 12.0,
  'blind-sign': 11.9,
  'prove-credential': 14.2,
  'verify-credential': 15.8,
  'aggregate verification keys': 27.8,
};
const PAPER_VERIFY_MS = 10;

type Operations = Record<string, () => unknown>;

async function operations(backend: BackendName): Promise<Operations> {
  const params = setup(await loadBackend(backend), 4);
  const signers = ttpKeygen(params, THRESHOLD, AUTHORITIES);
  const attributes = bandwidthAttributes(newBandwidthSecrets(), voucherInfo(1_000_000n));
  const pending = prepareBlindSign(params, attributes);
  const answers = signers.map((s) => blindSign(params, s.secretKey, pending.request, attributes.public));
  const shares = signers.slice(0, THRESHOLD).map((s, i) => ({
    index: s.index,
    signature: unblind(params, s.verificationKey, answers[i]!, pending, attributes),
  }));
  const keyShares = signers.map((s) => ({ index: s.index, verificationKey: s.verificationKey }));
  const key = prepareVerificationKey(params, aggregateVerificationKeys(params, keyShares));
  const signature = aggregateSignatures(params, shares);
  const context = { verifier: new TextEncoder().encode('gateway identity'), nonce: newShowingNonce() };
  const credential = proveCredential(params, key, signature, attributes, context);
  const credentialBytes = encodeCredential(params, credential);
  return {
    'prepare-blind-sign': () => prepareBlindSign(params, attributes),
    'blind-sign': () => blindSign(params, signers[0]!.secretKey, pending.request, attributes.public),
    'unblind and check one share': () =>
      unblind(params, signers[0]!.verificationKey, answers[0]!, pending, attributes),
    [`aggregate ${THRESHOLD} signatures`]: () => aggregateSignatures(params, shares),
    'aggregate verification keys': () => aggregateVerificationKeys(params, keyShares),
    'prove-credential': () => proveCredential(params, key, signature, attributes, context),
    'verify-credential': () => verifyCredential(params, key, credential, attributes.public, context),
    'decode and verify a credential': () =>
      verifyCredential(params, key, decodeCredential(params, credentialBytes), attributes.public, context),
  };
}

async function medianMs(ctx: BenchContext, fn: () => unknown, iterations: number): Promise<number> {
  return median(await sampleDurations(fn, { iterations, warmupIterations: 2, signal: ctx.signal }));
}

/**
 * Median CPU time of one call. On a machine shared with other work, wall time measures the
 * queue as much as the code; the CPU time this process spends is what one core needs.
 */
function medianCpuMs(fn: () => unknown, iterations: number): number {
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = process.cpuUsage();
    fn();
    const used = process.cpuUsage(start);
    samples.push((used.user + used.system) / 1000);
  }
  return median(samples.sort((a, b) => a - b));
}

export default defineSuite({
  name: 'coconut (4 attributes, 10 signers)',
  async run(ctx) {
    const fast = await operations('mcl');
    const reference = await operations('noble');
    for (const [name, run] of Object.entries(fast)) {
      ctx.progress(name);
      const ours = await medianMs(ctx, run, 40);
      const baseline = await medianMs(ctx, reference[name]!, 5);
      ctx.compare({ name: `${name}: mcl vs noble, same run (median)`, value: ours, baseline, unit: 'ms' });
      ctx.report({ name: `${name}: mcl, CPU time (median)`, value: medianCpuMs(run, 40), unit: 'ms' });
      const published = PUBLISHED_RUST_MS[name];
      if (published !== undefined) {
        ctx.report({ name: `${name}: Nym coconut-rs, published figure`, value: published, unit: 'ms' });
      }
    }
    ctx.report({
      name: 'verify-credential: Coconut paper, published figure',
      value: PAPER_VERIFY_MS,
      unit: 'ms',
    });
  },
});
