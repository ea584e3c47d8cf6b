import { type FoundInstruction, scanInstructions } from './instructions';
import {
  ByteReader,
  type Limits,
  readLimits,
  readSections,
  SECTION,
  sectionReader,
  VALUE_TYPE,
} from './wasm-reader';

// The upload checks wasmd applies (cosmwasm-vm `check_wasm`, see chain-and-cosmwasm.md §6), plus
// nymts's own rules for its contracts: no floats anywhere, and the entry points every contract
// of ours exports.

const I32 = 0x7f;
const I64 = 0x7e;

/** Supported imports (module `env`) and their signatures as [params, results]. */
const IMPORT_SIGNATURES: Record<string, [number[], number[]]> = {
  abort: [[I32], []],
  debug: [[I32], []],
  db_read: [[I32], [I32]],
  db_write: [[I32, I32], []],
  db_remove: [[I32], []],
  db_scan: [[I32, I32, I32], [I32]],
  db_next: [[I32], [I32]],
  db_next_key: [[I32], [I32]],
  db_next_value: [[I32], [I32]],
  addr_validate: [[I32], [I32]],
  addr_canonicalize: [[I32, I32], [I32]],
  addr_humanize: [[I32, I32], [I32]],
  secp256k1_verify: [[I32, I32, I32], [I32]],
  secp256k1_recover_pubkey: [[I32, I32, I32], [I64]],
  secp256r1_verify: [[I32, I32, I32], [I32]],
  secp256r1_recover_pubkey: [[I32, I32, I32], [I64]],
  ed25519_verify: [[I32, I32, I32], [I32]],
  ed25519_batch_verify: [[I32, I32, I32], [I32]],
  bls12_381_aggregate_g1: [[I32, I32], [I32]],
  bls12_381_aggregate_g2: [[I32, I32], [I32]],
  bls12_381_pairing_equality: [[I32, I32, I32, I32], [I32]],
  bls12_381_hash_to_g1: [[I32, I32, I32, I32], [I32]],
  bls12_381_hash_to_g2: [[I32, I32, I32, I32], [I32]],
  query_chain: [[I32], [I32]],
};

export const LIMITS = {
  maxImports: 100,
  maxFunctions: 20_000,
  maxFunctionParams: 100,
  maxTotalParams: 10_000,
  maxFunctionResults: 1,
  maxFunctionLocals: 100,
  maxTotalLocals: 10_000,
  maxTableEntries: 2_500,
  maxMemoryPages: 512,
} as const;

export const DEFAULT_CAPABILITIES = [
  'iterator',
  'staking',
  'stargate',
  'cosmwasm_1_1',
  'cosmwasm_1_2',
  'cosmwasm_1_3',
  'cosmwasm_1_4',
  'cosmwasm_2_0',
  'cosmwasm_2_1',
];

export interface CheckOptions {
  /** Capabilities the chain offers (`requires_*` exports must be among them). */
  capabilities?: readonly string[];
  /** Exports required on top of wasmd's (nymts contracts: instantiate, execute, query). */
  requiredExports?: readonly string[];
  /** Refuse float types and instructions (wasmd allows them since cosmwasm 1.5; nymts does not). */
  forbidFloats?: boolean;
}

export interface WasmReport {
  problems: string[];
  imports: string[];
  exports: string[];
  functionCount: number;
  maxLocals: number;
  memoryInitialPages: number | undefined;
  tableMaximum: number | undefined;
  floatInstructions: number;
}

interface FuncType {
  params: number[];
  results: number[];
}

function readValueTypes(reader: ByteReader): number[] {
  const count = reader.u32();
  const types: number[] = [];
  for (let i = 0; i < count; i++) types.push(reader.byte());
  return types;
}

function readTypes(reader: ByteReader): FuncType[] {
  const count = reader.u32();
  const types: FuncType[] = [];
  for (let i = 0; i < count; i++) {
    if (reader.byte() !== 0x60) throw new Error('type section entry is not a function type');
    const params = readValueTypes(reader);
    const results = readValueTypes(reader);
    types.push({ params, results });
  }
  return types;
}

function typeName(types: number[]): string {
  return `(${types.map((t) => VALUE_TYPE[t] ?? `0x${t.toString(16)}`).join(', ')})`;
}

function sameTypes(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((t, i) => t === b[i]);
}

function isFloatType(t: number): boolean {
  return t === 0x7d || t === 0x7c;
}

class Checker {
  readonly problems: string[] = [];
  types: FuncType[] = [];
  importedFunctions = 0;
  functionTypes: number[] = [];
  imports: string[] = [];
  exports: string[] = [];
  memories: Limits[] = [];
  tables: Limits[] = [];
  maxLocals = 0;
  totalLocals = 0;
  floatInstructions = 0;

