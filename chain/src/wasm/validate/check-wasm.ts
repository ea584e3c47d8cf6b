import { parseModule, type ParsedModule } from '../binary/module';
import { ByteReader, WasmDecodeError } from '../binary/reader';
import { readInstruction, UNSUPPORTED_FEATURE } from '../binary/instructions';
import { formatSignature, sameSignature, SUPPORTED_IMPORTS } from './imports';

/** The static rules of cosmwasm-vm's `check_wasm` (plus the start-section rule), by name. */
export type WasmRule =
  | 'size'
  | 'malformed'
  | 'invalid-module'
  | 'memory'
  | 'table'
  | 'interface-version'
  | 'required-export'
  | 'import-count'
  | 'non-function-import'
  | 'unsupported-import'
  | 'import-signature'
  | 'capabilities'
  | 'function-count'
  | 'function-params'
  | 'function-results'
  | 'function-locals'
  | 'wasm-feature'
  | 'start-section';

export class WasmValidationError extends Error {
  readonly code = 'wasm_validation_failed';
  /** Upload errors are the uploader's fault: the tx is rejected, the chain goes on. */
  readonly disposition = 'reject';

  constructor(
    readonly rule: WasmRule,
    detail: string,
  ) {
    super(`wasm validation failed [${rule}]: ${detail}`);
    this.name = 'WasmValidationError';
  }
}

/** Limits from cosmwasm-vm `config.rs` (defaults) and `compatibility.rs`. */
export const WASM_LIMITS = {
  maxWasmBytes: 800 * 1024,
  maxImports: 100,
  maxMemoryPages: 512,
  maxTableEntries: 2500,
  maxFunctions: 20_000,
  maxFunctionParams: 100,
  maxTotalFunctionParams: 10_000,
  maxFunctionResults: 1,
  maxFunctionLocals: 100,
  maxTotalFunctionLocals: 10_000,
} as const;

export const REQUIRED_EXPORTS = ['allocate', 'deallocate'] as const;
const INTERFACE_VERSION_PREFIX = 'interface_version_';
const REQUIRES_PREFIX = 'requires_';

export interface CheckedWasm {
  module: ParsedModule;
  /** Capabilities the contract declares through `requires_*` exports, sorted. */
  requiredCapabilities: string[];
}

/**
 * Applies the static rules wasmd applies on upload (cosmwasm-vm `check_wasm`, gatekeeper and
 * the parser's feature set); throws WasmValidationError naming the first rule broken.
 */
export function checkWasm(bytes: Uint8Array, capabilities: ReadonlySet<string>): CheckedWasm {
  if (bytes.length > WASM_LIMITS.maxWasmBytes) {
    fail('size', `module is ${bytes.length} bytes, limit is ${WASM_LIMITS.maxWasmBytes}`);
  }
  let module: ParsedModule;
  try {
    module = parseModule(bytes);
  } catch (error) {
    if (error instanceof WasmDecodeError) fail('malformed', error.message);
    throw error;
  }
  checkFeatures(module);
  if (module.start !== undefined) {
    fail('start-section', 'Wasm contract must not have a start function (section 8)');
  }
  checkTables(module);
  checkMemories(module);
  checkInterfaceVersion(module);
  checkRequiredExports(module);
  checkImports(module);
  const requiredCapabilities = checkCapabilities(module, capabilities);
  checkFunctions(module);
  // last: type-checking by the engine, once the named rules have had their say
  if (!WebAssembly.validate(bytes)) {
    fail('invalid-module', describeEngineError(bytes));
  }
  return { module, requiredCapabilities };
}

function fail(rule: WasmRule, detail: string): never {
  throw new WasmValidationError(rule, detail);
}

function describeEngineError(bytes: Uint8Array): string {
  try {
    new WebAssembly.Module(bytes);
    return 'the module does not validate';
  } catch (error) {
    return (error as Error).message;
  }
}

function checkFeatures(module: ParsedModule): void {
  if (module.hasDataCount) {
    fail('wasm-feature', 'bulk memory operations are not supported (DataCount section, id 12)');
  }
  if (module.dataSegments.some((segment) => segment.passive)) {
    fail('wasm-feature', 'bulk memory operations are not supported (passive data segment)');
  }
  if (module.passiveElementSegments > 0) {
    fail('wasm-feature', 'bulk memory operations are not supported (passive element segment)');
  }
  module.codes.forEach((code, index) => {
    const reader = new ByteReader(module.bytes, code.instructionsStart, code.end);
    while (!reader.atEnd()) {
      const op = readInstruction(reader);
      const feature = UNSUPPORTED_FEATURE[op];
      if (feature !== undefined) {
        fail(
          'wasm-feature',
          `${feature} operations are not supported (function ${index}, byte ${reader.pos})`,
        );
      }
    }
  });
}

function checkTables(module: ParsedModule): void {
  const imported = module.imports.filter((entry) => entry.desc.kind === 'table').length;
  const total = imported + module.tables.length;
  if (total > 1) fail('table', `Wasm contract must not have more than 1 table (found ${total})`);
  const table = module.tables[0];
  if (table === undefined) return;
  if (table.max === undefined) fail('table', 'Wasm contract must not have an unbound table');
  if (table.max > WASM_LIMITS.maxTableEntries) {
    fail(
      'table',
      `Wasm contract's table has a too large max limit (max = ${table.max}, limit ${WASM_LIMITS.maxTableEntries})`,
    );
  }
}

