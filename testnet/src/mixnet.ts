// The mixnet contract's part of the network — deploying it, bonding nodes, epochs, the rewarded
// set, performance reports — behind one interface, so the network runs with or without it.
import type { ContractDeployment, ReadSession, SigningSession } from '@nymts/contracts-client';
import type { NodeState } from './state';

export interface PerformanceReport {
  node: NodeState;
  /** 0–1. */
  performance: number;
}

export type BondOutcome = { id: string; ok: true; mixId?: number } | { id: string; ok: false; error: string };

export interface MixnetOperations {
  /** The NYM token (owners funded), vesting and mixnet contracts; the deployer is the rewarding validator. */
  deployPlatform(
    session: SigningSession,
    options: { owners: ReadonlyArray<{ address: string; amount: bigint }> },
  ): Promise<Record<'nym_token' | 'vesting' | 'mixnet', ContractDeployment>>;
  /**
   * Bonds nodes from their home folders, each with its owner's key (contracts from the
   * deployment record); mix nodes get their mix id. One failure does not stop the others.
   */
  bond(nodes: ReadonlyArray<{ node: NodeState; home: string; mnemonic: string }>): Promise<BondOutcome[]>;
  /** Ends the current epoch (waiting for its end if need be) and draws the next rewarded set. */
  advanceEpoch(admin: SigningSession, mixnet: string): Promise<number>;
  /** Epochs from now on last this long (the first one is short, so the first set is drawn at once). */
  setEpochLength(admin: SigningSession, mixnet: string, seconds: number): Promise<void>;
  currentEpoch(reader: ReadSession, mixnet: string): Promise<number>;
  /** Reports each node's performance for the epoch that ends (the rewarding validator's job). */
  report(admin: SigningSession, mixnet: string, reports: readonly PerformanceReport[]): Promise<void>;
}
