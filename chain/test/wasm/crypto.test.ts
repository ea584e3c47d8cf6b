import { createHash, createPublicKey, generateKeyPairSync, sign, verify, type KeyObject } from 'node:crypto';
import { bls12_381 } from '@noble/curves/bls12-381';
import { secp256k1 } from '@noble/curves/secp256k1';
import {
  bls12381AggregateG1,
  bls12381AggregateG2,
  bls12381HashToG1,
  bls12381HashToG2,
  bls12381PairingEquality,
  CRYPTO_CODE,
  ed25519BatchVerify,
  ed25519Verify,
  secp256k1RecoverPubkey,
  secp256k1Verify,
  secp256r1RecoverPubkey,
  secp256r1Verify,
} from '../../src/wasm/vm/crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { account, Harness } from './support/harness';
import { allocateFunction, HEAP_START, OK_RESPONSE, StaticData } from './support/scripted-contract';
import { buildModule, op } from './support/wasm-builder';

const hashToCurve = JSON.parse(
  readFileSync(join(__dirname, 'vectors/bls12381-hash-to-curve.json'), 'utf8'),
) as {
  g1Dst: string;
  g1: { msg: string; x: string; y: string }[];
};
const sha256 = (data: Uint8Array) => new Uint8Array(createHash('sha256').update(data).digest());
const message = new TextEncoder().encode('nym mixnet');
const rawPublicKey = (key: KeyObject, length: number) => {
  const der = key.export({ format: 'der', type: 'spki' });
  return new Uint8Array(der.subarray(der.length - length));
};
const flip = (bytes: Uint8Array, at = 0) => {
  const copy = bytes.slice();
  copy[at]! ^= 1;
  return copy;
};

describe.each([
  {
    name: 'secp256k1',
    curve: 'secp256k1',
    verifyFn: secp256k1Verify,
    recoverFn: secp256k1RecoverPubkey,
    order: secp256k1.CURVE.n,
  },
  {
    name: 'secp256r1',
    curve: 'prime256v1',
    verifyFn: secp256r1Verify,
    recoverFn: secp256r1RecoverPubkey,
    order: 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n,
  },
])('$name (signed by node:crypto, checked by the host)', ({ curve, verifyFn, recoverFn, order }) => {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: curve });
  const signature = new Uint8Array(sign('sha256', message, { key: privateKey, dsaEncoding: 'ieee-p1363' }));
  const uncompressed = rawPublicKey(publicKey, 65);
  const compressed = new Uint8Array([uncompressed[64]! & 1 ? 3 : 2, ...uncompressed.subarray(1, 33)]);
  const hash = sha256(message);

  it('verifies, with either key encoding and with a high-S signature', () => {
    expect(verifyFn(hash, signature, uncompressed)).toEqual({ ok: true });
    expect(verifyFn(hash, signature, compressed)).toEqual({ ok: true });
    const s = BigInt('0x' + Buffer.from(signature.subarray(32)).toString('hex'));
    const highS = new Uint8Array([
      ...signature.subarray(0, 32),
      ...Buffer.from((order - s).toString(16).padStart(64, '0'), 'hex'),
    ]);
    expect(verifyFn(hash, highS, uncompressed)).toEqual({ ok: true });
  });

  it('rejects tampering and reports malformed input with cosmwasm error codes', () => {
    expect(verifyFn(flip(hash), signature, uncompressed)).toEqual({ ok: false });
    expect(verifyFn(hash, flip(signature, 40), uncompressed)).toEqual({ ok: false });
    expect(verifyFn(hash.subarray(1), signature, uncompressed)).toEqual({
      code: CRYPTO_CODE.invalidHashFormat,
    });
    expect(verifyFn(hash, signature.subarray(1), uncompressed)).toEqual({
      code: CRYPTO_CODE.invalidSignatureFormat,
    });
    expect(verifyFn(hash, signature, uncompressed.subarray(1))).toEqual({
      code: CRYPTO_CODE.invalidPubkeyFormat,
    });
    expect(verifyFn(hash, signature, new Uint8Array([4, ...Array(64).fill(7)]))).toEqual({
      code: CRYPTO_CODE.genericErr,
    });
  });

  it('recovers the public key with one of the two recovery params', () => {
    const recovered = [0, 1].map((param) => recoverFn(hash, signature, param));
    expect(
      recovered.filter((r) => 'ok' in r && Buffer.from(r.ok).equals(Buffer.from(uncompressed))),
    ).toHaveLength(1);
    expect(recoverFn(hash, signature, 2)).toEqual({ code: CRYPTO_CODE.invalidRecoveryParam });
  });
});