function checkMemories(module: ParsedModule): void {
  if (module.imports.some((entry) => entry.desc.kind === 'memory')) {
    fail('memory', 'Wasm contract must not import memory; it must define exactly one');
  }
  if (module.memories.length !== 1) {
    fail('memory', `Wasm contract must contain exactly one memory (found ${module.memories.length})`);
  }
  const memory = module.memories[0]!;
  if (memory.shared || memory.memory64) {
    fail('memory', 'Wasm contract memory must be a plain 32-bit unshared memory');
  }
  if (memory.min > WASM_LIMITS.maxMemoryPages) {
    fail(
      'memory',
      `Wasm contract memory's minimum must not exceed ${WASM_LIMITS.maxMemoryPages} pages (found ${memory.min})`,
    );
  }
  if (memory.max !== undefined) {
    fail('memory', "Wasm contract memory's maximum must be unset. The host will set it for you.");
  }
}

function checkInterfaceVersion(module: ParsedModule): void {
  const markers = module.exports.filter((entry) => entry.name.startsWith(INTERFACE_VERSION_PREFIX));
  if (markers.length === 0) {
    fail('interface-version', 'Wasm contract missing a required marker export: interface_version_*');
  }
  if (markers.length > 1) {
    fail('interface-version', 'Wasm contract contains more than one marker export: interface_version_*');
  }
  const version = markers[0]!.name.slice(INTERFACE_VERSION_PREFIX.length);
  if (version !== '8') {
    fail(
      'interface-version',
      `Wasm contract has unknown interface_version_* marker export interface_version_${version} (only interface_version_8 is supported)`,
    );
  }
}

function checkRequiredExports(module: ParsedModule): void {
  for (const name of REQUIRED_EXPORTS) {
    if (!module.exports.some((entry) => entry.name === name && entry.kind === 'func')) {
      fail(
        'required-export',
        `Wasm contract doesn't have required export: "${name}". Exports required by VM: ${JSON.stringify(REQUIRED_EXPORTS)}.`,
      );
    }
  }
}

function checkImports(module: ParsedModule): void {
  if (module.imports.length > WASM_LIMITS.maxImports) {
    fail(
      'import-count',
      `Import count exceeds limit. Imports: ${module.imports.length}. Limit: ${WASM_LIMITS.maxImports}.`,
    );
  }
  for (const entry of module.imports) {
    const name = `${entry.module}.${entry.name}`;
    if (entry.desc.kind !== 'func') {
      fail('non-function-import', `Wasm contract requires non-function import: "${name}"`);
    }
    const expected = entry.module === 'env' ? SUPPORTED_IMPORTS.get(entry.name) : undefined;
    if (expected === undefined) {
      fail(
        'unsupported-import',
        `Wasm contract requires unsupported import: "${name}". Available imports: env.{${[...SUPPORTED_IMPORTS.keys()].join(', ')}}.`,
      );
    }
    const actual = module.types[entry.desc.typeIndex];
    if (actual === undefined || !sameSignature(actual, expected)) {
      fail(
        'import-signature',
        `Wasm contract imports "${name}" with signature ${actual ? formatSignature(actual) : '(unknown type)'}, the host provides ${formatSignature(expected)}`,
      );
    }
  }
}

function checkCapabilities(module: ParsedModule, capabilities: ReadonlySet<string>): string[] {
  const required = module.exports
    .filter((entry) => entry.name.startsWith(REQUIRES_PREFIX))
    .map((entry) => entry.name.slice(REQUIRES_PREFIX.length))
    .sort();
  const missing = required.filter((capability) => !capabilities.has(capability));
  if (missing.length > 0) {
    fail(
      'capabilities',
      `Wasm contract requires unavailable capabilities: {${missing.map((c) => JSON.stringify(c)).join(', ')}}`,
    );
  }
  return required;
}

function checkFunctions(module: ParsedModule): void {
  const count = module.functionTypes.length;
  if (count > WASM_LIMITS.maxFunctions) {
    fail(
      'function-count',
      `Wasm contract contains more than ${WASM_LIMITS.maxFunctions} functions (${count})`,
    );
  }
  let totalParams = 0;
  let totalLocals = 0;
  module.functionTypes.forEach((typeIndex, index) => {
    const type = module.types[typeIndex]!;
    if (type.params.length > WASM_LIMITS.maxFunctionParams) {
      fail(
        'function-params',
        `Wasm contract contains function ${index} with ${type.params.length} parameters (limit ${WASM_LIMITS.maxFunctionParams})`,
      );
    }
    if (type.results.length > WASM_LIMITS.maxFunctionResults) {
      fail(
        'function-results',
        `Wasm contract contains function ${index} with ${type.results.length} results (limit ${WASM_LIMITS.maxFunctionResults})`,
      );
    }
    const locals = module.codes[index]!.localCount;
    if (locals > WASM_LIMITS.maxFunctionLocals) {
      fail(
        'function-locals',
        `Wasm contract contains function ${index} with ${locals} locals (limit ${WASM_LIMITS.maxFunctionLocals})`,
      );
    }
    totalParams += type.params.length;
    totalLocals += locals;
  });
  if (totalParams > WASM_LIMITS.maxTotalFunctionParams) {
    fail(
      'function-params',
      `Wasm contract contains ${totalParams} function parameters in total (limit ${WASM_LIMITS.maxTotalFunctionParams})`,
    );
  }
  if (totalLocals > WASM_LIMITS.maxTotalFunctionLocals) {
    fail(
      'function-locals',
      `Wasm contract contains ${totalLocals} locals in total (limit ${WASM_LIMITS.maxTotalFunctionLocals})`,
    );
  }
}
