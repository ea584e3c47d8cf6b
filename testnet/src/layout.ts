// Where everything of one local network lives inside its data folder.
import { join, resolve } from 'node:path';

export const DEFAULT_HOME = join('.nymts', 'localnet');

export interface TestnetLayout {
  home: string;
  /** The network's description and the supervisor's pid: what `status` reads from another shell. */
  state: string;
  chainHome: string;
  /** The contracts-client deployment record of this network. */
  deployment: string;
  /** The topology clients read while they take it from a file. */
  topology: string;
  logs: string;
  nodeHome(id: string): string;
  clientHome(id: string): string;
  log(name: string): string;
}

export function testnetLayout(home: string = DEFAULT_HOME): TestnetLayout {
  const root = resolve(home);
  return {
    home: root,
    state: join(root, 'testnet.json'),
    chainHome: join(root, 'chain'),
    deployment: join(root, 'deployments.json'),
    topology: join(root, 'topology.json'),
    logs: join(root, 'logs'),
    nodeHome: (id) => join(root, 'nodes', id),
    clientHome: (id) => join(root, 'clients', id),
    log: (name) => join(root, 'logs', `${name}.log`),
  };
}
