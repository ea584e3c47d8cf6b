// Every contract `npm run build:contracts` builds: artifact name → entry file (relative to the
// repository root). The std testbed is a test fixture for std's own tests and for hosts.

export interface ContractSource {
  name: string;
  entry: string;
}

export const CONTRACTS: readonly ContractSource[] = [
  { name: 'std_testbed', entry: 'contracts/std/testbed/contract.ts' },
  { name: 'vesting', entry: 'contracts/vesting/assembly/contract.ts' },
];

/** Exports every nymts contract has on top of what wasmd requires. */
export const ENTRY_POINTS = ['instantiate', 'execute', 'query'] as const;
