// `nymts mixnode bond|unbond|update-config|update-cost|pledge-more|decrease-pledge|delegators|
// rewards|withdraw-rewards`: the operator's side of the mixnet contract. Each checks what it can
// before signing (a node to act on, none bonded yet, the minimum pledge), so a refusal says what
// is wrong; the chain's own refusals are explained too.
import { DEFAULT_COST_PARAMS, readMixnodeHome, submitBond } from '@nymts/mixnode';
import { parseAmount, type MixnetQueryClient, type MixnetTypes } from '@nymts/contracts-client';
import type { CommandHandler } from '../../framework/command';
import { CliError } from '../../framework/errors';
import { asCliError } from '../../framework/node-options';
import { addressOrKey, amountArg } from '../../chain/args';
import { amountData, nymText } from '../../chain/format';
import { attempt, toCliError, withReader, withSigner, type Reader, type Signer } from '../../chain/session';
import {
  bondingContracts,
  mixIdArg,
  mixnetReader,
  mixnetSigner,
  percentToDecimal,
  sendToMixnet,
  txOutput,
  vestingSigner,
  viaVestingOrDirect,
  type MixnetQueryOptions,
  type StakeOptions,
} from '../mixnet/shared';
import { resolveHome } from './options';

export interface MixnodeHomeOptions extends StakeOptions {
  id?: string;
  home?: string;
  location?: string;
}

export interface MixnodeBondOptions extends MixnodeHomeOptions {
  profitMargin?: string;
  intervalCost?: string;
}

function intervalCostArg(text: string): string {
  try {
    return parseAmount(text, { allowZero: true }).toString();
  } catch (error) {
    throw toCliError(error, 'reading --interval-cost');
  }
}

/** Cost parameters from the flags, each defaulting to `base` (Nym's defaults, or the node's current terms). */
function costParams(
  options: { profitMargin?: string; intervalCost?: string },
  base: MixnetTypes.MixNodeCostParams = DEFAULT_COST_PARAMS,
): MixnetTypes.MixNodeCostParams {
  const { profitMargin, intervalCost } = options;
  return {
    profit_margin_percent:
      profitMargin === undefined
        ? base.profit_margin_percent
        : percentToDecimal(profitMargin, '--profit-margin'),
    interval_operating_cost:
      intervalCost === undefined ? base.interval_operating_cost : intervalCostArg(intervalCost),
  };
}

/** Refuses a bond the contract would refuse: the key already has a node, or the pledge is too small. */
export async function checkCanBond(
  signer: Signer,
  options: StakeOptions,
  amount: bigint,
  minimum: 'mixnode' | 'gateway',
) {
  const client = mixnetSigner(signer, options);
  const owner = signer.session.address;
  const [mixnode, gateway, params] = await attempt('querying the mixnet contract', () =>
    Promise.all([
      client.getOwnedMixnode({ address: owner }),
      client.getOwnedGateway({ address: owner }),
      client.getStateParams(),
    ]),
  );
  const owned = mixnode.mixnode_details ?? null;
  if (owned !== null || (gateway.gateway ?? null) !== null) {
    const what = owned !== null ? `mix node ${owned.bond_information.mix_id}` : 'a gateway';
    throw new CliError('already_bonded', `${owner} already has ${what} bonded: unbond it first`, { owner });
  }
  const least = BigInt(minimum === 'mixnode' ? params.minimum_mixnode_pledge : params.minimum_gateway_pledge);
  if (amount < least) {
    throw new CliError(
      'pledge_too_small',
      `a ${minimum} pledge is at least ${nymText(least)}, not ${nymText(amount)}`,
      { amount: amount.toString(), minimum: least.toString() },
    );
  }
}

export const mixnodeBond: CommandHandler<MixnodeBondOptions> = async (options) => {
  const home = resolveHome(options);
  const amount = await amountArg(options.args?.[0], 'pledge');
  const costs = costParams(options);
  const node = asCliError(() => readMixnodeHome(home, { location: options.location }));
  return withSigner(options, async (signer) => {
    await checkCanBond(signer, options, amount, 'mixnode');
    const bond = await attempt('bonding the mix node', () =>
      submitBond(
        signer.session,
        {
          contracts: bondingContracts(signer, options),
          amount,
          funding: options.vesting === true ? 'vesting' : 'liquid',
        },
        { kind: 'mixnode-bonding', keys: node.keys, description: node.description, costParams: costs },
      ),
    );
    return txOutput(
      bond.tx,
      {
        action: 'bond_mixnode',
        mix_id: bond.mixId ?? null,
        owner: bond.owner,
        identity_key: bond.identityKey,
        pledge: amountData(amount),
        funding: bond.funding,
        mix_node: node.description,
        cost_params: costs,
      },
      `bonded mix node ${bond.mixId ?? '?'} (${bond.identityKey}) at ${node.description.host}:${node.description.mix_port} with ${nymText(amount)}`,
    );
  });
};