describe('secp256k1 signed by noble, checked by node:crypto (the other direction)', () => {
  it('agrees', () => {
    const secret = secp256k1.utils.randomPrivateKey();
    const signature = secp256k1.sign(sha256(message), secret).toCompactRawBytes();
    const publicKey = secp256k1.getPublicKey(secret, false);
    const spki = Buffer.concat([
      Buffer.from('3056301006072a8648ce3d020106052b8104000a034200', 'hex'),
      publicKey,
    ]);
    const key = createPublicKey({ key: spki, format: 'der', type: 'spki' });
    expect(verify('sha256', message, { key, dsaEncoding: 'ieee-p1363' }, signature)).toBe(true);
    expect(secp256k1Verify(sha256(message), signature, publicKey)).toEqual({ ok: true });
  });
});

describe('ed25519 (signed by node:crypto)', () => {
  const keys = [0, 1, 2].map(() => generateKeyPairSync('ed25519'));
  const messages = ['a', 'b', 'c'].map((text) => new TextEncoder().encode(text));
  const pubkeys = keys.map((pair) => rawPublicKey(pair.publicKey, 32));
  const sig = (i: number, m: Uint8Array) => new Uint8Array(sign(null, m, keys[i]!.privateKey));

  it('verifies single signatures and rejects bad ones', () => {
    expect(ed25519Verify(messages[0]!, sig(0, messages[0]!), pubkeys[0]!)).toEqual({ ok: true });
    expect(ed25519Verify(messages[1]!, sig(0, messages[0]!), pubkeys[0]!)).toEqual({ ok: false });
    expect(ed25519Verify(messages[0]!, sig(0, messages[0]!).subarray(1), pubkeys[0]!)).toEqual({
      code: CRYPTO_CODE.invalidSignatureFormat,
    });
    expect(ed25519Verify(messages[0]!, sig(0, messages[0]!), pubkeys[0]!.subarray(1))).toEqual({
      code: CRYPTO_CODE.invalidPubkeyFormat,
    });
  });

  it('batch-verifies the three shapes cosmwasm accepts', () => {
    const all = [0, 1, 2].map((i) => sig(i, messages[i]!));
    expect(ed25519BatchVerify(messages, all, pubkeys)).toEqual({ ok: true });
    expect(
      ed25519BatchVerify(
        [messages[0]!],
        [0, 1, 2].map((i) => sig(i, messages[0]!)),
        pubkeys,
      ),
    ).toEqual({ ok: true });
    expect(
      ed25519BatchVerify(
        messages,
        messages.map((m) => sig(0, m)),
        [pubkeys[0]!],
      ),
    ).toEqual({ ok: true });
    expect(ed25519BatchVerify([], [], [])).toEqual({ ok: true });
    expect(ed25519BatchVerify(messages, [all[0]!, all[2]!, all[1]!], pubkeys)).toEqual({ ok: false });
    expect(ed25519BatchVerify(messages.slice(0, 2), all, pubkeys)).toEqual({ code: CRYPTO_CODE.batchErr });
  });
});

