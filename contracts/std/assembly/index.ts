// @nymts/contract-std: write CosmWasm contracts in AssemblyScript. See contracts/README.md.

export { allocate, deallocate, interface_version_8, requires_iterator } from './memory';
export { cosmwasmAbort } from './abort';
export { Result } from './result';
export {
  ByteBuffer,
  bytesEqual,
  compareBytes,
  concat,
  fromUtf8,
  readU32BigEndian,
  startsWith,
  toHex,
  u32BigEndian,
  u64BigEndian,
  utf8,
} from './bytes';
export { fromBase64, toBase64 } from './base64';
export { JsonKind, JsonValue, JsonWriter, parseJson, parseU64 } from './json';
export { Fields, Variant, decodeVariant, unknownVariant } from './fields';
export { FixedUint, Uint128, Uint256 } from './uint';
export { Decimal, mulCeil, mulFloor } from './decimal';
export { BlockInfo, Coin, Env, MessageInfo, writeCoins } from './types';
export {
  canonicalizeAddress,
  debug,
  ed25519Verify,
  humanizeAddress,
  queryChain,
  queryRaw,
  querySmart,
  secp256k1Verify,
  validateAddress,
} from './api';
export { Order, Record, storageGet, storageRemove, storageScan, storageSet } from './storage';
export { Key, keyPartToString, keyPartToU64, lengthPrefixed, mapStorageKey, splitKey } from './keys';
export { Codec, stringCodec, u64Codec, uint128Codec } from './codec';
export { Item } from './item';
export { Bound, Entry, Map, Prefix, scanPrefix } from './map';
export { Index, IndexedMap, MultiIndex, UniqueIndex } from './indexed';
export {
  Attribute,
  BankBurn,
  BankSend,
  CosmosMsg,
  Event,
  ReplyOn,
  Response,
  SubMsg,
  WasmClearAdmin,
  WasmExecute,
  WasmInstantiate,
  WasmMigrate,
  WasmUpdateAdmin,
} from './response';
export { Cw20ReceiveMsg, cw20Send, cw20Transfer } from './cw20';
export { pageLimit } from './pagination';
export { Reply } from './reply';
export { jsonAnswer, runExecute, runInstantiate, runMigrate, runQuery, runReply } from './entry';
export { ExecuteHandler, MigrateHandler, QueryHandler, ReplyHandler } from './entry';
