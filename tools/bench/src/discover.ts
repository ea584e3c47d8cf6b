import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const BENCH_DIR = 'bench';
const BENCH_SUFFIX = '.bench.ts';

/** Workspace folders named by the root package.json (`dir` or `dir/*` patterns). */
export function listWorkspaces(rootDir: string): string[] {
  const manifest = JSON.parse(readFileSync(join(rootDir, 'package.json'), 'utf8')) as {
    workspaces?: string[];
  };
  const folders: string[] = [];
  for (const pattern of manifest.workspaces ?? []) {
    if (pattern.endsWith('/*')) {
      const parent = join(rootDir, pattern.slice(0, -2));
      if (!existsSync(parent)) continue;
      for (const entry of readdirSync(parent).sort()) {
        const folder = join(parent, entry);
        if (existsSync(join(folder, 'package.json'))) folders.push(folder);
      }
    } else if (existsSync(join(rootDir, pattern, 'package.json'))) {
      folders.push(join(rootDir, pattern));
    }
  }
  return folders;
}

function collectBenchFiles(dir: string, into: string[]): void {
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) collectBenchFiles(path, into);
    else if (entry.endsWith(BENCH_SUFFIX)) into.push(path);
  }
}

/** Every `<workspace>/bench/**\/*.bench.ts`, as paths relative to the root, in a stable order. */
export function findBenchFiles(rootDir: string): string[] {
  const files: string[] = [];
  for (const workspace of listWorkspaces(rootDir)) {
    const benchDir = join(workspace, BENCH_DIR);
    if (existsSync(benchDir)) collectBenchFiles(benchDir, files);
  }
  return files.map((file) => relative(rootDir, file));
}

/** A file is selected when no filter is given or any filter is a substring of its path. */
export function selectBenchFiles(files: readonly string[], filters: readonly string[]): string[] {
  if (filters.length === 0) return [...files];
  const needles = filters.map((filter) => filter.toLowerCase());
  return files.filter((file) => needles.some((needle) => file.toLowerCase().includes(needle)));
}
