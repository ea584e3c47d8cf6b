// `nymts mixnet epoch|advance-epoch|reward|rewarded-set`: the epoch clock and the rewarded set, and
// the rewarding validator's transactions (which check the key is the rewarding validator and the
// epoch has ended before signing).
import { randomBytes } from 'node:crypto';
import type { MixnetClient, MixnetTypes } from '@nymts/contracts-client';
import type { CommandHandler } from '../../framework/command';
import { CliError } from '../../framework/errors';
import { timeText } from '../../chain/format';
import { attempt, withReader, withSigner, type Signer } from '../../chain/session';
import {
  mixIdArg,
  mixnetReader,
  mixnetSigner,
  performanceArg,
  txOutput,
  type MixnetQueryOptions,
  type MixnetTxOptions,
} from './shared';

function epochData(status: MixnetTypes.EpochStatus, details: MixnetTypes.CurrentIntervalResponse) {
  const { interval } = details;
  return {
    epoch_id: interval.total_elapsed_epochs,
    interval_id: interval.id,
    epoch_in_interval: interval.current_epoch_id,
    epochs_in_interval: interval.epochs_in_interval,
    epoch_length_secs: interval.epoch_length_secs,
    epoch_start: interval.current_epoch_start,
    epoch_end: details.current_epoch_end,
    block_time: details.current_blocktime,
    state: status.state,
    is_epoch_over: details.is_current_epoch_over,
    seconds_left: Math.max(0, details.current_epoch_end - details.current_blocktime),
    rewarding_validator: status.being_advanced_by,
  };
}

export const mixnetEpoch: CommandHandler<MixnetQueryOptions> = (options) =>
  withReader(options, async (reader) => {
    const client = mixnetReader(reader, options);
    const [status, details] = await attempt('querying the epoch', () =>
      Promise.all([client.getEpochStatus(), client.getCurrentIntervalDetails()]),
    );
    const data = epochData(status, details);
    const text = [
      `epoch ${data.epoch_id} (${data.epoch_in_interval + 1} of ${data.epochs_in_interval} in interval ${data.interval_id}): ${data.state}`,
      `  started ${timeText(data.epoch_start)}, ends ${timeText(data.epoch_end)}${data.is_epoch_over ? ' (over)' : ` (in ${data.seconds_left} s)`}`,
      `  rewarding validator ${data.rewarding_validator}`,
    ].join('\n');
    return { data, text };
  });

/** The mixnet client, after checking the key is the rewarding validator. */
async function asValidator(signer: Signer, options: MixnetTxOptions): Promise<MixnetClient> {
  const client = mixnetSigner(signer, options);
  const validator = await attempt('querying the rewarding validator', () =>
    client.getRewardingValidatorAddress(),
  );
  if (validator !== client.sender) {
    throw new CliError(
      'not_rewarding_validator',
      `${client.sender} is not the rewarding validator: only ${validator} may advance epochs and report performance`,
      { sender: client.sender, rewarding_validator: validator },
    );
  }
  return client;
}

export interface AdvanceEpochOptions extends MixnetTxOptions {
  /** 64 hex digits; fresh random bytes when absent. */
  randomness?: string;
}

function randomnessArg(text: string | undefined): Buffer {
  if (text === undefined) return randomBytes(32);
  if (!/^[0-9a-fA-F]{64}$/.test(text)) {
    throw new CliError('randomness_invalid', `--randomness must be 32 bytes as 64 hex digits, not "${text}"`);
  }
  return Buffer.from(text, 'hex');
}

