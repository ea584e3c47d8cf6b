// What each party sees. Signers see the requests and their own answers; a verifier sees showings.
// A showing must share nothing with its issuance or with showings of other credentials, while
// every showing of one credential reveals the same ζ (which is how double spending is caught).
// These checks fail if re-randomisation of σ, the blinding of κ or the proof's fresh witnesses
// were missing; unlinkability itself rests on the DDH-style argument of the Coconut papers.
import {
  aggregateSignatures,
  aggregateVerificationKeys,
  bandwidthAttributes,
  blindSign,
  encodeBlindSignRequest,
  newBandwidthSecrets,
  prepareBlindSign,
  proveCredential,
  ttpKeygen,
  unblind,
  voucherInfo,
  type Credential,
  type Parameters,
} from '../src';
import { bandwidthParams, context } from './helpers';

let params: Parameters;

beforeAll(async () => {
  params = await bandwidthParams();
});

function pointsOf(credential: Credential): string[] {
  const { G1, G2 } = params.bls;
  return [
    Buffer.from(G2.toBytes(credential.kappa)).toString('hex'),
    Buffer.from(G2.toBytes(credential.zeta)).toString('hex'),
    Buffer.from(G1.toBytes(credential.signature.h)).toString('hex'),
    Buffer.from(G1.toBytes(credential.signature.s)).toString('hex'),
  ];
}

/** No element of one list appears in the other. */
function expectDisjoint<T>(a: readonly T[], b: readonly T[]): void {
  expect(a.filter((x) => b.includes(x))).toEqual([]);
}

const scalarsOf = (credential: Credential) => [
  credential.proof.challenge,
  credential.proof.responseBlinding,
  ...credential.proof.responsesAttributes,
];

/** Issues one voucher and returns everything the signers saw along with the credential. */
function issueWithSignerView(signers: ReturnType<typeof ttpKeygen>) {
  const attributes = bandwidthAttributes(newBandwidthSecrets(), voucherInfo(1000));
  const pending = prepareBlindSign(params, attributes);
  const { G1 } = params.bls;
  const answers = signers.map((signer) =>
    blindSign(params, signer.secretKey, pending.request, attributes.public),
  );
  const shares = signers.map((signer, i) => ({
    index: signer.index,
    signature: unblind(params, signer.verificationKey, answers[i]!, pending, attributes),
  }));
  const requestHex = Buffer.from(encodeBlindSignRequest(params, pending.request)).toString('hex');
  const answerPoints = answers.flatMap((a) =>
    [a.h, a.sTilde].map((p) => Buffer.from(G1.toBytes(p)).toString('hex')),
  );
  return {
    attributes,
    signature: aggregateSignatures(params, shares),
    signerView: { requestHex, answerPoints },
  };
}

describe('what verifiers and signers can link', () => {
  it('a showing shares no point with its issuance', () => {
    const signers = ttpKeygen(params, 2, 2);
    const key = aggregateVerificationKeys(
      params,
      signers.map((s) => ({ index: s.index, verificationKey: s.verificationKey })),
    );
    const { attributes, signature, signerView } = issueWithSignerView(signers);
    const shown = proveCredential(params, key, signature, attributes, context('gateway'));
    for (const point of pointsOf(shown)) {
      expect(signerView.requestHex).not.toContain(point);
      expect(signerView.answerPoints).not.toContain(point);
    }
    expect(pointsOf(shown)).not.toContain(Buffer.from(params.bls.G1.toBytes(signature.h)).toString('hex'));
  });

  it('two showings of one credential share only ζ, to one verifier or two', () => {
    const signers = ttpKeygen(params, 1, 1);
    const key = signers[0]!.verificationKey;
    const { attributes, signature } = issueWithSignerView(signers);
    const first = proveCredential(params, key, signature, attributes, context('gateway-A'));
    for (const verifier of ['gateway-A', 'gateway-B']) {
      const again = proveCredential(params, key, signature, attributes, context(verifier));
      const [a, b] = [pointsOf(first), pointsOf(again)];
      expect(b[1]).toBe(a[1]); // ζ
      expectDisjoint([b[0], b[2], b[3]], [a[0], a[2], a[3]]);
      expectDisjoint(scalarsOf(again), scalarsOf(first));
    }
  });

  it('showings of two credentials share nothing, ζ included', () => {
    const signers = ttpKeygen(params, 1, 1);
    const key = signers[0]!.verificationKey;
    const [one, two] = [issueWithSignerView(signers), issueWithSignerView(signers)];
    const shownOne = pointsOf(
      proveCredential(params, key, one.signature, one.attributes, context('gateway')),
    );
    const shownTwo = pointsOf(
      proveCredential(params, key, two.signature, two.attributes, context('gateway')),
    );
    expectDisjoint(shownTwo, shownOne);
    expect(one.signerView.requestHex).not.toBe(two.signerView.requestHex);
  });
});
