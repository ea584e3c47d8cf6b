export type {
  BackendName,
  Bls12381,
  DecodeOptions,
  FixedBase,
  G1,
  G2,
  GT,
  PairingInput,
  PointGroup,
  Scalar,
  TargetGroup,
} from './types';
export { BACKEND_NAMES } from './types';
export { Bls12381Error } from './errors';
export type { Bls12381ErrorCode } from './errors';
export { DEFAULT_BACKEND, isBackendName, loadBackend, parseBackendName } from './load';
export { mclBackend } from './mcl';
export { nobleBackend } from './noble';
export { CURVE_ORDER, Fr, evaluatePolynomial, lagrangeAtZero, systemRandomBytes } from './scalar';
export type { RandomBytes } from './scalar';
export { FIELD_MODULUS, G1_BYTES, G2_BYTES } from './encoding';
