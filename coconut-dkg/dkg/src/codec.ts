// Wire formats. Dealings and registered keys follow Nym's byte layouts (common/dkg: u32
// big-endian counts and lengths, ZCash-compressed points, 32-byte little-endian scalars, u64
// big-endian chunk responses); complaints are ours. Decoding is strict: exact lengths, canonical
// scalars, points on the curve and in the subgroup, no trailing bytes.
import { Fr, G1_BYTES, G2_BYTES, type Bls12381, type G1, type G2 } from '@nymts/bls12-381';
import { concatBytes, u32be, u64be } from './bytes';
import { type Complaint } from './complaint';
import { NUM_CHUNKS } from './constants';
import { malformed } from './errors';
import { Reader } from './reader';
import {
  type Ciphertexts,
  type Dealing,
  type ProofOfChunking,
  type ProofOfSharing,
  type PublicKeyWithProof,
} from './types';

function points(bls: Bls12381, list: readonly G1[]): Uint8Array[] {
  return list.map((point) => bls.G1.toBytes(point));
}

function counted(parts: readonly Uint8Array[]): Uint8Array[] {
  return [u32be(parts.length), ...parts];
}

function sized(bytes: Uint8Array): Uint8Array {
  return concatBytes([u32be(bytes.length), bytes]);
}

/** y ‖ R ‖ z: 48 + 48 + 32 bytes. */
export function encodePublicKey(bls: Bls12381, publicKey: PublicKeyWithProof): Uint8Array {
  return concatBytes([
    bls.G1.toBytes(publicKey.key),
    bls.G1.toBytes(publicKey.proof.commitment),
    Fr.toBytes(publicKey.proof.response),
  ]);
}

export function decodePublicKey(bls: Bls12381, bytes: Uint8Array): PublicKeyWithProof {
  const reader = new Reader(bytes, 'PublicKeyWithProof');
  const key = reader.g1(bls, 'key', false);
  const commitment = reader.g1(bls, 'proof.commitment');
  const response = reader.scalar('proof.response');
  reader.end();
  return { key, proof: { commitment, response } };
}

function encodeCiphertexts(bls: Bls12381, ciphertexts: Ciphertexts): Uint8Array {
  return concatBytes([
    ...points(bls, ciphertexts.rr),
    ...points(bls, ciphertexts.ss),
    ...ciphertexts.zz.map((z) => bls.G2.toBytes(z)),
    u32be(ciphertexts.chunks.length),
    ...ciphertexts.chunks.flatMap((row) => points(bls, row)),
  ]);
}

function decodeCiphertexts(bls: Bls12381, reader: Reader): Ciphertexts {
  const g1s = (field: string, count: number) =>
    Array.from({ length: count }, (_, j) => reader.g1(bls, `${field}[${j}]`));
  const rr = g1s('rr', NUM_CHUNKS);
  const ss = g1s('ss', NUM_CHUNKS);
  const zz = Array.from({ length: NUM_CHUNKS }, (_, j) => reader.g2(bls, `zz[${j}]`));
  const receivers = reader.count('chunks', NUM_CHUNKS * G1_BYTES);
  if (receivers === 0) throw malformed('Ciphertexts', 'no receivers');
  const chunks = Array.from({ length: receivers }, (_, i) => g1s(`chunks[${i}]`, NUM_CHUNKS));
  return { rr, ss, zz, chunks };
}

function encodeProofOfSharing(bls: Bls12381, proof: ProofOfSharing): Uint8Array {
  return concatBytes([
    bls.G1.toBytes(proof.ff),
    bls.G2.toBytes(proof.aa),
    bls.G1.toBytes(proof.yy),
    Fr.toBytes(proof.responseR),
    Fr.toBytes(proof.responseAlpha),
  ]);
}

function decodeProofOfSharing(bls: Bls12381, reader: Reader): ProofOfSharing {
  return {
    ff: reader.g1(bls, 'ff'),
    aa: reader.g2(bls, 'aa'),
    yy: reader.g1(bls, 'yy'),
    responseR: reader.scalar('responseR'),
    responseAlpha: reader.scalar('responseAlpha'),
  };
}

