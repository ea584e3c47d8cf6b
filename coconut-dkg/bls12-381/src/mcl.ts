// The fast backend: herumi's mcl compiled to WebAssembly (the wasm ships inside the npm package).
// Its points are mcl objects; the few entry points mcl-wasm does not wrap (hashing with a DST,
// the multi-Miller loop) are called on the wasm module directly.
import * as mcl from 'mcl-wasm';
import { numberToBytesLE } from '@noble/curves/utils.js';
import { checkCompressed, invalidPoint } from './encoding';
import { Bls12381Error } from './errors';
import { Fr, normalizeDst } from './scalar';
import type { Bls12381, FixedBase, G1, G2, GT, PairingInput, PointGroup, Scalar, TargetGroup } from './types';

/** Hashes msg to a point with the given DST; returns 0 on success. Arguments are wasm addresses. */
type HashWithDst = (out: number, msg: number, msgLength: number, dst: number, dstLength: number) => number;

/** The wasm module's exports and the stack helpers mcl-wasm installs on it (not in its typings). */
interface WasmModule {
  stackSave(): number;
  stackAlloc(size: number): number;
  stackRestore(pointer: number): void;
  sallocBytes(bytes: Uint8Array): number;
  sallocArray(values: Uint32Array[]): number;
  copyFromHeap32(target: Uint32Array, pointer: number): void;
  _mclBnG1_hashAndMapToWithDst: HashWithDst;
  _mclBnG2_hashAndMapToWithDst: HashWithDst;
  _mclBn_millerLoopVec(out: number, g1s: number, g2s: number, count: number): void;
}

/** Every mcl value keeps its limbs in `a_`, which the wasm calls copy in and out. */
interface Limbs {
  a_: Uint32Array;
}

function wasm(): WasmModule {
  // `mod` is assigned by mcl.init, so it is read at call time, never captured at import.
  return (require('mcl-wasm/dist/mcl') as { mod: WasmModule }).mod;
}

function limbs(value: mcl.G1 | mcl.G2 | mcl.GT): Uint32Array {
  return (value as unknown as Limbs).a_;
}

/** Runs `body` with a wasm stack frame that is released however `body` ends. */
function withStack<T>(body: (module: WasmModule) => T): T {
  const module = wasm();
  const frame = module.stackSave();
  try {
    return body(module);
  } finally {
    module.stackRestore(frame);
  }
}

/** mcl's MSM copies its inputs onto the wasm stack, which holds about a thousand G2 points. */
const MSM_CHUNK = 256;
const MILLER_LOOP_CHUNK = 64;

const G1_GENERATOR = Uint8Array.from(
  Buffer.from(
    '97f1d3a73197d7942695638c4fa9ac0fc3688c4f9774b905a14e3a3f171bac586c55e83ff97a1aeffb3af00adb22c6bb',
    'hex',
  ),
);
const G2_GENERATOR = Uint8Array.from(
  Buffer.from(
    '93e02b6052719f607dacd3a088274f65596bd0d09920b61ab5da61bbdc7f5049334cf11213945d57e5ac7d055d042b7e' +
      '024aa2b2f08f0a91260805272dc51051c6e47ad4fa403b02b4510b647ae3d1770bac0326a805bbefd48056c8c121bdb8',
    'hex',
  ),
);

function toFr(k: Scalar): mcl.Fr {
  const fr = new mcl.Fr();
  fr.setLittleEndian(numberToBytesLE(Fr.create(k), Fr.BYTES));
  return fr;
}

class MclFixedBase<P extends mcl.G1 | mcl.G2> implements FixedBase<P> {
  // mcl's GLV multiplication already runs at about the speed a window table would reach through
  // the JS/wasm boundary (measured), so the preparation is an affine copy, which mcl adds faster.
  readonly point: P;
  constructor(point: P) {
    this.point = mcl.normalize(point);
  }
  mul(k: Scalar): P {
    return mcl.mul(this.point as mcl.G1, toFr(k)) as P;
  }
}

interface GroupSpec<P extends mcl.G1 | mcl.G2> {
  name: 'G1' | 'G2';
  create: () => P;
  generator: Uint8Array;
  hashExport: '_mclBnG1_hashAndMapToWithDst' | '_mclBnG2_hashAndMapToWithDst';
}

function mclGroup<P extends mcl.G1 | mcl.G2>(spec: GroupSpec<P>): PointGroup<P> {
  const { name, create } = spec;
  const zero = create();
  const generator = create();
  generator.deserialize(spec.generator);
  const asPoint = (base: P | MclFixedBase<P>): P => (base instanceof MclFixedBase ? base.point : base);
  // mcl's operators are typed per group; one group's code serves both through these casts.
  const add = (a: P, b: P): P => mcl.add(a as mcl.G1, b as mcl.G1) as P;
  const mul = (p: P, k: Scalar): P => mcl.mul(p as mcl.G1, toFr(k)) as P;

  return {
    name,
    byteLength: name === 'G1' ? 48 : 96,
    zero,
    generator,
    add,
    sub: (a, b) => mcl.sub(a as mcl.G1, b as mcl.G1) as P,
    neg: (a) => mcl.neg(a as mcl.G1) as P,
    eq: (a, b) => (a as mcl.G1).isEqual(b as mcl.G1),
    isZero: (a) => a.isZero(),
    mul,
    msm(bases, scalars) {
      if (bases.length !== scalars.length)
        throw new Bls12381Error('bad-argument', `msm: ${bases.length} bases, ${scalars.length} scalars`);
      let acc = zero;
      for (let start = 0; start < bases.length; start += MSM_CHUNK) {
        const points = bases.slice(start, start + MSM_CHUNK).map(asPoint);
        const frs = scalars.slice(start, start + MSM_CHUNK).map(toFr);
        acc = add(
          acc,
          (points.length === 1
            ? mul(points[0] as P, scalars[start] as bigint)
            : mcl.mulVec(points as mcl.G1[], frs)) as P,
        );
      }
      return acc;
    },
    precompute: (p) => new MclFixedBase(p),
    hashToCurve(msg, dst) {
      const out = create();
      const domain = normalizeDst(dst);
      withStack((module) => {
        const outPointer = module.stackAlloc(limbs(out).length * 4);
        const msgPointer = module.sallocBytes(msg);
        const dstPointer = module.sallocBytes(domain);
        const status = module[spec.hashExport](outPointer, msgPointer, msg.length, dstPointer, domain.length);
        if (status !== 0) throw new Error(`mcl hash to ${name} failed with status ${status}`);
        module.copyFromHeap32(limbs(out), outPointer);
      });
      return out;
    },
    toBytes: (p) => p.serialize(),
    fromBytes(bytes, options) {
      if (checkCompressed(name, bytes, options).kind === 'identity') return zero;
      const point = create();
      try {
        point.deserialize(bytes);
      } catch (error) {
        throw invalidPoint(name, error);
      }
      return point;
    },
  };
}

