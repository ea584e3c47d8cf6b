import { concatBytes, uint64BE } from '../../encoding/bytes';
import { sha256 } from '../../crypto/hash';

const MODULE_TYPE_HASH = sha256(new TextEncoder().encode('module'));
const MODULE_NAME = new TextEncoder().encode('wasm');

const lengthPrefixed = (bytes: Uint8Array) => concatBytes(uint64BE(bytes.length), bytes);

/**
 * cosmos-sdk `address.Module("wasm", key)`: sha256(sha256("module") ‖ "wasm" ‖ 0x00 ‖ key),
 * all 32 bytes (wasmd's ContractAddrLen).
 */
function wasmModuleAddress(key: Uint8Array): Uint8Array {
  return sha256(MODULE_TYPE_HASH, MODULE_NAME, Uint8Array.of(0), key);
}

/** wasmd `BuildContractAddressClassic`: from the code id and the chain-wide instance counter. */
export function classicContractAddress(codeId: bigint, instanceId: bigint): Uint8Array {
  return wasmModuleAddress(concatBytes(uint64BE(codeId), uint64BE(instanceId)));
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
  return wasmModuleAddress(
    concatBytes(
      lengthPrefixed(checksum),
      lengthPrefixed(creator),
      lengthPrefixed(salt),
      lengthPrefixed(initMsg),
    ),
  );
}
