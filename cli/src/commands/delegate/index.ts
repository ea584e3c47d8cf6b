// `nymts delegate <mix_id> <amount>` and `nymts undelegate <mix_id>`: staking NYM on a mix node
// (liquid, or with --vesting the key's unvested NYM through the vesting contract). Both take
// effect at the end of the epoch.
import type { CommandHandler, CommandModule } from '../../framework/command';
import { CliError } from '../../framework/errors';
import { addChainCommand } from '../../chain/options';
import { amountArg } from '../../chain/args';
import { amountData, nymText } from '../../chain/format';
import { attempt, withSigner } from '../../chain/session';
import {
  mixIdArg,
  mixnetOption,
  mixnetSigner,
  sendToMixnet,
  txOutput,
  vestingFlag,
  vestingSigner,
  viaVestingOrDirect,
  type StakeOptions,
} from '../mixnet/shared';

export const delegate: CommandHandler<StakeOptions> = async (options) => {
  const mixId = mixIdArg(options.args?.[0]);
  const amount = await amountArg(options.args?.[1]);
  return withSigner(options, async (signer) => {
    const mixnet = mixnetSigner(signer, options);
    const node = await attempt('querying the mix node', () => mixnet.getMixnodeDetails({ mixId }));
    if (node.mixnode_details === null || node.mixnode_details === undefined) {
      throw new CliError('no_such_mixnode', `no mix node ${mixId} is bonded`, { mix_id: mixId });
    }
    const result = await attempt('delegating', () =>
      options.vesting === true
        ? vestingSigner(signer).delegateToMixnode({ mixId, amount: amount.toString() }, signer.session.fee)
        : sendToMixnet(signer, mixnet.contractAddress, amount, { delegate_to_mixnode: { mix_id: mixId } }),
    );
    return txOutput(
      result,
      {
        action: 'delegate',
        mix_id: mixId,
        delegator: signer.session.address,
        amount: amountData(amount),
        vesting: options.vesting === true,
      },
      `delegated ${nymText(amount)} to mix node ${mixId} from the end of the epoch`,
    );
  });
};

export const undelegate: CommandHandler<StakeOptions> = async (options) => {
  const mixId = mixIdArg(options.args?.[0]);
  return withSigner(options, async (signer) => {
    const delegator = signer.session.address;
    const proxy = options.vesting === true ? signer.contract('vesting') : undefined;
    const { delegation } = await attempt('querying the delegation', () =>
      mixnetSigner(signer, options).getDelegationDetails({ mixId, delegator, proxy }),
    );
    if (delegation === null || delegation === undefined) {
      throw new CliError(
        'no_delegation',
        `${delegator} has no ${proxy === undefined ? '' : 'vesting '}delegation to mix node ${mixId}`,
        { mix_id: mixId, delegator },
      );
    }
    const result = await attempt('undelegating', () =>
      viaVestingOrDirect(signer, options, {
        vesting: (vesting, fee) => vesting.undelegateFromMixnode({ mixId }, fee),
        direct: (mixnet, fee) => mixnet.undelegateFromMixnode({ mixId }, fee),
      }),
    );
    return txOutput(
      result,
      { action: 'undelegate', mix_id: mixId, delegator, amount: amountData(delegation.amount) },
      `the delegation of ${nymText(delegation.amount)} to mix node ${mixId} returns with its rewards at the end of the epoch`,
    );
  });
};

/** `nymts delegate` and `nymts undelegate`. */
export function delegationModule(): CommandModule {
  return {
    register(program, env) {
      const leaf = (name: string, description: string, handler: CommandHandler<StakeOptions>) =>
        addChainCommand(program, env, {
          name,
          description,
          signing: true,
          contract: mixnetOption(),
          handler,
        }).addOption(vestingFlag());
      leaf('delegate', 'delegate NYM to a mix node (from the end of the epoch)', delegate)
        .argument('<mix_id>')
        .argument('<amount>', 'NYM (1.5, 1.5nym) or unym (1500000unym)');
      leaf(
        'undelegate',
        'take a delegation and its rewards back (at the end of the epoch)',
        undelegate,
      ).argument('<mix_id>');
    },
  };
}
