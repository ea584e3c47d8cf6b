import type { CommandModule } from '../framework/command';
import type * as Chain from './chain';
import type * as Mixnode from './mixnode';
import type * as Gateway from './gateway';
import type * as Client from './client';
import type * as Token from './token';
import type * as Vesting from './vesting';
import type * as Mixnet from './mixnet';
import type * as Delegate from './delegate';
import type * as Testnet from './testnet';

// The folders are imported for their types only; `load` requires them when needed.

/**
 * A top-level command folder (`commands/<name>/`) and the command names it adds. Folders are
 * loaded only when one of their commands runs (or for the full help): each pulls in its own
 * packages (the chain, the nodes, cosmjs), and loading every one of them cost over a second of
 * CPU at each start of `nymts`, which the local network pays for every process it runs.
 */
export interface CommandEntry {
  names: readonly string[];
  load(): CommandModule;
}

/** Every top-level command, listed one per line so that additions from parallel branches merge
 * cleanly. Still to come: socks5, credential, signer. */
// prettier-ignore
export const commandEntries: readonly CommandEntry[] = [
  { names: ['chain'], load: () => (require('./chain') as typeof Chain).chainCommand },
  { names: ['mixnode'], load: () => (require('./mixnode') as typeof Mixnode).mixnodeModule() },
  { names: ['gateway'], load: () => (require('./gateway') as typeof Gateway).gatewayModule() },
  { names: ['client'], load: () => (require('./client') as typeof Client).clientModule() },
  { names: ['token'], load: () => (require('./token') as typeof Token).tokenModule() },
  { names: ['vesting'], load: () => (require('./vesting') as typeof Vesting).vestingModule() },
  { names: ['mixnet'], load: () => (require('./mixnet') as typeof Mixnet).mixnetModule() },
  { names: ['delegate', 'undelegate'], load: () => (require('./delegate') as typeof Delegate).delegationModule() },
  { names: ['testnet'], load: () => (require('./testnet') as typeof Testnet).testnetModule() },
];

/** Every command module, for the full help and for tools that read the whole command tree. */
export function allCommandModules(): CommandModule[] {
  return commandEntries.map((entry) => entry.load());
}

/** The first word of `argv` that is neither an option nor the value of `--output`. */
function commandName(argv: readonly string[]): string | undefined {
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    if (arg === '-o' || arg === '--output') index++;
    else if (!arg.startsWith('-')) return arg;
  }
  return undefined;
}

/** Only the module that `argv` runs, or all of them when it names none (help, a typo). */
export function commandModulesFor(argv: readonly string[]): CommandModule[] {
  const name = commandName(argv);
  const entry = commandEntries.find((candidate) => name !== undefined && candidate.names.includes(name));
  return entry ? [entry.load()] : allCommandModules();
}
