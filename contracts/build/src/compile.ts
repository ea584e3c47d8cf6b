// Compiles one AssemblyScript contract to a CosmWasm-ready module (chain-and-cosmwasm.md §10):
// stub runtime (every call gets a fresh instance, so nothing needs freeing), no bulk memory, our
// `abort`, and no start section. AssemblyScript initialises globals in a start function; wasmd
// would run it before gas is set, so we export it instead and make every exported entry call it
// first (it guards itself against running twice).

export const ASSEMBLYSCRIPT_VERSION = '0.28.20';

const ABORT_FUNCTION = 'contracts/std/assembly/abort/cosmwasmAbort';
const START_EXPORT = '_start';
// Marker exports (interface_version_8, requires_*) are never called, so they are left alone.
function isMarker(name: string): boolean {
  return name.startsWith('interface_version_') || name.startsWith('requires_');
}

export const COMPILER_FLAGS = [
  '--optimizeLevel',
  '3',
  '--shrinkLevel',
  '0',
  '--runtime',
  'stub',
  '--disable',
  'bulk-memory,nontrapping-f2i',
  '--use',
  `abort=${ABORT_FUNCTION}`,
  '--exportStart',
  START_EXPORT,
  '--noColors',
];

// The few binaryen.js calls the rewrite needs (the binaryen build AssemblyScript ships with).
interface BinaryenModule {
  getNumExports(): number;
  getExportByIndex(index: number): number;
  getFunction(name: string): number;
  addFunction(name: string, params: number, results: number, vars: number[], body: number): number;
  removeExport(name: string): void;
  addFunctionExport(internalName: string, externalName: string): number;
  call(name: string, operands: number[], returnType: number): number;
  block(label: string | null, children: number[], resultType: number): number;
  local: { get(index: number, type: number): number };
}

interface Binaryen {
  none: number;
  ExternalFunction: number;
  getExportInfo(ref: number): { kind: number; name: string; value: string };
  getFunctionInfo(ref: number): { params: number; results: number };
  expandType(type: number): number[];
}

interface AscApi {
  version: string;
  main(
    argv: string[],
    options: {
      stdout: unknown;
      stderr: unknown;
      writeFile(name: string, contents: Uint8Array | string): void;
      transforms: unknown[];
    },
  ): Promise<{ error: Error | null }>;
  createMemoryStream(): { toString(): string };
}

function rewriteStart(binaryen: Binaryen, module: BinaryenModule): void {
  const exports = [];
  for (let i = 0; i < module.getNumExports(); i++)
    exports.push(binaryen.getExportInfo(module.getExportByIndex(i)));
  const start = exports.find((e) => e.name === START_EXPORT);
  if (start === undefined) throw new Error('the compiler did not export the start function');
  const wrapped = new Set<string>();
  for (const exported of exports) {
    if (exported.kind !== binaryen.ExternalFunction || exported.name === START_EXPORT) continue;
    if (isMarker(exported.name)) continue;
    const wrapper = `${exported.value}~withStart`;
    // One function exported under two names gets one wrapper.
    if (!wrapped.has(wrapper)) {
      const info = binaryen.getFunctionInfo(module.getFunction(exported.value));
      const args = binaryen.expandType(info.params).map((type, index) => module.local.get(index, type));
      const body = module.block(
        null,
        [module.call(start.value, [], binaryen.none), module.call(exported.value, args, info.results)],
        info.results,
      );
      module.addFunction(wrapper, info.params, info.results, [], body);
      wrapped.add(wrapper);
    }
    module.removeExport(exported.name);
    module.addFunctionExport(wrapper, exported.name);
  }
  module.removeExport(START_EXPORT);
}

// swc turns `import()` into `require()`, which cannot load the ESM-only compiler.
const importEsm = new Function('specifier', 'return import(specifier)') as (
  specifier: string,
) => Promise<unknown>;

async function loadCompiler(): Promise<AscApi> {
  const asc = (await importEsm('assemblyscript/asc')) as AscApi;
  if (asc.version !== ASSEMBLYSCRIPT_VERSION) {
    throw new Error(
      `assemblyscript ${asc.version} is installed; builds are pinned to ${ASSEMBLYSCRIPT_VERSION}`,
    );
  }
  return asc;
}

/** Compiles `entry` (relative to `root`) and returns the wasm bytes. */
export async function compileContract(root: string, entry: string): Promise<Uint8Array> {
  const asc = await loadCompiler();
  const outputs = new Map<string, Uint8Array>();
  const stderr = asc.createMemoryStream();
  class StartRewrite {
    declare binaryen: Binaryen;
    afterCompile(module: BinaryenModule): void {
      rewriteStart(this.binaryen, module);
    }
  }
  const { error } = await asc.main([entry, '--outFile', 'out.wasm', '--baseDir', root, ...COMPILER_FLAGS], {
    stdout: asc.createMemoryStream(),
    stderr,
    writeFile: (name, contents) => {
      outputs.set(name, typeof contents === 'string' ? new TextEncoder().encode(contents) : contents);
    },
    transforms: [StartRewrite],
  });
  const wasm = outputs.get('out.wasm');
  if (error !== null || wasm === undefined) {
    throw new Error(`compiling ${entry} failed: ${error?.message ?? 'no output'}\n${stderr.toString()}`);
  }
  return wasm;
}