describe('bls12-381', () => {
  const bls = bls12_381;
  const secrets = [1, 2, 3].map(() => bls.utils.randomPrivateKey());
  const pks = secrets.map((secret) => bls.getPublicKey(secret));
  const dst = new TextEncoder().encode('BLS_SIG_BLS12381G2_XMD:SHA-256_SSWU_RO_NUL_');

  it('aggregates G1 and G2 points as the sum', () => {
    const aggregate = bls12381AggregateG1(new Uint8Array(Buffer.concat(pks)));
    expect(aggregate).toEqual({ ok: bls.aggregatePublicKeys(pks) });
    const sigs = secrets.map((secret) => bls.sign(message, secret));
    expect(bls12381AggregateG2(new Uint8Array(Buffer.concat(sigs)))).toEqual({
      ok: bls.aggregateSignatures(sigs),
    });
    expect(bls12381AggregateG1(new Uint8Array())).toEqual({ code: CRYPTO_CODE.aggregationEmpty });
    expect(bls12381AggregateG1(new Uint8Array(47))).toEqual({ code: CRYPTO_CODE.aggregationNotMultiple });
    expect(bls12381AggregateG1(flip(pks[0]!, 47))).toEqual({ code: CRYPTO_CODE.invalidPoint });
  });

  it('checks a BLS signature with pairing equality: e(pk, H(m)) = e(g1, sig)', () => {
    const hashed = bls12381HashToG2(0, message, dst);
    if (!('ok' in hashed)) throw new Error('hash failed');
    const signature = bls.sign(message, secrets[0]!);
    const g1 = bls.G1.Point.BASE.toBytes(true);
    expect(bls12381PairingEquality(pks[0]!, hashed.ok, g1, signature)).toEqual({ ok: true });
    expect(bls12381PairingEquality(pks[1]!, hashed.ok, g1, signature)).toEqual({ ok: false });
    expect(
      bls12381PairingEquality(new Uint8Array(Buffer.concat([pks[0]!, pks[1]!])), hashed.ok, g1, signature),
    ).toEqual({
      code: CRYPTO_CODE.pairingUnequalPointAmount,
    });
    expect(bls12381PairingEquality(pks[0]!.subarray(1), hashed.ok, g1, signature)).toEqual({
      code: CRYPTO_CODE.pairingNotMultipleG1,
    });
    expect(bls12381HashToG2(1, message, dst)).toEqual({ code: CRYPTO_CODE.unknownHashFunction });
  });

  it('hashes to G1 as RFC 9380 specifies (known-answer vectors)', () => {
    for (const vector of hashToCurve.g1) {
      const result = bls12381HashToG1(
        0,
        new TextEncoder().encode(vector.msg),
        new TextEncoder().encode(hashToCurve.g1Dst),
      );
      const expected = bls.G1.Point.fromAffine({ x: BigInt(vector.x), y: BigInt(vector.y) }).toBytes(true);
      expect(result).toEqual({ ok: expected });
    }
  });
});

describe('crypto imports called by a contract through Regions', () => {
  it('secp256k1_verify returns 0/1 and secp256k1_recover_pubkey returns a Region in the low half', () => {
    const secret = secp256k1.utils.randomPrivateKey();
    const hash = sha256(message);
    const signed = secp256k1.sign(hash, secret);
    const publicKey = secp256k1.getPublicKey(secret, false);
    const data = new StaticData();
    const [h, s, p] = [hash, signed.toCompactRawBytes(), publicKey].map((bytes) =>
      data.region(Buffer.from(bytes).toString('latin1'), 'latin1'),
    );
    const yes = data.region(JSON.stringify({ ok: Buffer.from('"valid"').toString('base64') }));
    const no = data.region(JSON.stringify({ ok: Buffer.from('"invalid"').toString('base64') }));
    const ok = data.region(JSON.stringify({ ok: OK_RESPONSE }));
    const key = data.region('pubkey');
    const wasm = buildModule({
      imports: [
        { name: 'secp256k1_verify', params: ['i32', 'i32', 'i32'], results: ['i32'] },
        { name: 'secp256k1_recover_pubkey', params: ['i32', 'i32', 'i32'], results: ['i64'] },
        { name: 'db_write', params: ['i32', 'i32'], results: [] },
      ],
      functions: [
        allocateFunction(),
        { params: ['i32'], results: [], body: [], export: 'deallocate' },
        { params: [], results: [], body: [], export: 'interface_version_8' },
        { params: ['i32', 'i32', 'i32'], results: ['i32'], body: op.i32(ok), export: 'instantiate' },
        {
          params: ['i32', 'i32'],
          results: ['i32'],
          export: 'query',
          body: [
            ...op.i32(h),
            ...op.i32(s),
            ...op.i32(p),
            ...op.call(0),
            0x45,
            0x04,
            0x7f,
            ...op.i32(yes),
            0x05,
            ...op.i32(no),
            0x0b,
          ],
        },
        {
          params: ['i32', 'i32', 'i32'],
          results: ['i32'],
          export: 'execute',
          body: [
            ...op.i32(key),
            ...op.i32(h),
            ...op.i32(s),
            ...op.i32(signed.recovery!),
            ...op.call(1),
            0xa7,
            ...op.call(2),
            ...op.i32(ok),
          ],
        },
      ],
      memories: [[4]],
      globals: [{ type: 'i32', mutable: true, init: HEAP_START }],
      data: data.segments,
    });
    const harness = new Harness();
    const owner = account(1);
    const contract = harness.instantiate(owner, harness.upload(owner, wasm), {}).address;
    expect(harness.query(contract, {})).toBe('valid');
    harness.execute(owner, contract, {});
    const stored = harness.keeper.queryRaw(harness.context(), contract, Buffer.from('pubkey'));
    expect(Buffer.from(stored)).toEqual(Buffer.from(publicKey));
  });
});
