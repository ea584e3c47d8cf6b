import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Option } from 'commander';
import {
  bufferIo,
  CliError,
  commandAction,
  runCli,
  useConfigFile,
  type CommandHandler,
  type CommandModule,
} from '../src';

interface GreetOptions {
  name: string;
  times: string;
  config?: string;
  fail?: boolean;
}

const greet: CommandHandler<GreetOptions> = async (options) => {
  if (options.fail) throw new CliError('not_allowed', 'greeting refused', { name: options.name });
  const greeting = `hello ${options.name} x${options.times}`;
  return { data: { greeting, name: options.name }, text: greeting };
};

// A command built the way real command folders are: options with NYM_ env names and defaults,
// a config-file layer, and a handler that knows nothing of commander.
const greetModule: CommandModule = {
  register(program, env) {
    const command = program
      .command('greet')
      .addOption(new Option('--name <name>').env('NYM_GREET_NAME').default('world'))
      .addOption(new Option('--times <n>').env('NYM_GREET_TIMES').default('1'))
      .option('--config <file>')
      .option('--fail');
    useConfigFile(command, (options) => options.config as string | undefined);
    command.action(commandAction(env, greet));
  },
};

function configFile(contents: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'nymts-cli-')), 'config.toml');
  writeFileSync(path, contents);
  return path;
}

async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = bufferIo();
  const code = await runCli(argv, io, { modules: [greetModule] });
  return { code, stdout: io.stdout.join(''), stderr: io.stderr.join('') };
}

describe('option precedence: flags > NYM_ env > config file > defaults', () => {
  afterEach(() => {
    delete process.env.NYM_GREET_NAME;
    delete process.env.NYM_GREET_TIMES;
  });

  it('uses defaults when nothing else is given', async () => {
    expect((await run(['greet'])).stdout).toBe('hello world x1');
  });

  it('lets the config file override defaults', async () => {
    const path = configFile('name = "file"\ntimes = "3"\n');
    expect((await run(['greet', '--config', path])).stdout).toBe('hello file x3');
  });

  it('lets env override the config file, and flags override env', async () => {
    const path = configFile('name = "file"\ntimes = "3"\n');
    process.env.NYM_GREET_NAME = 'env';
    expect((await run(['greet', '--config', path])).stdout).toBe('hello env x3');
    expect((await run(['greet', '--config', path, '--name', 'flag'])).stdout).toBe('hello flag x3');
  });

  it('reports an unreadable or invalid config file with its path', async () => {
    const missing = await run(['greet', '--config', '/nonexistent/config.toml']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('cannot read config file /nonexistent/config.toml');
    const broken = await run(['greet', '--config', configFile('name = ')]);
    expect(broken.stderr).toMatch(/is not valid TOML/);
  });
});

describe('output', () => {
  it('prints the handler data as JSON with --output json', async () => {
    const result = await run(['--output', 'json', 'greet', '--name', 'n']);
    expect(JSON.parse(result.stdout)).toEqual({ greeting: 'hello n x1', name: 'n' });
  });

  it('prints user errors as a message in text mode and as JSON in json mode', async () => {
    const text = await run(['greet', '--fail']);
    expect(text.code).toBe(1);
    expect(text.stderr).toBe('error: greeting refused');
    const json = await run(['-o', 'json', 'greet', '--fail']);
    expect(JSON.parse(json.stdout)).toEqual({
      error: { code: 'not_allowed', message: 'greeting refused', details: { name: 'world' } },
    });
  });

  it('exits 2 on usage errors and rejects unknown output formats', async () => {
    expect((await run(['greet', '--bogus'])).code).toBe(2);
    const badFormat = await run(['--output', 'yaml', 'greet']);
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toContain('Allowed choices are text, json');
  });
});
