import { fromBase64, toBase64 } from './base64';
import { fromUtf8, utf8 } from './bytes';
import * as env from './env';
import { JsonKind, JsonWriter, parseJson } from './json';
import { emptyRegion, readRegion, regionOf } from './memory';
import { Result } from './result';

// The host's address, debug, query and crypto services.

const CANONICAL_ADDRESS_CAPACITY: u32 = 64;
const HUMAN_ADDRESS_CAPACITY: u32 = 90;
// Longer input is refused before it reaches the host, as cosmwasm-std does.
const MAX_HUMAN_ADDRESS_LENGTH = 256;

function hostError(prefix: string, errorPtr: u32): string {
  return prefix + fromUtf8(readRegion(errorPtr));
}

/** Checks that `address` is a valid, normalised address of this chain (`addr_validate`). */
export function validateAddress(address: string): Result<string> {
  const bytes = utf8(address);
  if (bytes.length > MAX_HUMAN_ADDRESS_LENGTH)
    return Result.err<string>('Generic error: Input too long for addr_validate');
  const error = env.addr_validate(regionOf(bytes));
  if (error !== 0) return Result.err<string>(hostError('Generic error: addr_validate errored: ', error));
  return Result.ok<string>(address);
}

export function canonicalizeAddress(address: string): Result<Uint8Array> {
  const bytes = utf8(address);
  if (bytes.length > MAX_HUMAN_ADDRESS_LENGTH) {
    return Result.err<Uint8Array>('Generic error: Input too long for addr_canonicalize');
  }
  const destination = emptyRegion(CANONICAL_ADDRESS_CAPACITY);
  const error = env.addr_canonicalize(regionOf(bytes), destination);
  if (error !== 0)
    return Result.err<Uint8Array>(hostError('Generic error: addr_canonicalize errored: ', error));
  return Result.ok<Uint8Array>(readRegion(destination));
}

export function humanizeAddress(canonical: Uint8Array): Result<string> {
  const destination = emptyRegion(HUMAN_ADDRESS_CAPACITY);
  const error = env.addr_humanize(regionOf(canonical), destination);
  if (error !== 0) return Result.err<string>(hostError('Generic error: addr_humanize errored: ', error));
  return Result.ok<string>(fromUtf8(readRegion(destination)));
}

/** Prints a line through the host's debug handler (ignored by production nodes). */
export function debug(message: string): void {
  env.debug(regionOf(utf8(message)));
}

function verifyResult(name: string, code: u32): Result<bool> {
  if (code === 0) return Result.ok<bool>(true);
  if (code === 1) return Result.ok<bool>(false);
  return Result.err<bool>('Verification error: ' + name + ' failed with code ' + code.toString());
}

export function ed25519Verify(
  message: Uint8Array,
  signature: Uint8Array,
  publicKey: Uint8Array,
): Result<bool> {
  const code = env.ed25519_verify(regionOf(message), regionOf(signature), regionOf(publicKey));
  return verifyResult('ed25519_verify', code);
}

export function secp256k1Verify(
  hash: Uint8Array,
  signature: Uint8Array,
  publicKey: Uint8Array,
): Result<bool> {
  const code = env.secp256k1_verify(regionOf(hash), regionOf(signature), regionOf(publicKey));
  return verifyResult('secp256k1_verify', code);
}

/**
 * Sends a raw `QueryRequest` (JSON) to the chain and unwraps `SystemResult<ContractResult<Binary>>`
 * into the answer's bytes.
 */
export function queryChain(request: Uint8Array): Result<Uint8Array> {
  const answer = parseJson(readRegion(env.query_chain(regionOf(request))));
  if (answer.isErr) return Result.err<Uint8Array>('Querier system error: ' + answer.message);
  const system = answer.value;
  const systemError = system.get('error');
  if (systemError !== null)
    return Result.err<Uint8Array>('Querier system error: ' + fromUtf8(systemError.toJson()));
  const contract = system.get('ok');
  if (contract === null) return Result.err<Uint8Array>('Querier system error: malformed answer');
  const contractError = contract.get('error');
  if (contractError !== null) return Result.err<Uint8Array>('Querier contract error: ' + contractError.text);
  const data = contract.get('ok');
  if (data === null || data.kind !== JsonKind.String)
    return Result.err<Uint8Array>('Querier contract error: no data');
  const bytes = fromBase64(data.text);
  if (bytes === null) return Result.err<Uint8Array>('Querier contract error: invalid base64');
  return Result.ok<Uint8Array>(bytes);
}

/** A smart query of another contract; `message` is the query message's JSON. */
export function querySmart(contract: string, message: Uint8Array): Result<Uint8Array> {
  const w = new JsonWriter();
  w.beginObject().key('wasm').beginObject().key('smart').beginObject();
  w.key('contract_addr').string(contract).key('msg').string(toBase64(message));
  w.endObject().endObject().endObject();
  return queryChain(w.toBytes());
}

/** A raw query of another contract's storage; an empty answer means the key is absent. */
export function queryRaw(contract: string, key: Uint8Array): Result<Uint8Array> {
  const w = new JsonWriter();
  w.beginObject().key('wasm').beginObject().key('raw').beginObject();
  w.key('contract_addr').string(contract).key('key').string(toBase64(key));
  w.endObject().endObject().endObject();
  return queryChain(w.toBytes());
}
