/** A contract's instrumented module, compiled and ready to instantiate, with what the host needs. */
export interface CompiledContract {
  checksum: Uint8Array;
  module: WebAssembly.Module;
  /** Names of the exported functions of the original contract. */
  entryPoints: ReadonlySet<string>;
  /** 3 when the contract's `migrate` takes MigrateInfo (CosmWasm 2.2), else 2. */
  migrateArity: number;
  requiredCapabilities: readonly string[];
  /** Pages the contract's (imported) memory starts with. */
  initialMemoryPages: number;
  /** Active data segments: what instantiation writes into the fresh memory. */
  dataSegments: { offset: number; bytes: Uint8Array }[];
  /** Export names of the contract's own mutable globals. */
  mutableGlobals: string[];
  /**
   * Whether an instance can be restored to its freshly instantiated state (all data segment
   * offsets are constants), so the host may recycle instances instead of creating new ones.
   */
  restorable: boolean;
}

export type EntryPoint = 'instantiate' | 'execute' | 'query' | 'migrate' | 'sudo' | 'reply';
