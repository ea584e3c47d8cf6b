import { BACKEND_NAMES } from '@nymts/bls12-381';
import {
  encodeCredential,
  proveCredential,
  verifyBandwidthCredential,
  verifyCredential,
  verifySignature,
  voucherInfo,
} from '../src';
import { bandwidthParams, context, issueVoucher } from './helpers';

describe.each(BACKEND_NAMES)('a bandwidth voucher end to end on the %s backend', (backend) => {
  it('is issued by 2 of 3 signers, verifies, and shows to its verifier', async () => {
    const params = await bandwidthParams(backend);
    const issued = issueVoucher(params, 2, 3);
    const { key, attributes, signature } = issued;
    expect(verifySignature(params, key, signature, [...attributes.private, ...attributes.public])).toEqual({
      kind: 'valid',
    });

    const gateway = context('gateway-1');
    const credential = proveCredential(params, key, signature, attributes, gateway);
    expect(encodeCredential(params, credential)).toHaveLength(416);
    expect(verifyCredential(params, key, credential, attributes.public, gateway)).toEqual({ kind: 'valid' });
    expect(verifyBandwidthCredential(params, key, credential, voucherInfo(1_000_000n), gateway)).toEqual({
      kind: 'valid',
    });
    expect(verifyBandwidthCredential(params, key, credential, voucherInfo(1_000_001n), gateway)).toEqual({
      kind: 'invalid',
      reason: 'proof',
    });
  });
});
