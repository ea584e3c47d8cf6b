import { commandEntries, commandModulesFor } from '../src/commands';
import { bufferIo } from '../src/framework/io';
import { createProgram } from '../src/program';

const env = { io: bufferIo(), signal: new AbortController().signal };
const topLevelNames = (argv: readonly string[]) =>
  createProgram(env, commandModulesFor(argv)).commands.map((command) => command.name());

describe('top-level commands load on demand', () => {
  it('each entry names exactly the commands its module adds', () => {
    for (const entry of commandEntries) {
      expect(createProgram(env, [entry.load()]).commands.map((command) => command.name())).toEqual(
        entry.names,
      );
    }
  });

  it('loads only the module of the command being run, after global options', () => {
    expect(topLevelNames(['-o', 'json', 'token', 'info'])).toEqual(['token']);
    expect(topLevelNames(['--output', 'json', 'vesting', 'accounts'])).toEqual(['vesting']);
    expect(topLevelNames(['undelegate', '--mix-id', '1'])).toEqual(['delegate', 'undelegate']);
  });

  it('loads every module for help and for a command it does not know', () => {
    const all = commandEntries.flatMap((entry) => entry.names);
    expect(topLevelNames(['--help'])).toEqual(all);
    expect(topLevelNames(['tokn', 'info'])).toEqual(all);
    expect(topLevelNames([])).toEqual(all);
  });
});
