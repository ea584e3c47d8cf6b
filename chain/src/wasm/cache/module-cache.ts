import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha256 } from '../../crypto/hash';
import { toHex } from '../../encoding/bytes';
import { functionType, parseModule, type ParsedModule } from '../binary/module';
import { GLOBAL_EXPORT_PREFIX, INSTRUMENTATION_VERSION, instrumentGas } from '../gas/instrument';
import { checkWasm } from '../validate/check-wasm';
import { type CompiledContract } from '../vm/contract-code';

export interface ModuleCacheOptions {
  /** Where instrumented modules are kept across restarts; memory only when absent. */
  directory?: string;
  /** Capabilities the chain offers (checked against `requires_*` at upload). */
  capabilities: ReadonlySet<string>;
}

export interface ModuleCacheStats {
  instrumented: number;
  loadedFromDisk: number;
  fromMemory: number;
}

/**
 * Instruments each contract once per checksum and keeps the compiled module: in memory for the
 * process, and (with a directory) on disk as instrumented bytes behind a sha256 header, so a
 * restart only recompiles. A damaged file is ignored and rewritten.
 */
export class ContractModuleCache {
  readonly stats: ModuleCacheStats = { instrumented: 0, loadedFromDisk: 0, fromMemory: 0 };
  private readonly compiled = new Map<string, CompiledContract>();

  constructor(private readonly options: ModuleCacheOptions) {
    if (options.directory !== undefined) mkdirSync(options.directory, { recursive: true });
  }

  /** Upload path: applies the static checks (throws WasmValidationError), then caches. */
  prepare(wasm: Uint8Array): CompiledContract {
    const checksum = sha256(wasm);
    const cached = this.compiled.get(toHex(checksum));
    if (cached !== undefined) return cached;
    const { module } = checkWasm(wasm, this.options.capabilities);
    return this.instrumentAndStore(checksum, module);
  }

  /** Call path: the compiled contract for a stored checksum. */
  get(checksum: Uint8Array, original: () => Uint8Array): CompiledContract {
    const key = toHex(checksum);
    const cached = this.compiled.get(key);
    if (cached !== undefined) {
      this.stats.fromMemory++;
      return cached;
    }
    const fromDisk = this.readDisk(checksum);
    if (fromDisk !== undefined) {
      this.stats.loadedFromDisk++;
      this.compiled.set(key, fromDisk);
      return fromDisk;
    }
    return this.instrumentAndStore(checksum, parseModule(original()));
  }

  private instrumentAndStore(checksum: Uint8Array, module: ParsedModule): CompiledContract {
    const instrumented = instrumentGas(module);
    this.stats.instrumented++;
    const contract = compile(checksum, instrumented);
    this.compiled.set(toHex(checksum), contract);
    this.writeDisk(checksum, instrumented);
    return contract;
  }

  private path(checksum: Uint8Array): string | undefined {
    const directory = this.options.directory;
    return directory === undefined
      ? undefined
      : join(directory, `${toHex(checksum)}.${INSTRUMENTATION_VERSION}.wasm`);
  }

  private writeDisk(checksum: Uint8Array, instrumented: Uint8Array): void {
    const path = this.path(checksum);
    if (path === undefined) return;
    const temporary = `${path}.tmp-${process.pid}`;
    writeFileSync(temporary, Buffer.concat([sha256(instrumented), instrumented]));
    renameSync(temporary, path);
  }

  private readDisk(checksum: Uint8Array): CompiledContract | undefined {
    const path = this.path(checksum);
    if (path === undefined) return undefined;
    let file: Buffer;
    try {
      file = readFileSync(path);
    } catch {
      return undefined;
    }
    const instrumented = new Uint8Array(file.subarray(32));
    if (file.length < 32 || !Buffer.from(sha256(instrumented)).equals(file.subarray(0, 32))) {
      return undefined;
    }
    try {
      return compile(checksum, instrumented);
    } catch {
      return undefined;
    }
  }
}

function compile(checksum: Uint8Array, instrumented: Uint8Array): CompiledContract {
  const parsed = parseModule(instrumented);
  const functions = parsed.exports.filter((entry) => entry.kind === 'func');
  const migrate = functions.find((entry) => entry.name === 'migrate');
  const memory = parsed.imports.find((entry) => entry.desc.kind === 'memory');
  if (memory?.desc.kind !== 'memory') throw new Error('instrumented module has no memory import');
  return {
    checksum,
    module: new WebAssembly.Module(instrumented),
    entryPoints: new Set(functions.map((entry) => entry.name)),
    migrateArity: migrate ? (functionType(parsed, migrate.index)?.params.length ?? 2) : 2,
    requiredCapabilities: functions
      .filter((entry) => entry.name.startsWith('requires_'))
      .map((entry) => entry.name.slice('requires_'.length))
      .sort(),
    initialMemoryPages: memory.desc.limits.min,
    dataSegments: parsed.dataSegments.map((segment) => ({
      offset: segment.offset ?? 0,
      bytes: instrumented.slice(segment.dataStart, segment.dataStart + segment.size),
    })),
    mutableGlobals: parsed.exports
      .filter((entry) => entry.kind === 'global' && entry.name.startsWith(GLOBAL_EXPORT_PREFIX))
      .map((entry) => entry.name),
    restorable: parsed.dataSegments.every((segment) => segment.offset !== undefined),
  };
}
