export {
  ARTIFACTS_DIR,
  buildContracts,
  CHECKSUMS_FILE,
  compareArtifactDirs,
  formatChecksums,
  renderSchema,
  REPOSITORY_ROOT,
  sha256Hex,
  verifyArtifacts,
} from './build';
export type { Artifact } from './build';
export { checkWasm, DEFAULT_CAPABILITIES, LIMITS } from './check-wasm';
export type { CheckOptions, WasmReport } from './check-wasm';
export { ASSEMBLYSCRIPT_VERSION, compileContract, COMPILER_FLAGS } from './compile';
export { CONTRACTS, ENTRY_POINTS } from './contracts';
export type { ContractSource } from './contracts';
export { WasmFormatError } from './wasm-reader';
export { optional, required, root, s, struct, taggedEnum, variantNames } from './schema';
export type { ContractIdl, Field, JsonSchema, Variant } from './schema';