/** The mix node `owner` has bonded, or an error saying it has none. */
async function ownedMixIdOf(client: MixnetQueryClient, owner: string): Promise<number> {
  const answer = await attempt('querying the mix node', () => client.getOwnedMixnode({ address: owner }));
  const details = answer.mixnode_details ?? null;
  if (details === null) throw new CliError('not_bonded', `${owner} has no mix node bonded`, { owner });
  return details.bond_information.mix_id;
}

const ownedMixId = (signer: Signer, options: StakeOptions): Promise<number> =>
  ownedMixIdOf(mixnetSigner(signer, options), signer.session.address);

export const mixnodeUnbond: CommandHandler<StakeOptions> = (options) =>
  withSigner(options, async (signer) => {
    const mixId = await ownedMixId(signer, options);
    const result = await attempt('unbonding the mix node', () =>
      viaVestingOrDirect(signer, options, {
        vesting: (vesting, fee) => vesting.unbondMixnode({}, fee),
        direct: (mixnet, fee) => mixnet.unbondMixnode(fee),
      }),
    );
    return txOutput(
      result,
      { action: 'unbond_mixnode', mix_id: mixId },
      `mix node ${mixId} unbonds at the end of the epoch (pledge and rewards return then)`,
    );
  });

export const mixnodeUpdateConfig: CommandHandler<MixnodeHomeOptions> = async (options) => {
  const home = resolveHome(options);
  const { description } = asCliError(() => readMixnodeHome(home, { location: options.location }));
  const newConfig: MixnetTypes.MixNodeConfigUpdate = {
    host: description.host,
    mix_port: description.mix_port,
    http_api_port: description.http_api_port,
    version: description.version,
    location: description.location,
  };
  return withSigner(options, async (signer) => {
    const mixId = await ownedMixId(signer, options);
    const result = await attempt('updating the mix node', () =>
      viaVestingOrDirect(signer, options, {
        vesting: (vesting, fee) => vesting.updateMixnodeConfig({ newConfig: { ...newConfig } }, fee),
        direct: (mixnet, fee) => mixnet.updateMixnodeConfig({ newConfig }, fee),
      }),
    );
    return txOutput(
      result,
      { action: 'update_mixnode_config', mix_id: mixId, new_config: newConfig },
      `mix node ${mixId} now announces ${newConfig.host}:${newConfig.mix_port}`,
    );
  });
};

export type MixnodeCostOptions = StakeOptions & { profitMargin?: string; intervalCost?: string };

export const mixnodeUpdateCost: CommandHandler<MixnodeCostOptions> = async (options) => {
  if (options.profitMargin === undefined && options.intervalCost === undefined) {
    throw new CliError('missing_argument', 'give --profit-margin, --interval-cost or both');
  }
  return withSigner(options, async (signer) => {
    const mixId = await ownedMixId(signer, options);
    const details = await attempt('querying the mix node', () =>
      mixnetSigner(signer, options).getMixnodeRewardingDetails({ mixId }),
    );
    const newCosts = costParams(options, details.rewarding_details!.cost_params);
    const result = await attempt('updating the cost parameters', () =>
      viaVestingOrDirect(signer, options, {
        vesting: (vesting, fee) => vesting.updateMixnodeCostParams({ newCosts: { ...newCosts } }, fee),
        direct: (mixnet, fee) => mixnet.updateMixnodeCostParams({ newCosts }, fee),
      }),
    );
    return txOutput(
      result,
      { action: 'update_mixnode_cost_params', mix_id: mixId, new_costs: newCosts },
      `mix node ${mixId} takes the new terms at the end of the interval`,
    );
  });
};

export const mixnodePledgeMore: CommandHandler<StakeOptions> = async (options) => {
  const amount = await amountArg(options.args?.[0]);
  return withSigner(options, async (signer) => {
    const mixId = await ownedMixId(signer, options);
    const result = await attempt('pledging more', () =>
      options.vesting === true
        ? vestingSigner(signer).pledgeMore({ amount: amount.toString() }, signer.session.fee)
        : sendToMixnet(signer, signer.contract('mixnet', options.mixnet), amount, { pledge_more: {} }),
    );
    return txOutput(
      result,
      { action: 'pledge_more', mix_id: mixId, amount: amountData(amount) },
      `mix node ${mixId}'s pledge grows by ${nymText(amount)} at the end of the epoch`,
    );
  });
};