function encodeProofOfChunking(bls: Bls12381, proof: ProofOfChunking): Uint8Array {
  return concatBytes([
    bls.G1.toBytes(proof.y0),
    ...counted(points(bls, proof.bb)),
    ...counted(points(bls, proof.cc)),
    ...counted(points(bls, proof.dd)),
    bls.G1.toBytes(proof.yy),
    ...counted(proof.responsesR.map((z) => Fr.toBytes(z))),
    ...counted(proof.responsesChunks.map((z) => u64be(z))),
    Fr.toBytes(proof.responseBeta),
  ]);
}

function decodeProofOfChunking(bls: Bls12381, reader: Reader): ProofOfChunking {
  const g1List = (field: string) =>
    Array.from({ length: reader.count(field, G1_BYTES) }, (_, k) => reader.g1(bls, `${field}[${k}]`));
  const y0 = reader.g1(bls, 'y0');
  const bb = g1List('bb');
  const cc = g1List('cc');
  const dd = g1List('dd');
  const yy = reader.g1(bls, 'yy');
  const responsesR = Array.from({ length: reader.count('responsesR', Fr.BYTES) }, (_, i) =>
    reader.scalar(`responsesR[${i}]`),
  );
  const responsesChunks = Array.from({ length: reader.count('responsesChunks', 8) }, (_, k) =>
    reader.u64(`responsesChunks[${k}]`),
  );
  const responseBeta = reader.scalar('responseBeta');
  return { y0, bb, cc, dd, yy, responsesR, responsesChunks, responseBeta };
}

/** len ‖ coefficients ‖ len ‖ ciphertexts ‖ len ‖ π_sharing ‖ len ‖ π_chunking (Nym's order). */
export function encodeDealing(bls: Bls12381, dealing: Dealing): Uint8Array {
  const coefficients = concatBytes(counted(dealing.publicCoefficients.map((a: G2) => bls.G2.toBytes(a))));
  return concatBytes([
    sized(coefficients),
    sized(encodeCiphertexts(bls, dealing.ciphertexts)),
    sized(encodeProofOfSharing(bls, dealing.proofOfSharing)),
    sized(encodeProofOfChunking(bls, dealing.proofOfChunking)),
  ]);
}

export function decodeDealing(bls: Bls12381, bytes: Uint8Array): Dealing {
  const reader = new Reader(bytes, 'Dealing');
  const publicCoefficients = reader.section('publicCoefficients', (section) =>
    Array.from({ length: section.count('coefficients', G2_BYTES) }, (_, k) => section.g2(bls, `A[${k}]`)),
  );
  const ciphertexts = reader.section('ciphertexts', (section) => decodeCiphertexts(bls, section));
  const proofOfSharing = reader.section('proofOfSharing', (section) => decodeProofOfSharing(bls, section));
  const proofOfChunking = reader.section('proofOfChunking', (section) => decodeProofOfChunking(bls, section));
  reader.end();
  return { publicCoefficients, ciphertexts, proofOfChunking, proofOfSharing };
}

/** u64 dealer ‖ u64 receiver ‖ u32 chunk ‖ D ‖ T1 ‖ T2 ‖ z: 196 bytes. */
export function encodeComplaint(bls: Bls12381, complaint: Complaint): Uint8Array {
  return concatBytes([
    u64be(complaint.dealer),
    u64be(complaint.receiver),
    u32be(complaint.chunk),
    bls.G1.toBytes(complaint.sharedPoint),
    bls.G1.toBytes(complaint.proof.commitmentG1),
    bls.G1.toBytes(complaint.proof.commitmentR),
    Fr.toBytes(complaint.proof.response),
  ]);
}

export function decodeComplaint(bls: Bls12381, bytes: Uint8Array): Complaint {
  const reader = new Reader(bytes, 'Complaint');
  const index = (field: string) => {
    const value = reader.u64(field);
    if (value < 1n || value > BigInt(Number.MAX_SAFE_INTEGER))
      throw malformed('Complaint', `${field} ${value} is out of range`);
    return Number(value);
  };
  const dealer = index('dealer');
  const receiver = index('receiver');
  const chunk = reader.u32('chunk');
  if (chunk >= NUM_CHUNKS) throw malformed('Complaint', `chunk ${chunk} is not below ${NUM_CHUNKS}`);
  const sharedPoint = reader.g1(bls, 'sharedPoint');
  const commitmentG1 = reader.g1(bls, 'proof.commitmentG1');
  const commitmentR = reader.g1(bls, 'proof.commitmentR');
  const response = reader.scalar('proof.response');
  reader.end();
  return { dealer, receiver, chunk, sharedPoint, proof: { commitmentG1, commitmentR, response } };
}
