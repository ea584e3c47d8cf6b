import { sha256 } from '../cache/module-cache';
import { concatBytes } from './stores';

const MODULE_NAME = new TextEncoder().encode('wasm');

function u64be(value: bigint): Uint8Array {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, value, false);
  return out;
}

function lengthPrefixed(bytes: Uint8Array): Uint8Array {
  return concatBytes(u64be(BigInt(bytes.length)), bytes);
}

/** cosmos-sdk `address.Module("wasm", key)`: sha256(sha256("module") ‖ "wasm" ‖ 0x00 ‖ key). */
function moduleAddress(key: Uint8Array): Uint8Array {
  const typeHash = sha256(new TextEncoder().encode('module'));
  return sha256(concatBytes(typeHash, MODULE_NAME, new Uint8Array([0]), key));
}

/** wasmd `BuildContractAddressClassic`: from the code id and the chain-wide instance counter. */
export function classicContractAddress(codeId: bigint, instanceId: bigint): Uint8Array {
  return moduleAddress(concatBytes(u64be(codeId), u64be(instanceId)));
}

/**
 * wasmd `BuildContractAddressPredictable` (instantiate2): checksum, creator's canonical bytes,
 * salt and (only with fix_msg) the init message, each length-prefixed.
 */
export function predictableContractAddress(
  checksum: Uint8Array,
  creator: Uint8Array,
  salt: Uint8Array,
  initMsg: Uint8Array,
): Uint8Array {
  return moduleAddress(
    concatBytes(
      lengthPrefixed(checksum),
      lengthPrefixed(creator),
      lengthPrefixed(salt),
      lengthPrefixed(initMsg),
    ),
  );
}
