/** A contract's instrumented module, compiled and ready to instantiate, with what the host needs. */
export interface CompiledContract {
  checksum: Uint8Array;
  module: WebAssembly.Module;
  /** Names of the exported functions of the original contract. */
  entryPoints: ReadonlySet<string>;
  /** 3 when the contract's `migrate` takes MigrateInfo (CosmWasm 2.2), else 2. */
  migrateArity: number;
  requiredCapabilities: readonly string[];
}

export type EntryPoint = 'instantiate' | 'execute' | 'query' | 'migrate' | 'sudo' | 'reply';
