import { findBenchFiles, selectBenchFiles } from './discover';
import { parseArgs, USAGE } from './args';
import { formatTable, toJsonLine, type SuiteOutcome } from './format';
import { runSuite } from './run-suite';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  interactive: boolean;
}

const processIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  interactive: Boolean(process.stderr.isTTY),
};

/** Returns the exit code: 0 when every selected suite completed, 1 otherwise, 2 on usage errors. */
export async function main(
  argv: readonly string[],
  rootDir = process.cwd(),
  io: CliIo = processIo,
): Promise<number> {
  const parsed = parseArgs(argv);
  if (parsed.kind === 'help') {
    io.out(USAGE);
    return 0;
  }
  if (parsed.kind === 'error') {
    io.err(`${parsed.message}\n${USAGE}`);
    return 2;
  }
  const { json, list, filters } = parsed.args;
  const files = selectBenchFiles(findBenchFiles(rootDir), filters);
  if (list) {
    for (const file of files) io.out(file);
    return 0;
  }
  if (files.length === 0) {
    io.err(filters.length ? `no bench suite matches ${filters.join(', ')}` : 'no bench suites found');
    return filters.length ? 1 : 0;
  }
  const outcomes: SuiteOutcome[] = [];
  for (const file of files) {
    if (io.interactive) io.err(`running ${file}`);
    const outcome = await runSuite(rootDir, file, {
      onResult: (result) => {
        if (json) io.out(toJsonLine(result));
      },
      onProgress: (message) => {
        if (io.interactive) io.err(`  ${message}`);
      },
    });
    if (outcome.error !== undefined) io.err(`${file}: ${outcome.error}`);
    outcomes.push(outcome);
  }
  if (!json) io.out(formatTable(outcomes));
  return outcomes.some((outcome) => outcome.error !== undefined) ? 1 : 0;
}