export const mixnetAdvanceEpoch: CommandHandler<AdvanceEpochOptions> = async (options) => {
  const randomness = randomnessArg(options.randomness);
  return withSigner(options, async (signer) => {
    const client = await asValidator(signer, options);
    const details = await attempt('querying the epoch', () => client.getCurrentIntervalDetails());
    if (!details.is_current_epoch_over) {
      const left = details.current_epoch_end - details.current_blocktime;
      throw new CliError(
        'epoch_in_progress',
        `epoch ${details.interval.total_elapsed_epochs} ends at ${timeText(details.current_epoch_end)}, in ${left} s: advance it then`,
        {
          epoch_id: details.interval.total_elapsed_epochs,
          epoch_end: details.current_epoch_end,
          seconds_left: left,
        },
      );
    }
    const result = await attempt('advancing the epoch', () =>
      client.advanceCurrentEpoch({ randomness: randomness.toString('base64') }, signer.session.fee),
    );
    const [status, after] = await attempt('querying the epoch', () =>
      Promise.all([client.getEpochStatus(), client.getCurrentIntervalDetails()]),
    );
    const data = epochData(status, after);
    return txOutput(
      result,
      { action: 'advance_epoch', randomness: randomness.toString('hex'), ...data },
      `epoch ${data.epoch_id} started; it ends at ${timeText(data.epoch_end)}`,
    );
  });
};

export const mixnetReward: CommandHandler<MixnetTxOptions> = async (options) => {
  const target = options.args?.[0];
  const performance = performanceArg(options.args?.[1]);
  if (target === undefined)
    throw new CliError('missing_argument', 'give the mix id or the gateway identity key');
  const gateway = !/^\d+$/.test(target);
  const mixId = gateway ? undefined : mixIdArg(target);
  return withSigner(options, async (signer) => {
    const client = await asValidator(signer, options);
    const fee = signer.session.fee;
    const result = await attempt(
      `reporting the performance of ${gateway ? 'gateway' : 'mix node'} ${target}`,
      () =>
        mixId === undefined
          ? client.reportGatewayPerformance({ identity: target, performance }, fee)
          : client.rewardMixnode({ mixId, performance }, fee),
    );
    const rewarded = result.events.find((e) => e.type === 'wasm-mix_rewarding');
    const attribute = (key: string) => rewarded?.attributes.find((a) => a.key === key)?.value ?? null;
    return txOutput(
      result,
      gateway
        ? { action: 'report_gateway_performance', identity_key: target, performance }
        : {
            action: 'reward_mixnode',
            mix_id: mixId,
            performance,
            operator_reward: attribute('operator_reward'),
            delegates_reward: attribute('delegates_reward'),
          },
      `${gateway ? 'gateway' : 'mix node'} ${target}: performance ${performance} reported`,
    );
  });
};

export const mixnetRewardedSet: CommandHandler<MixnetQueryOptions> = (options) =>
  withReader(options, async (reader) => {
    const client = mixnetReader(reader, options);
    const nodes: MixnetTypes.RewardedSetNode[] = [];
    let metadata: MixnetTypes.RewardedSetMetadata | undefined;
    let startAfter: number | undefined;
    do {
      const page = await attempt('querying the rewarded set', () =>
        client.getRewardedSet({ startAfter, limit: 250 }),
      );
      metadata = page.metadata;
      nodes.push(...page.nodes);
      startAfter = page.start_next_after ?? undefined;
    } while (startAfter !== undefined);
    const line = (n: MixnetTypes.RewardedSetNode) =>
      `  ${n.status === 'active' ? `layer ${n.layer}` : 'standby'}  mix ${n.mix_id}  ${n.mix_node.host}:${n.mix_node.mix_port}  ${n.mix_node.identity_key}`;
    const text = [
      `rewarded set of epoch ${metadata!.epoch_id}: ${metadata!.active_set_size} active (${metadata!.layer1}/${metadata!.layer2}/${metadata!.layer3} by layer), ${metadata!.standby_set_size} standby`,
      ...[...nodes].sort((a, b) => (a.layer ?? 4) - (b.layer ?? 4) || a.mix_id - b.mix_id).map(line),
    ].join('\n');
    return { data: { metadata, nodes }, text };
  });
