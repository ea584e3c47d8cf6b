// The mixnet contract through mixnet-ops' pieces: deployPlatform, the bonding script
// (testnet/scripts/bond-nodes.ts), and the generated MixnetClient for the rewarding validator.
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  deployPlatform,
  DEFAULT_EPOCHS_IN_INTERVAL,
  MixnetClient,
  MixnetQueryClient,
  type MixnetTypes,
  type ReadSession,
  type SigningSession,
} from '@nymts/contracts-client';
import { bondNodes } from '../scripts/bond-nodes';
import { TestnetError } from './errors';
import type { MixnetOperations, PerformanceReport } from './mixnet';

/** Each node's pledge, in NYM. */
export const NODE_PLEDGE = '100';
/** The first epoch ends at once, so the first rewarded set is drawn as soon as the nodes are bonded. */
const FIRST_EPOCH_SECONDS = 1;

/** Decimal text of a 0–1 figure, as the contract reads it (no exponent, at most 4 places). */
export function decimalText(value: number): string {
  const clamped = Math.min(1, Math.max(0, value));
  return clamped.toFixed(4).replace(/\.?0+$/, '') || '0';
}

export function mixnetContractOperations(options: {
  rpcUrl: string;
  deploymentPath: string;
}): MixnetOperations {
  return {
    async deployPlatform(session, { owners }) {
      return deployPlatform(session, {
        initialBalances: owners,
        rewardingValidator: session.address,
        epochDurationSecs: FIRST_EPOCH_SECONDS,
        epochsInInterval: DEFAULT_EPOCHS_IN_INTERVAL,
      });
    },

    async bond(nodes) {
      const outcomes = await bondNodes(
        {
          nodes: nodes.map(({ node, home, mnemonic }) => ({
            kind: node.role,
            home,
            mnemonic,
            pledge: NODE_PLEDGE,
          })),
        },
        { node: options.rpcUrl, deploymentPath: options.deploymentPath },
      );
      return outcomes.map((outcome, index) => {
        const id = nodes[index]!.node.id;
        return outcome.ok
          ? { id, ok: true as const, ...(outcome.mix_id === null ? {} : { mixId: outcome.mix_id }) }
          : { id, ok: false as const, error: `${outcome.error.code}: ${outcome.error.message}` };
      });
    },

    async advanceEpoch(admin, mixnet) {
      const client = new MixnetClient(admin.client, admin.address, mixnet);
      await waitForEpochEnd(client);
      await client.advanceCurrentEpoch({ randomness: randomBytes(32).toString('base64') }, admin.fee);
      return (await client.getCurrentIntervalDetails()).interval.total_elapsed_epochs;
    },

    async setEpochLength(admin, mixnet, seconds) {
      const client = new MixnetClient(admin.client, admin.address, mixnet);
      await client.updateIntervalConfig(
        { epochsInInterval: DEFAULT_EPOCHS_IN_INTERVAL, epochDurationSecs: seconds, forceImmediately: true },
        admin.fee,
      );
    },

    async currentEpoch(reader, mixnet) {
      return (await new MixnetQueryClient(reader.client, mixnet).getCurrentIntervalDetails()).interval
        .total_elapsed_epochs;
    },

    async report(admin, mixnet, reports) {
      const client = new MixnetClient(admin.client, admin.address, mixnet);
      await waitForEpochEnd(client);
      const active = new Set(
        (await rewardedNodes(admin, mixnet))
          .filter((node) => node.status === 'active')
          .map((node) => node.mix_id),
      );
      const messages = reports.flatMap((report) => rewardMessage(report, active));
      if (messages.length === 0) return;
      await admin.client.executeMultiple(
        admin.address,
        messages.map((msg) => ({ contractAddress: mixnet, msg })),
        admin.fee,
      );
    },
  };
}

function rewardMessage(report: PerformanceReport, active: ReadonlySet<number>): object[] {
  const performance = decimalText(report.performance);
  if (report.node.role === 'gateway') {
    return [{ report_gateway_performance: { identity: report.node.identityKey, performance } }];
  }
  const mixId = report.node.mixId;
  return mixId !== undefined && active.has(mixId) ? [{ reward_mixnode: { mix_id: mixId, performance } }] : [];
}

async function rewardedNodes(
  reader: Pick<ReadSession, 'client'> | SigningSession,
  mixnet: string,
): Promise<MixnetTypes.RewardedSetNode[]> {
  const client = new MixnetQueryClient(reader.client, mixnet);
  const nodes: MixnetTypes.RewardedSetNode[] = [];
  let startAfter: number | undefined;
  for (let pages = 0; pages < 100; pages++) {
    const page = await client.getRewardedSet({ startAfter, limit: 250 });
    nodes.push(...page.nodes);
    if (page.start_next_after === undefined || page.start_next_after === null) return nodes;
    startAfter = page.start_next_after;
  }
  throw new TestnetError('rewarded_set_unbounded', 'the rewarded set did not end after 100 pages');
}

/** The contract refuses to advance (or reward) before the epoch's end by block time. */
async function waitForEpochEnd(client: MixnetQueryClient): Promise<void> {
  for (;;) {
    const details = await client.getCurrentIntervalDetails();
    if (details.is_current_epoch_over) return;
    await sleep(Math.max(250, (details.current_epoch_end - details.current_blocktime) * 1000));
  }
}
