export interface BenchArgs {
  json: boolean;
  list: boolean;
  filters: string[];
}

export type ParsedArgs =
  { kind: 'run'; args: BenchArgs } | { kind: 'help' } | { kind: 'error'; message: string };

export const USAGE = `usage: npm run bench -- [--json] [--list] [filter ...]

Runs every package's bench/*.bench.ts, each suite in its own process.
  filter   run only suites whose path contains one of these (case-insensitive)
  --json   one JSON object per result line: {"name","value","unit","baseline"?,"ratio"?}
  --list   print the suites that would run, and stop`;

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const args: BenchArgs = { json: false, list: false, filters: [] };
  for (const arg of argv) {
    if (arg === '--json') args.json = true;
    else if (arg === '--list') args.list = true;
    else if (arg === '--help' || arg === '-h') return { kind: 'help' };
    else if (arg.startsWith('-')) return { kind: 'error', message: `unknown option ${arg}` };
    else args.filters.push(arg);
  }
  return { kind: 'run', args };
}
