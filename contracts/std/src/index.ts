// @nymts/contract-std is AssemblyScript (assembly/), compiled into contracts by
// @nymts/contract-build; this TypeScript entry only tells tools where those sources are.
import { join } from 'node:path';

/** The folder of std's AssemblyScript sources (import `<this>/index` from a contract). */
export const CONTRACT_STD_ASSEMBLY_DIR = join(__dirname, '../assembly');
