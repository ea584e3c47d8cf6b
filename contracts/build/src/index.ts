export {
  ARTIFACTS_DIR,
  buildContracts,
  CHECKSUMS_FILE,
  formatChecksums,
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
