import { readFileSync } from 'node:fs';
import { relative } from 'node:path';

/**
 * Summarises a V8 .cpuprofile (from `node --cpu-prof`, e.g. the chain bench's node process with
 * NYMTS_BENCH_NODE_ARGS): the functions with the most self time, self time per file, and the
 * inclusive time of functions whose name matches the --inclusive patterns. --from/--to (ms since
 * the profile started) restrict it to one phase of the bench; --under NAME to the samples with a
 * function of that name on the stack (e.g. submitTx: CheckTx alone); --timeline prints the busy
 * milliseconds of each second (and of the --inclusive functions) to find the phases.
 *
 *   node -r @nymts/ts-run/register chain/bench/support/cpuprofile-summary.ts PROFILE \
 *     [--top 40] [--from MS] [--to MS] [--under NAME] [--inclusive submitTx,produceBlock] [--timeline]
 */
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

interface Options {
  file: string;
  top: number;
  fromMs: number;
  toMs: number;
  inclusive: string[];
  under: string | undefined;
  timeline: boolean;
}

function parseArgs(argv: string[]): Options {
  const options: Options = {
    file: '',
    top: 40,
    fromMs: 0,
    toMs: Infinity,
    inclusive: [],
    under: undefined,
    timeline: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => argv[++i] ?? '';
    if (arg === '--top') options.top = Number(value());
    else if (arg === '--from') options.fromMs = Number(value());
    else if (arg === '--to') options.toMs = Number(value());
    else if (arg === '--under') options.under = value();
    else if (arg === '--timeline') options.timeline = true;
    else if (arg === '--inclusive') options.inclusive = value().split(',');
    else options.file = arg;
  }
  if (options.file === '')
    throw new Error(
      'usage: cpuprofile-summary.ts PROFILE [--top N] [--from MS] [--to MS] [--under NAME] [--inclusive a,b]',
    );
  return options;
}

function frameKey(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url === '' ? '' : shortFile(url);
  return `${functionName || '(anonymous)'} ${file}${file === '' ? '' : `:${lineNumber + 1}`}`;
}

function shortFile(url: string): string {
  const path = url.replace(/^file:\/\//, '');
  const inModules = path.lastIndexOf('node_modules/');
  return inModules >= 0 ? path.slice(inModules + 'node_modules/'.length) : relative(process.cwd(), path);
}

function fileOf(node: ProfileNode): string {
  const { url, functionName } = node.callFrame;
  return url === '' ? `(${functionName || 'native'})` : shortFile(url);
}

function summarise(profile: Profile, options: Options): string {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

  const self = new Map<string, number>();
  const perFile = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const seconds: Array<Map<string, number>> = [];
  let total = 0;
  let elapsed = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    // timeDeltas[i] is the time before sample i; the sample stands for the interval after it
    const micros = profile.timeDeltas[i + 1] ?? 0;
    elapsed += profile.timeDeltas[i] ?? 0;
    if (elapsed < options.fromMs * 1000 || elapsed > options.toMs * 1000) continue;
    const node = byId.get(profile.samples[i]!)!;
    if (node.callFrame.functionName === '(idle)') continue;
    const stack: string[] = [];
    for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id))
      stack.push(byId.get(id)!.callFrame.functionName);
    if (options.under !== undefined && !stack.includes(options.under)) continue;
    total += micros;
    add(self, frameKey(node), micros);
    add(perFile, fileOf(node), micros);
    const second = (seconds[Math.floor(elapsed / 1e6)] ??= new Map());
    add(second, 'busy', micros);
    for (const name of new Set(stack)) {
      if (!options.inclusive.includes(name)) continue;
      add(inclusive, name, micros);
      add(second, name, micros);
    }
  }
  const lines = [`busy (non-idle) time: ${(total / 1000).toFixed(0)} ms`, '', 'self time by function:'];
  lines.push(...table(self, total, options.top));
  lines.push('', 'self time by file:', ...table(perFile, total, options.top));
  if (options.inclusive.length > 0)
    lines.push('', 'inclusive time:', ...table(inclusive, total, options.top));
  if (options.timeline) {
    lines.push('', 'busy ms per second:');
    seconds.forEach((second, index) => {
      const parts = [...second].map(([name, micros]) => `${name} ${(micros / 1000).toFixed(0)}`);
      lines.push(`${String(index).padStart(4)} s  ${parts.join(', ')}`);
    });
  }
  return lines.join('\n');
}

function add(map: Map<string, number>, key: string, micros: number): void {
  map.set(key, (map.get(key) ?? 0) + micros);
}

function table(map: Map<string, number>, total: number, top: number): string[] {
  return [...map]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(
      ([key, micros]) =>
        `${(micros / 1000).toFixed(0).padStart(8)} ms ${((100 * micros) / total).toFixed(1).padStart(5)}%  ${key}`,
    );
}

const options = parseArgs(process.argv.slice(2));
console.log(summarise(JSON.parse(readFileSync(options.file, 'utf8')) as Profile, options));
