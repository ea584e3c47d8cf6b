// `npm run codegen` regenerates the contract clients in contracts-client/src/generated/ (and the
// cw-plus schemas they come from); `npm run codegen -- --check` renders them in memory and fails
// when the committed files differ (CI runs this through codegen's integration test).
import { compareWithCommitted, renderAll, writeAll } from './generate';

async function main(args: string[]): Promise<number> {
  const files = await renderAll();
  if (args.includes('--check')) {
    const differences = await compareWithCommitted(files);
    if (differences.length > 0) {
      process.stderr.write(
        `generated clients are stale (run npm run codegen):\n  ${differences.join('\n  ')}\n`,
      );
      return 1;
    }
    process.stdout.write(`generated clients match their schemas (${files.length} files)\n`);
    return 0;
  }
  await writeAll(files);
  for (const file of files) process.stdout.write(`${file.path}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
