import { defaultMixnodeHome } from '@nymts/mixnode';
import { resolveNodeHome } from '../../framework/node-options';

/** `--home` wins; otherwise `~/.nym/mixnodes/<id>`. */
export const resolveHome = (options: { id?: string; home?: string }): string =>
  resolveNodeHome(options, { name: 'mix node', defaultHome: defaultMixnodeHome });
