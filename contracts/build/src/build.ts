import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { checkWasm } from './check-wasm';
import { compileContract } from './compile';
import { CONTRACTS, ENTRY_POINTS, type ContractSource } from './contracts';

export const REPOSITORY_ROOT = resolve(__dirname, '../../..');
export const ARTIFACTS_DIR = join(REPOSITORY_ROOT, 'contracts/artifacts');
export const CHECKSUMS_FILE = 'checksums.txt';

export interface Artifact {
  name: string;
  file: string;
  sha256: string;
  size: number;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** `sha256sum` output for the artifacts, sorted by file name. */
export function formatChecksums(artifacts: readonly Artifact[]): string {
  return [...artifacts]
    .sort((a, b) => (a.file < b.file ? -1 : 1))
    .map((a) => `${a.sha256}  ${a.file}\n`)
    .join('');
}

async function buildOne(source: ContractSource, outDir: string): Promise<Artifact> {
  const wasm = await compileContract(REPOSITORY_ROOT, source.entry);
  const report = checkWasm(wasm, { requiredExports: ENTRY_POINTS, forbidFloats: true });
  if (report.problems.length > 0) {
    throw new Error(`${source.name} fails the upload checks:\n  ${report.problems.join('\n  ')}`);
  }
  const file = `${source.name}.wasm`;
  await writeFile(join(outDir, file), wasm);
  return { name: source.name, file, sha256: sha256Hex(wasm), size: wasm.length };
}

/** Compiles every contract into `outDir` with its checksums file; refuses artifacts that fail the checks. */
export async function buildContracts(outDir: string = ARTIFACTS_DIR): Promise<Artifact[]> {
  await mkdir(outDir, { recursive: true });
  const artifacts: Artifact[] = [];
  // One at a time: the compiler keeps global state per run and the machine has two cores anyway.
  for (const source of CONTRACTS) artifacts.push(await buildOne(source, outDir));
  await writeFile(join(outDir, CHECKSUMS_FILE), formatChecksums(artifacts));
  return artifacts;
}

async function readOrNull(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path);
  } catch {
    return null;
  }
}

/** Rebuilds into a temporary folder and lists every way the committed artifacts differ. */
export async function verifyArtifacts(committedDir: string = ARTIFACTS_DIR): Promise<string[]> {
  const scratch = await mkdtemp(join(tmpdir(), 'nymts-contracts-'));
  try {
    const rebuilt = await buildContracts(scratch);
    const differences: string[] = [];
    for (const file of [...rebuilt.map((a) => a.file), CHECKSUMS_FILE]) {
      const committed = await readOrNull(join(committedDir, file));
      const fresh = await readFile(join(scratch, file));
      if (committed === null) differences.push(`${file} is missing from ${committedDir}`);
      else if (!committed.equals(fresh)) differences.push(`${file} differs from a fresh build`);
    }
    return differences;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
