// A shown credential: tampering fails, it is bound to one verifier and one nonce, and Nym's
// re-randomisation of σ' under an unchanged proof no longer passes.
import fc from 'fast-check';
import { Fr, type G1 } from '@nymts/bls12-381';
import {
  CoconutError,
  newShowingNonce,
  proveCredential,
  verifyCredential,
  type Credential,
  type Parameters,
  type Verdict,
} from '../src';
import { bandwidthParams, context, issueVoucher, type IssuedCredential } from './helpers';

let params: Parameters;
let issued: IssuedCredential;
let credential: Credential;
const gateway = context('gateway-A', 'nonce issued by gateway A #00001');

beforeAll(async () => {
  params = await bandwidthParams();
  issued = issueVoucher(params, 2, 3);
  credential = proveCredential(params, issued.key, issued.signature, issued.attributes, gateway);
});

const verify = (shown: Credential, publicAttributes = issued.attributes.public, at = gateway): Verdict =>
  verifyCredential(params, issued.key, shown, publicAttributes, at);

type Tamper = (shown: Credential, delta: bigint) => Credential;

const tampers: Record<string, Tamper> = {
  challenge: (c, d) => ({ ...c, proof: { ...c.proof, challenge: Fr.add(c.proof.challenge, d) } }),
  'serial response': (c, d) => ({
    ...c,
    proof: {
      ...c.proof,
      responsesAttributes: [Fr.add(c.proof.responsesAttributes[0]!, d), c.proof.responsesAttributes[1]!],
    },
  }),
  'binding response': (c, d) => ({
    ...c,
    proof: {
      ...c.proof,
      responsesAttributes: [c.proof.responsesAttributes[0]!, Fr.add(c.proof.responsesAttributes[1]!, d)],
    },
  }),
  'blinding response': (c, d) => ({
    ...c,
    proof: { ...c.proof, responseBlinding: Fr.add(c.proof.responseBlinding, d) },
  }),
  κ: (c, d) => ({ ...c, kappa: params.bls.G2.add(c.kappa, params.g2.mul(d)) }),
  ζ: (c, d) => ({ ...c, zeta: params.bls.G2.add(c.zeta, params.g2.mul(d)) }),
  "h'": (c, d) => ({
    ...c,
    signature: { ...c.signature, h: params.bls.G1.add(c.signature.h, params.g1.mul(d)) },
  }),
  "s'": (c, d) => ({
    ...c,
    signature: { ...c.signature, s: params.bls.G1.add(c.signature.s, params.g1.mul(d)) },
  }),
};

describe('a shown credential', () => {
  it('verifies untouched', () => {
    expect(verify(credential)).toEqual({ kind: 'valid' });
  });

  it('fails when any part of it is changed', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.keys(tampers)),
        fc.bigInt({ min: 1n, max: Fr.ORDER - 1n }),
        (part, delta) => {
          expect(verify(tampers[part]!(credential, delta)).kind).toBe('invalid');
        },
      ),
      { numRuns: 16 },
    );
  });

  it('fails with a changed public attribute (the voucher value or type)', () => {
    const [value, type] = issued.attributes.public;
    expect(verify(credential, [Fr.add(value!, 1n), type!])).toEqual({ kind: 'invalid', reason: 'proof' });
    expect(verify(credential, [value!, Fr.add(type!, 1n)])).toEqual({ kind: 'invalid', reason: 'proof' });
    expect(verify(credential, [value!])).toEqual({ kind: 'invalid', reason: 'proof' });
  });

  it('fails at another verifier, and again at its own verifier with another nonce', () => {
    expect(
      verify(credential, undefined, { ...gateway, verifier: new TextEncoder().encode('gateway-B') }),
    ).toEqual({
      kind: 'invalid',
      reason: 'proof',
    });
    expect(verify(credential, undefined, { ...gateway, nonce: newShowingNonce() })).toEqual({
      kind: 'invalid',
      reason: 'proof',
    });
  });

  it('cannot be re-randomised under its proof, as Nym’s could', () => {
    const t = 0x1234567n;
    const { G1 } = params.bls;
    const rerandomised = {
      ...credential,
      signature: { h: G1.mul(credential.signature.h, t), s: G1.mul(credential.signature.s, t) },
    };
    expect(verify(rerandomised)).toEqual({ kind: 'invalid', reason: 'proof' });
  });

  it('fails the pairing check when proven over a signature nobody issued', () => {
    const { G1 } = params.bls;
    const forged = { h: G1.mul(G1.generator, 5n), s: G1.mul(G1.generator, 7n) };
    const shown = proveCredential(params, issued.key, forged, issued.attributes, gateway);
    expect(verify(shown)).toEqual({ kind: 'invalid', reason: 'pairing' });
  });

  it('refuses h′ = identity, which would satisfy every pairing equation', () => {
    const { G1 } = params.bls;
    const trivial = { ...credential, signature: { h: G1.zero as G1, s: G1.zero as G1 } };
    expect(verify(trivial)).toEqual({ kind: 'invalid', reason: 'identity-h' });
    expect(() =>
      proveCredential(params, issued.key, { h: G1.zero, s: G1.zero }, issued.attributes, gateway),
    ).toThrow(CoconutError);
  });

  it('is refused with more attributes than the key covers', () => {
    const { attributes } = issued;
    expect(verify(credential, [...attributes.public, 1n, 2n, 3n])).toEqual({
      kind: 'invalid',
      reason: 'attribute-count',
    });
  });

  it('needs a verifier identity and a nonce of at least 16 bytes', () => {
    expect(() =>
      verify(credential, undefined, { verifier: new Uint8Array(0), nonce: gateway.nonce }),
    ).toThrow(CoconutError);
    expect(() =>
      verify(credential, undefined, { verifier: gateway.verifier, nonce: new Uint8Array(15) }),
    ).toThrow(/nonce/);
    expect(newShowingNonce()).toHaveLength(32);
  });
});
