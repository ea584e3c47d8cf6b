import {
  CoconutError,
  bandwidthAttributes,
  encodeBlindedSerialNumber,
  freePassInfo,
  newBandwidthSecrets,
  proveBandwidthCredential,
  proveCredential,
  verifyBandwidthCredential,
  voucherInfo,
  type Parameters,
} from '../src';
import { bandwidthParams, context, issueVoucher, type IssuedCredential } from './helpers';

let params: Parameters;
let issued: IssuedCredential;

beforeAll(async () => {
  params = await bandwidthParams();
  issued = issueVoucher(params, 2, 3);
});

describe('bandwidth credential attributes', () => {
  it('take a decimal amount or expiry and its type string', () => {
    expect(voucherInfo(1_000_000n)).toEqual({ value: '1000000', type: 'BandwidthVoucher' });
    expect(voucherInfo('25')).toEqual({ value: '25', type: 'BandwidthVoucher' });
    expect(freePassInfo(1_700_000_000)).toEqual({ value: '1700000000', type: 'FreeBandwidthPass' });
    for (const bad of ['-1', '1.5', '01', '', '1e6', ' 5'])
      expect(() => voucherInfo(bad)).toThrow(CoconutError);
  });

  it('put two fresh secrets first and the hashed plain strings after', () => {
    const secrets = newBandwidthSecrets();
    const attributes = bandwidthAttributes(secrets, voucherInfo(10));
    expect(attributes.private).toEqual([secrets.serialNumber, secrets.bindingNumber]);
    expect(attributes.public).toHaveLength(2);
    expect(newBandwidthSecrets().serialNumber).not.toBe(secrets.serialNumber);
  });
});

describe('showing a bandwidth credential', () => {
  it('verifies with its plain value and type, and reveals ζ as its blinded serial number', () => {
    const gateway = context('gateway');
    const secrets = {
      serialNumber: issued.attributes.private[0]!,
      bindingNumber: issued.attributes.private[1]!,
    };
    const shown = proveBandwidthCredential(
      params,
      issued.key,
      issued.signature,
      secrets,
      voucherInfo(1_000_000n),
      gateway,
    );
    expect(verifyBandwidthCredential(params, issued.key, shown, voucherInfo(1_000_000n), gateway)).toEqual({
      kind: 'valid',
    });
    expect(encodeBlindedSerialNumber(params, shown)).toEqual(
      params.bls.G2.toBytes(params.g2.mul(secrets.serialNumber)),
    );
    const asFreePass = freePassInfo(1_000_000n);
    expect(verifyBandwidthCredential(params, issued.key, shown, asFreePass, gateway).kind).toBe('invalid');
  });

  it('insists on exactly two private attributes', () => {
    const gateway = context('gateway');
    const { attributes } = issued;
    // The same signature shown as if the binding number were public: one private attribute.
    const reshaped = {
      private: [attributes.private[0]!],
      public: [attributes.private[1]!, ...attributes.public],
    };
    const shown = proveCredential(params, issued.key, issued.signature, reshaped, gateway);
    expect(verifyBandwidthCredential(params, issued.key, shown, voucherInfo(1_000_000n), gateway)).toEqual({
      kind: 'invalid',
      reason: 'attribute-count',
    });
  });
});