const GT_COEFFICIENT_BYTES = 48;

/** mcl writes each Fp2 as c0 ‖ c1, noble as c1 ‖ c0; GT bytes follow noble's order. */
function gtToCanonicalBytes(a: mcl.GT): Uint8Array {
  const raw = a.serialize();
  const out = new Uint8Array(raw.length);
  for (let offset = 0; offset < raw.length; offset += 2 * GT_COEFFICIENT_BYTES) {
    out.set(raw.subarray(offset + GT_COEFFICIENT_BYTES, offset + 2 * GT_COEFFICIENT_BYTES), offset);
    out.set(raw.subarray(offset, offset + GT_COEFFICIENT_BYTES), offset + GT_COEFFICIENT_BYTES);
  }
  return out;
}

function millerLoop(pairs: readonly (readonly [mcl.G1, mcl.G2])[]): mcl.GT {
  const out = new mcl.GT();
  withStack((module) => {
    const outPointer = module.stackAlloc(limbs(out).length * 4);
    const g1s = module.sallocArray(pairs.map(([p]) => limbs(p)));
    const g2s = module.sallocArray(pairs.map(([, q]) => limbs(q)));
    module._mclBn_millerLoopVec(outPointer, g1s, g2s, pairs.length);
    module.copyFromHeap32(limbs(out), outPointer);
  });
  return out;
}

function createMclBackend(): Bls12381 {
  const one = new mcl.GT();
  one.setInt(1);
  const G1 = mclGroup<mcl.G1>({
    name: 'G1',
    create: () => new mcl.G1(),
    generator: G1_GENERATOR,
    hashExport: '_mclBnG1_hashAndMapToWithDst',
  });
  const G2 = mclGroup<mcl.G2>({
    name: 'G2',
    create: () => new mcl.G2(),
    generator: G2_GENERATOR,
    hashExport: '_mclBnG2_hashAndMapToWithDst',
  });

  const multiPairing = (pairs: readonly PairingInput[]): GT => {
    const live = (pairs as unknown as readonly (readonly [mcl.G1, mcl.G2])[]).filter(
      ([p, q]) => !p.isZero() && !q.isZero(),
    );
    if (live.length === 0) return one as unknown as GT;
    let acc = millerLoop(live.slice(0, MILLER_LOOP_CHUNK));
    for (let start = MILLER_LOOP_CHUNK; start < live.length; start += MILLER_LOOP_CHUNK) {
      acc = mcl.mul(acc, millerLoop(live.slice(start, start + MILLER_LOOP_CHUNK)));
    }
    return mcl.finalExp(acc) as unknown as GT;
  };

  const generator = mcl.pairing(G1.generator, G2.generator);
  const GTGroup: TargetGroup = {
    one: one as unknown as GT,
    generator: generator as unknown as GT,
    mul: (a, b) => mcl.mul(a as unknown as mcl.GT, b as unknown as mcl.GT) as unknown as GT,
    // Elements after the final exponentiation are unitary, so mcl's conjugate is the inverse.
    inv: (a) => mcl.inv(a as unknown as mcl.GT) as unknown as GT,
    pow: (a, k) => mcl.pow(a as unknown as mcl.GT, toFr(k)) as unknown as GT,
    eq: (a, b) => (a as unknown as mcl.GT).isEqual(b as unknown as mcl.GT),
    isOne: (a) => (a as unknown as mcl.GT).isOne(),
    toBytes: (a) => gtToCanonicalBytes(a as unknown as mcl.GT),
  };

  return Object.freeze({
    name: 'mcl' as const,
    G1: G1 as unknown as PointGroup<G1>,
    G2: G2 as unknown as PointGroup<G2>,
    GT: GTGroup,
    pairing: (p: G1, q: G2) => multiPairing([[p, q]]),
    multiPairing,
    pairingProductIsOne: (pairs: readonly PairingInput[]) =>
      (multiPairing(pairs) as unknown as mcl.GT).isOne(),
  });
}

let loading: Promise<Bls12381> | undefined;

async function initialise(): Promise<Bls12381> {
  await mcl.init(mcl.BLS12_381);
  mcl.setETHserialization(true); // ZCash compressed points, big-endian field elements
  mcl.setMapToMode(mcl.IRTF); // RFC 9380 hashing
  mcl.verifyOrderG1(true); // subgroup checks on every decode
  mcl.verifyOrderG2(true);
  return createMclBackend();
}

/** The mcl-wasm backend, compiled and configured once per process. */
export function mclBackend(): Promise<Bls12381> {
  loading ??= initialise().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}
