// Every contract `npm run build:contracts` builds: artifact name → entry file (relative to the
// repository root). The std testbed is a test fixture for std's own tests and for hosts.

export interface ContractSource {
  name: string;
  entry: string;
  /** A module exporting the contract's `ContractIdl` as `idl`, and where its JSON goes. */
  schema?: { definition: string; output: string };
}

export const CONTRACTS: readonly ContractSource[] = [
  { name: 'std_testbed', entry: 'contracts/std/testbed/contract.ts' },
  {
    name: 'vesting',
    entry: 'contracts/vesting/assembly/contract.ts',
    schema: {
      definition: 'contracts/vesting/schema/definition.ts',
      output: 'contracts/vesting/schema/vesting.json',
    },
  },
  {
    name: 'mixnet',
    entry: 'contracts/mixnet/assembly/contract.ts',
    schema: {
      definition: 'contracts/mixnet/schema/definition.ts',
      output: 'contracts/mixnet/schema/mixnet.json',
    },
  },
];

/** Exports every nymts contract has on top of what wasmd requires. */
export const ENTRY_POINTS = ['instantiate', 'execute', 'query'] as const;
