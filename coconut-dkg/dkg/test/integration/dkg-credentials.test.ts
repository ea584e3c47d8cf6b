// The end-to-end claim of the credential design: keys that no single party ever held, made by the
// DKG, issue bandwidth credentials that verify; and a resharing to a new committee keeps them valid.
import { loadBackend, type Bls12381 } from '@nymts/bls12-381';
import * as coconut from '@nymts/coconut';
import { coconutKeyShare, type CoconutKeyShare } from '../../src/coconut-keys';
import { createNodes, runDkg, type DkgRun, type Node } from '../helpers/dkg-run';
import { seededRng } from '../helpers/seeded-rng';

jest.setTimeout(300_000);

const SHARINGS = coconut.BANDWIDTH_ATTRIBUTES + 1; // x, then one y per attribute
let bls: Bls12381;
let params: coconut.Parameters;

function keySharesOf(run: DkgRun): CoconutKeyShare[] {
  return run.receivers.map((receiver) =>
    coconutKeyShare(bls, receiver.index, run.shares.get(receiver.index)!),
  );
}

function issue(signers: readonly CoconutKeyShare[], info: coconut.BandwidthPublicInfo) {
  const secrets = coconut.newBandwidthSecrets();
  const attributes = coconut.bandwidthAttributes(secrets, info);
  const pending = coconut.prepareBlindSign(params, attributes);
  const shares = signers.map((signer) => {
    const request = coconut.decodeBlindSignRequest(
      params,
      coconut.encodeBlindSignRequest(params, pending.request),
    );
    const blinded = coconut.blindSign(
      params,
      signer.secretKey,
      request,
      coconut.bandwidthPublicAttributes(info),
    );
    return {
      index: signer.index,
      signature: coconut.unblind(params, signer.verificationKey, blinded, pending, attributes),
    };
  });
  return { secrets, attributes, signature: coconut.aggregateSignatures(params, shares) };
}

function epochKey(signers: readonly CoconutKeyShare[]): coconut.VerificationKey {
  return coconut.aggregateVerificationKeys(
    params,
    signers.map(({ index, verificationKey }) => ({ index, verificationKey })),
  );
}

let firstCommittee: Node[];
let first: DkgRun;
let firstKeys: CoconutKeyShare[];

beforeAll(async () => {
  bls = await loadBackend();
  params = coconut.setup(bls, coconut.BANDWIDTH_ATTRIBUTES);
  firstCommittee = createNodes(bls, [1, 2, 3, 4], seededRng('credentials/nodes'));
  first = runDkg(
    bls,
    { dealers: firstCommittee, receivers: firstCommittee, sharings: SHARINGS },
    seededRng('credentials/run'),
  );
  firstKeys = keySharesOf(first);
});

describe('credentials from DKG keys', () => {
  it('any t signers issue a bandwidth credential that verifies, and shows only to its verifier', () => {
    expect(first.threshold).toBe(3);
    const info = coconut.voucherInfo(1_000_000n);
    const credential = issue([firstKeys[0]!, firstKeys[2]!, firstKeys[3]!], info);
    const key = epochKey([firstKeys[1]!, firstKeys[2]!, firstKeys[3]!]);
    expect(
      coconut.verifySignature(params, key, credential.signature, [
        ...credential.attributes.private,
        ...credential.attributes.public,
      ]),
    ).toEqual({ kind: 'valid' });

    const context = { verifier: new TextEncoder().encode('gateway-a'), nonce: coconut.newShowingNonce() };
    const shown = coconut.proveBandwidthCredential(
      params,
      key,
      credential.signature,
      credential.secrets,
      info,
      context,
    );
    const prepared = coconut.prepareVerificationKey(params, key);
    expect(coconut.verifyBandwidthCredential(params, prepared, shown, info, context)).toEqual({
      kind: 'valid',
    });
    const elsewhere = { verifier: new TextEncoder().encode('gateway-b'), nonce: context.nonce };
    expect(coconut.verifyBandwidthCredential(params, prepared, shown, info, elsewhere).kind).toBe('invalid');
  });

  it('t − 1 signers cannot produce a credential that verifies under the epoch key', () => {
    const info = coconut.voucherInfo(5n);
    const credential = issue(firstKeys.slice(0, first.threshold - 1), info);
    const key = epochKey(firstKeys);
    expect(
      coconut.verifySignature(params, key, credential.signature, [
        ...credential.attributes.private,
        ...credential.attributes.public,
      ]).kind,
    ).toBe('invalid');
  });

  it('after resharing to a new committee, old credentials still verify and the new signers issue valid ones', () => {
    const newcomers = createNodes(bls, [5, 6, 7], seededRng('credentials/newcomers'));
    const stayers = createNodes(bls, [2, 3, 4], seededRng('credentials/stayers'));
    const committee = [...stayers, ...newcomers].sort((a, b) => a.index - b.index);
    const reshared = runDkg(
      bls,
      { dealers: firstCommittee, receivers: committee, sharings: SHARINGS, previous: first },
      seededRng('credentials/reshare'),
    );
    const newKeys = keySharesOf(reshared);
    const newEpochKey = epochKey(newKeys.slice(-reshared.threshold));
    expect(coconut.sameVerificationKey(params, newEpochKey, epochKey(firstKeys))).toBe(true);

    const info = coconut.voucherInfo(42n);
    const before = issue(firstKeys.slice(0, first.threshold), info);
    const after = issue(newKeys.slice(0, reshared.threshold), info);
    for (const credential of [before, after]) {
      expect(
        coconut.verifySignature(params, newEpochKey, credential.signature, [
          ...credential.attributes.private,
          ...credential.attributes.public,
        ]),
      ).toEqual({ kind: 'valid' });
    }
  });
});
