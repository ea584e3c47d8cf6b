import { Option } from 'commander';
import type { CommandHandler, CommandModule } from '../../framework/command';
import { addChainCommand } from '../../chain/options';
import { mixnetOption, type MixnetQueryOptions } from './shared';
import { mixnetAdvanceEpoch, mixnetEpoch, mixnetReward, mixnetRewardedSet } from './validator';

export { mixnetAdvanceEpoch, mixnetEpoch, mixnetReward, mixnetRewardedSet } from './validator';
export type { AdvanceEpochOptions } from './validator';
export type { MixnetQueryOptions, MixnetTxOptions, StakeOptions } from './shared';

/** `nymts mixnet …`: the epoch clock, the rewarded set, and the rewarding validator's transactions. */
export function mixnetModule(): CommandModule {
  return {
    register(program, env) {
      const mixnet = program
        .command('mixnet')
        .description('the mixnet contract: epochs, the rewarded set, rewarding (rewarding validator)');
      const leaf = <O extends MixnetQueryOptions>(
        name: string,
        description: string,
        signing: boolean,
        handler: CommandHandler<O>,
      ) => addChainCommand(mixnet, env, { name, description, signing, contract: mixnetOption(), handler });
      leaf('epoch', 'the current epoch and interval, and whether the epoch has ended', false, mixnetEpoch);
      leaf(
        'advance-epoch',
        'end the epoch and draw the next rewarded set (rewarding validator)',
        true,
        mixnetAdvanceEpoch,
      ).addOption(
        new Option('--randomness <hex>', '32 bytes (64 hex digits) to draw the set from (default: random)'),
      );
      leaf(
        'reward',
        'report a node’s performance for the ended epoch (rewarding validator)',
        true,
        mixnetReward,
      )
        .argument('<node>', 'a mix id, or a gateway’s identity key')
        .argument('<performance>', '0 to 1, such as 0.95');
      leaf('rewarded-set', 'the rewarded set with each active node’s layer', false, mixnetRewardedSet);
    },
  };
}