  constructor(private readonly options: Required<CheckOptions>) {}

  problem(message: string): void {
    this.problems.push(message);
  }

  checkImports(reader: ByteReader): void {
    const count = reader.u32();
    if (count > LIMITS.maxImports) this.problem(`${count} imports (at most ${LIMITS.maxImports})`);
    for (let i = 0; i < count; i++) {
      const module = reader.name();
      const name = reader.name();
      const kind = reader.byte();
      const label = `${module}.${name}`;
      this.imports.push(label);
      if (kind !== 0) {
        this.problem(`import ${label} is not a function`);
        if (kind === 1) readLimitsOfTable(reader);
        else if (kind === 2) this.memories.push(readLimits(reader));
        else if (kind === 3) reader.skip(2);
        continue;
      }
      const typeIndex = reader.u32();
      this.importedFunctions++;
      const expected = IMPORT_SIGNATURES[name];
      if (module !== 'env' || expected === undefined) {
        this.problem(`import ${label} is not a supported CosmWasm import`);
        continue;
      }
      const actual = this.types[typeIndex];
      if (
        actual === undefined ||
        !sameTypes(actual.params, expected[0]) ||
        !sameTypes(actual.results, expected[1])
      ) {
        this.problem(`import ${label} has the wrong signature`);
      }
    }
  }

  checkTypes(): void {
    let totalParams = 0;
    for (const typeIndex of this.functionTypes) {
      const type = this.types[typeIndex];
      if (type === undefined) {
        this.problem(`function refers to missing type ${typeIndex}`);
        continue;
      }
      totalParams += type.params.length;
      if (type.params.length > LIMITS.maxFunctionParams)
        this.problem(`a function has ${type.params.length} params`);
      if (type.results.length > LIMITS.maxFunctionResults) {
        this.problem(`a function returns ${type.results.length} values ${typeName(type.results)}`);
      }
    }
    if (totalParams > LIMITS.maxTotalParams) this.problem(`${totalParams} function params in total`);
    if (this.options.forbidFloats && this.types.some((t) => [...t.params, ...t.results].some(isFloatType))) {
      this.problem('a function type uses f32/f64');
    }
  }

  checkExports(reader: ByteReader): void {
    const count = reader.u32();
    for (let i = 0; i < count; i++) {
      const name = reader.name();
      reader.byte();
      reader.u32();
      this.exports.push(name);
    }
    const versions = this.exports.filter((name) => name.startsWith('interface_version_'));
    if (versions.length !== 1 || versions[0] !== 'interface_version_8') {
      this.problem(
        `interface version exports ${JSON.stringify(versions)}: exactly interface_version_8 is required`,
      );
    }
    for (const name of ['allocate', 'deallocate', 'memory', ...this.options.requiredExports]) {
      if (!this.exports.includes(name)) this.problem(`missing export ${name}`);
    }
    for (const name of this.exports.filter((n) => n.startsWith('requires_'))) {
      const capability = name.slice('requires_'.length);
      if (!this.options.capabilities.includes(capability))
        this.problem(`requires capability ${capability} the chain lacks`);
    }
  }

  checkMemoryAndTables(): void {
    if (this.memories.length !== 1)
      this.problem(`${this.memories.length} memories (exactly one is required)`);
    for (const memory of this.memories) {
      if (memory.initial > LIMITS.maxMemoryPages)
        this.problem(`memory starts at ${memory.initial} pages (at most 512)`);
      if (memory.maximum !== undefined) this.problem('memory declares a maximum (none is allowed)');
    }
    if (this.tables.length > 1) this.problem(`${this.tables.length} tables (at most one)`);
    for (const table of this.tables) {
      if (table.maximum === undefined) this.problem('table without a maximum');
      else if (table.maximum > LIMITS.maxTableEntries)
        this.problem(`table maximum ${table.maximum} (at most 2500)`);
    }
  }

  checkCode(reader: ByteReader): void {
    const count = reader.u32();
    const defined = this.functionTypes.length;
    if (count !== defined) this.problem(`code section has ${count} bodies for ${defined} functions`);
    for (let i = 0; i < count; i++) {
      const size = reader.u32();
      const body = new ByteReader(reader.bytes, reader.offset, reader.offset + size);
      reader.skip(size);
      this.checkBody(body, i + this.importedFunctions);
    }
    if (this.totalLocals > LIMITS.maxTotalLocals) this.problem(`${this.totalLocals} locals in total`);
  }

