// The mixnet contract's part of the network — deploying it, bonding nodes, epochs, the rewarded
// set, performance reports — behind one interface, so the network runs with or without it.
import type { ContractDeployment, ReadSession, SigningSession } from '@nymts/contracts-client';
import type { MixLayer } from './plan';
import type { NodeState } from './state';

export interface RewardedNode {
  identityKey: string;
  layer: MixLayer;
}

export interface PerformanceReport {
  node: NodeState;
  /** 0–1. */
  performance: number;
}

export interface MixnetOperations {
  /** The NYM token, vesting and mixnet contracts, epochs of `epochSeconds`. */
  deployPlatform(
    session: SigningSession,
    options: { owners: ReadonlyArray<{ address: string; amount: bigint }>; epochSeconds: number },
  ): Promise<Record<'nym_token' | 'vesting' | 'mixnet', ContractDeployment>>;
  /** Bonds one node from its home folder with its owner's key; mix nodes get their mix id. */
  bond(
    node: NodeState,
    home: string,
    owner: SigningSession,
    contracts: Record<string, string>,
  ): Promise<{ mixId?: number }>;
  /** Ends the current epoch (waiting for its end if need be) and draws the next rewarded set. */
  advanceEpoch(admin: SigningSession, mixnet: string): Promise<number>;
  currentEpoch(reader: ReadSession, mixnet: string): Promise<number>;
  rewardedSet(reader: ReadSession, mixnet: string): Promise<RewardedNode[]>;
  /** Reports each node's performance for the epoch that ends (the rewarding validator's job). */
  report(admin: SigningSession, mixnet: string, reports: readonly PerformanceReport[]): Promise<void>;
}
