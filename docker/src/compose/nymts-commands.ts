// Finding `nymts …` invocations in container commands and entrypoint scripts, and checking each
// against the CLI's command tree: every subcommand exists and every flag is one the command takes.

/** The shape of a commander Command this check reads (the CLI's `createProgram` result has it). */
export interface CommandNode {
  name(): string;
  readonly commands: readonly CommandNode[];
  readonly options: ReadonlyArray<{ long?: string; short?: string }>;
}

/** Splits a shell line into words, keeping quoted strings (with their variables) whole. */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  const pattern = /"((?:[^"\\]|\\.)*)"|'([^']*)'|(\S+)/g;
  for (const match of line.matchAll(pattern)) {
    if (match[3]?.startsWith('#')) break;
    words.push(match[1] ?? match[2] ?? match[3]!);
  }
  return words;
}

/** The arguments of every `nymts` command in a shell script (also through npx), one list per call. */
export function nymtsCallsInScript(script: string): string[][] {
  const lines = script.replace(/\\\n/g, ' ').split('\n');
  const calls: string[][] = [];
  for (const line of lines) {
    const words = shellWords(line);
    const at = words.indexOf('nymts');
    if (at === -1 || (at > 0 && !['npx', 'exec', 'then', 'if', '&&', '||', 'do'].includes(words[at - 1]!))) {
      continue;
    }
    calls.push(untilOperator(words.slice(at + 1)));
  }
  return calls;
}

const OPERATORS = new Set([';', '&&', '||', '|', '&']);

/** The words of one command: up to a list operator, a redirection or a `;` ending a word. */
function untilOperator(words: string[]): string[] {
  const command: string[] = [];
  for (const word of words) {
    if (OPERATORS.has(word) || /^\d?>/.test(word)) break;
    if (word.endsWith(';')) {
      command.push(word.slice(0, -1));
      break;
    }
    command.push(word);
  }
  return command;
}

function optionNames(node: CommandNode): string[] {
  return node.options.flatMap((option) => [option.long, option.short].filter((name) => name !== undefined));
}

/**
 * Problems with one call's arguments (empty when the call is valid): the subcommand path must exist
 * down to a command without subcommands, and each flag must belong to it or to an ancestor.
 */
export function checkNymtsCall(program: CommandNode, args: readonly string[]): string[] {
  const path: CommandNode[] = [program];
  let index = 0;
  for (; index < args.length; index++) {
    const word = args[index]!;
    if (word.startsWith('-')) break;
    const current = path[path.length - 1]!;
    const next = current.commands.find((command) => command.name() === word);
    if (next === undefined) {
      if (current.commands.length > 0) {
        const known = current.commands.map((command) => command.name()).join(', ');
        return [
          `"${[...path.slice(1).map((c) => c.name()), word].join(' ')}" is not a nymts command (${path.length === 1 ? 'commands' : `${current.name()} has`}: ${known})`,
        ];
      }
      break;
    }
    path.push(next);
  }
  const leaf = path[path.length - 1]!;
  const name = ['nymts', ...path.slice(1).map((command) => command.name())].join(' ');
  if (leaf.commands.length > 0) return [`"${name}" needs a subcommand`];
  const allowed = new Set(['--help', '-h', ...path.flatMap(optionNames)]);
  return args
    .slice(index)
    .filter((word) => word.startsWith('-') && word !== '-')
    .map((word) => word.split('=')[0]!)
    .filter((flag) => !allowed.has(flag))
    .map((flag) => `"${name}" has no option ${flag}`);
}