  private checkBody(body: ByteReader, functionIndex: number): void {
    let locals = 0;
    const groups = body.u32();
    for (let g = 0; g < groups; g++) {
      const n = body.u32();
      const type = body.byte();
      locals += n;
      if (this.options.forbidFloats && isFloatType(type))
        this.problem(`function ${functionIndex} has f32/f64 locals`);
    }
    this.maxLocals = Math.max(this.maxLocals, locals);
    this.totalLocals += locals;
    if (locals > LIMITS.maxFunctionLocals) this.problem(`function ${functionIndex} has ${locals} locals`);
    for (const found of scanInstructions(body)) this.reportInstruction(functionIndex, found);
  }

  private reportInstruction(functionIndex: number, found: FoundInstruction): void {
    if (found.finding === 'float') {
      this.floatInstructions++;
      if (!this.options.forbidFloats) return;
    }
    this.problem(
      `function ${functionIndex}: ${found.finding} instruction ${found.opcode} at byte ${found.offset}`,
    );
  }

  checkData(reader: ByteReader): void {
    const count = reader.u32();
    for (let i = 0; i < count; i++) {
      const flags = reader.u32();
      if (flags === 1) {
        this.problem('passive data segment (bulk memory)');
        reader.skip(reader.u32());
        continue;
      }
      if (flags === 2) reader.u32();
      else if (flags !== 0) throw new Error(`unknown data segment flags ${flags}`);
      skipConstExpr(reader);
      reader.skip(reader.u32());
    }
  }
}

function readLimitsOfTable(reader: ByteReader): Limits {
  reader.byte(); // element type
  return readLimits(reader);
}

function skipConstExpr(reader: ByteReader): void {
  for (let op = reader.byte(); op !== 0x0b; op = reader.byte()) {
    if (op === 0x41) reader.skipSigned(5);
    else if (op === 0x42) reader.skipSigned(10);
    else if (op === 0x43) reader.skip(4);
    else if (op === 0x44) reader.skip(8);
    else if (op === 0x23 || op === 0xd2) reader.u32();
    else if (op === 0xd0) reader.byte();
    else throw new Error(`unsupported constant expression opcode 0x${op.toString(16)}`);
  }
}

/** Checks one wasm binary; an empty `problems` list means it passes. */
export function checkWasm(bytes: Uint8Array, options: CheckOptions = {}): WasmReport {
  const checker = new Checker({
    capabilities: options.capabilities ?? DEFAULT_CAPABILITIES,
    requiredExports: options.requiredExports ?? [],
    forbidFloats: options.forbidFloats ?? false,
  });
  for (const section of readSections(bytes)) {
    const reader = sectionReader(bytes, section);
    switch (section.id) {
      case SECTION.type:
        checker.types = readTypes(reader);
        break;
      case SECTION.import:
        checker.checkImports(reader);
        break;
      case SECTION.function: {
        const count = reader.u32();
        if (count > LIMITS.maxFunctions)
          checker.problem(`${count} functions (at most ${LIMITS.maxFunctions})`);
        for (let i = 0; i < count; i++) checker.functionTypes.push(reader.u32());
        checker.checkTypes();
        break;
      }
      case SECTION.table: {
        const count = reader.u32();
        for (let i = 0; i < count; i++) checker.tables.push(readLimitsOfTable(reader));
        break;
      }
      case SECTION.memory: {
        const count = reader.u32();
        for (let i = 0; i < count; i++) checker.memories.push(readLimits(reader));
        break;
      }
      case SECTION.global:
        if (options.forbidFloats && globalsUseFloats(reader)) checker.problem('a global is f32/f64');
        break;
      case SECTION.export:
        checker.checkExports(reader);
        break;
      case SECTION.start:
        checker.problem('start section (wasmd runs it before gas is set, so it cannot be deployed)');
        break;
      case SECTION.code:
        checker.checkCode(reader);
        break;
      case SECTION.data:
        checker.checkData(reader);
        break;
      case SECTION.dataCount:
        checker.problem('DataCount section (bulk memory)');
        break;
    }
  }
  checker.checkMemoryAndTables();
  return {
    problems: checker.problems,
    imports: checker.imports,
    exports: checker.exports,
    functionCount: checker.functionTypes.length,
    maxLocals: checker.maxLocals,
    memoryInitialPages: checker.memories[0]?.initial,
    tableMaximum: checker.tables[0]?.maximum,
    floatInstructions: checker.floatInstructions,
  };
}

function globalsUseFloats(reader: ByteReader): boolean {
  const count = reader.u32();
  let floats = false;
  for (let i = 0; i < count; i++) {
    if (isFloatType(reader.byte())) floats = true;
    reader.byte(); // mutability
    skipConstExpr(reader);
  }
  return floats;
}
