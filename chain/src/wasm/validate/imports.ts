import { type FuncType, type ValType } from '../binary/module';

const sig = (params: ValType[], results: ValType[] = []): FuncType => ({ params, results });
const i32 = 'i32';

/**
 * Every host function a CosmWasm 1.x/2.x contract may import from module `env`, with its
 * signature (cosmwasm-std `exports/imports.rs`). The iterator functions are included because the
 * chain offers the `iterator` capability.
 */
export const SUPPORTED_IMPORTS: ReadonlyMap<string, FuncType> = new Map([
  ['abort', sig([i32])],
  ['db_read', sig([i32], [i32])],
  ['db_write', sig([i32, i32])],
  ['db_remove', sig([i32])],
  ['db_scan', sig([i32, i32, i32], [i32])],
  ['db_next', sig([i32], [i32])],
  ['db_next_key', sig([i32], [i32])],
  ['db_next_value', sig([i32], [i32])],
  ['addr_validate', sig([i32], [i32])],
  ['addr_canonicalize', sig([i32, i32], [i32])],
  ['addr_humanize', sig([i32, i32], [i32])],
  ['secp256k1_verify', sig([i32, i32, i32], [i32])],
  ['secp256k1_recover_pubkey', sig([i32, i32, i32], ['i64'])],
  ['secp256r1_verify', sig([i32, i32, i32], [i32])],
  ['secp256r1_recover_pubkey', sig([i32, i32, i32], ['i64'])],
  ['ed25519_verify', sig([i32, i32, i32], [i32])],
  ['ed25519_batch_verify', sig([i32, i32, i32], [i32])],
  ['bls12_381_aggregate_g1', sig([i32, i32], [i32])],
  ['bls12_381_aggregate_g2', sig([i32, i32], [i32])],
  ['bls12_381_pairing_equality', sig([i32, i32, i32, i32], [i32])],
  ['bls12_381_hash_to_g1', sig([i32, i32, i32, i32], [i32])],
  ['bls12_381_hash_to_g2', sig([i32, i32, i32, i32], [i32])],
  ['debug', sig([i32])],
  ['query_chain', sig([i32], [i32])],
]);

export function formatSignature(type: FuncType): string {
  const results = type.results.length === 0 ? '' : ` -> ${type.results.join(', ')}`;
  return `(${type.params.join(', ')})${results}`;
}

export function sameSignature(a: FuncType, b: FuncType): boolean {
  return (
    a.params.length === b.params.length &&
    a.results.length === b.results.length &&
    a.params.every((type, i) => type === b.params[i]) &&
    a.results.every((type, i) => type === b.results[i])
  );
}
