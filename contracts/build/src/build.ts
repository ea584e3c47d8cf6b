import { createHash } from 'node:crypto';
import type * as Prettier from 'prettier';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { checkWasm } from './check-wasm';
import { compileContract } from './compile';
import { CONTRACTS, ENTRY_POINTS, type ContractSource } from './contracts';
import { type ContractIdl } from './schema';

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

/** A contract's schema file as it must be committed (formatted as prettier formats it). */
export async function renderSchema(source: ContractSource): Promise<string | null> {
  if (source.schema === undefined) return null;
  const { idl } = require(join(REPOSITORY_ROOT, source.schema.definition)) as { idl: ContractIdl };
  const output = join(REPOSITORY_ROOT, source.schema.output);
  const prettier = require('prettier') as typeof Prettier;
  const options = await prettier.resolveConfig(output);
  return prettier.format(JSON.stringify(idl), { ...options, filepath: output });
}

/**
 * Compiles every contract into `outDir` with its checksums file, refusing artifacts that fail the
 * checks, and writes each contract's schema next to its sources.
 */
export async function buildContracts(
  outDir: string = ARTIFACTS_DIR,
  writeSchemas = true,
): Promise<Artifact[]> {
  await mkdir(outDir, { recursive: true });
  const artifacts: Artifact[] = [];
  // One at a time: the compiler keeps global state per run and the machine has two cores anyway.
  for (const source of CONTRACTS) artifacts.push(await buildOne(source, outDir));
  await writeFile(join(outDir, CHECKSUMS_FILE), formatChecksums(artifacts));
  if (writeSchemas) {
    for (const source of CONTRACTS) {
      const schema = await renderSchema(source);
      if (schema !== null) await writeFile(join(REPOSITORY_ROOT, source.schema!.output), schema);
    }
  }
  return artifacts;
}

async function readOrNull(path: string): Promise<Buffer | null> {
  try {
    return await readFile(path);
  } catch {
    return null;
  }
}

/**
 * Every way the committed folder differs from a fresh one: a missing or different file among
 * `files`, or a `.wasm` in the committed folder that the build no longer makes.
 */
export async function compareArtifactDirs(
  freshDir: string,
  committedDir: string,
  files: readonly string[],
): Promise<string[]> {
  const differences: string[] = [];
  for (const file of files) {
    const committed = await readOrNull(join(committedDir, file));
    const fresh = await readFile(join(freshDir, file));
    if (committed === null) differences.push(`${file} is missing from ${committedDir}`);
    else if (!committed.equals(fresh)) differences.push(`${file} differs from a fresh build`);
  }
  for (const file of await readdir(committedDir)) {
    if (file.endsWith('.wasm') && !files.includes(file))
      differences.push(`${file} is not built by any contract`);
  }
  return differences;
}

/** Rebuilds into a temporary folder and lists every way the committed artifacts and schemas differ. */
export async function verifyArtifacts(committedDir: string = ARTIFACTS_DIR): Promise<string[]> {
  const scratch = await mkdtemp(join(tmpdir(), 'nymts-contracts-'));
  try {
    const rebuilt = await buildContracts(scratch, false);
    const differences: string[] = [];
    for (const source of CONTRACTS) {
      const schema = await renderSchema(source);
      if (schema === null) continue;
      const committed = await readOrNull(join(REPOSITORY_ROOT, source.schema!.output));
      if (committed === null || committed.toString('utf8') !== schema)
        differences.push(`${source.schema!.output} is stale`);
    }
    differences.push(
      ...(await compareArtifactDirs(scratch, committedDir, [...rebuilt.map((a) => a.file), CHECKSUMS_FILE])),
    );
    return differences;
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