export const mixnodeDecreasePledge: CommandHandler<StakeOptions> = async (options) => {
  const amount = await amountArg(options.args?.[0]);
  return withSigner(options, async (signer) => {
    const mixId = await ownedMixId(signer, options);
    const result = await attempt('decreasing the pledge', () =>
      viaVestingOrDirect(signer, options, {
        vesting: (vesting, fee) => vesting.decreasePledge({ amount: amount.toString() }, fee),
        direct: (mixnet, fee) => mixnet.decreasePledge({ decreaseBy: amount.toString() }, fee),
      }),
    );
    return txOutput(
      result,
      { action: 'decrease_pledge', mix_id: mixId, amount: amountData(amount) },
      `mix node ${mixId}'s pledge shrinks by ${nymText(amount)} at the end of the epoch`,
    );
  });
};

export const mixnodeWithdrawRewards: CommandHandler<StakeOptions> = (options) =>
  withSigner(options, async (signer) => {
    const mixId = await ownedMixId(signer, options);
    const result = await attempt('withdrawing the operator rewards', () =>
      viaVestingOrDirect(signer, options, {
        vesting: (vesting, fee) => vesting.claimOperatorReward({}, fee),
        direct: (mixnet, fee) => mixnet.withdrawOperatorReward(fee),
      }),
    );
    const paid = result.events
      .filter((e) => e.type === 'wasm-operator_rewards_withdrawal')
      .flatMap((e) => e.attributes.filter((a) => a.key === 'amount').map((a) => a.value))[0];
    return txOutput(
      result,
      {
        action: 'withdraw_operator_reward',
        mix_id: mixId,
        amount: paid === undefined ? null : amountData(paid),
      },
      `withdrew ${paid === undefined ? 'the' : nymText(paid)} operator rewards of mix node ${mixId}`,
    );
  });

/** A mix id argument, or the key's own mix node. */
async function mixIdOrOwn(options: MixnetQueryOptions, reader: Reader): Promise<number> {
  const text = options.args?.[0];
  if (text !== undefined) return mixIdArg(text);
  const owner = await addressOrKey(options, undefined, 'mix node owner');
  return ownedMixIdOf(mixnetReader(reader, options), owner);
}

export const mixnodeDelegators: CommandHandler<MixnetQueryOptions> = (options) =>
  withReader(options, async (reader) => {
    const mixId = await mixIdOrOwn(options, reader);
    const client = mixnetReader(reader, options);
    const delegations: MixnetTypes.Delegation[] = [];
    let startAfter: string | undefined;
    do {
      const page = await attempt('listing the delegations', () =>
        client.getMixnodeDelegations({ mixId, startAfter, limit: 100 }),
      );
      delegations.push(...page.delegations);
      startAfter = page.start_next_after ?? undefined;
    } while (startAfter !== undefined);
    const rows = delegations.map((d) => ({
      owner: d.owner,
      amount: amountData(d.amount),
      proxy: d.proxy ?? null,
      height: d.height,
    }));
    const text =
      rows.length === 0
        ? `mix node ${mixId} has no delegations`
        : rows
            .map((r) => `${r.owner}  ${r.amount.nym} NYM${r.proxy === null ? '' : ' (vesting)'}`)
            .join('\n');
    return { data: { mix_id: mixId, delegations: rows }, text };
  });

export const mixnodeRewards: CommandHandler<MixnetQueryOptions> = async (options) => {
  const owner = await addressOrKey(options, options.args?.[0], 'mix node owner');
  return withReader(options, async (reader) => {
    const reward = await attempt('querying the operator rewards', () =>
      mixnetReader(reader, options).getPendingOperatorReward({ address: owner }),
    );
    const earned = reward.amount_earned ?? '0';
    return {
      data: {
        owner,
        pledge:
          reward.amount_staked === null || reward.amount_staked === undefined
            ? null
            : amountData(reward.amount_staked),
        earned: amountData(earned),
        earned_detailed: reward.amount_earned_detailed ?? null,
        still_bonded: reward.mixnode_still_fully_bonded,
      },
      text: `${owner} may withdraw ${nymText(earned)} of operator rewards`,
    };
  });
};
