// `npm run build:contracts` builds every contract into contracts/artifacts/;
// `npm run build:contracts -- --check` rebuilds into a temporary folder and fails when the
// committed artifacts or checksums differ (CI runs this).
import { relative } from 'node:path';
import { ARTIFACTS_DIR, buildContracts, REPOSITORY_ROOT, verifyArtifacts } from './build';

async function main(args: string[]): Promise<number> {
  if (args.includes('--check')) {
    const differences = await verifyArtifacts();
    if (differences.length > 0) {
      process.stderr.write(
        `contract artifacts are stale (run npm run build:contracts):\n  ${differences.join('\n  ')}\n`,
      );
      return 1;
    }
    process.stdout.write('contract artifacts match a fresh build\n');
    return 0;
  }
  const artifacts = await buildContracts();
  for (const a of artifacts)
    process.stdout.write(`${a.file.padEnd(20)} ${String(a.size).padStart(8)} bytes  ${a.sha256}\n`);
  process.stdout.write(`written to ${relative(REPOSITORY_ROOT, ARTIFACTS_DIR)}/\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
