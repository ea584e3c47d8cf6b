/**
 * Gas constants, versioned together because changing any of them is consensus-breaking in wasmd.
 *
 * CosmWasm gas (inside the VM): cosmwasm-vm 2.x `wasm_backend/engine.rs` (115 per operator, 14×
 * that for accounting operators) and `environment.rs` `GasConfig::default` (10^6 gas per µs).
 * SDK gas: wasmd `x/wasm/types/gas_register.go`. CosmWasm 2.x divided VM gas by 1000 and wasmd
 * (0.51+) divided its multiplier to match (140_000_000 → 140_000; CosmWasm issue #1599), so one
 * operator costs the same SDK gas as under 1.x.
 */
export const GAS_SCHEDULE_VERSION = 1;

export const OPERATOR_COST = 115n;
export const ACCOUNTING_OPERATOR_COST = OPERATOR_COST * 14n;

const GAS_PER_US = 1_000_000n;

export interface LinearCost {
  base: bigint;
  perItem: bigint;
}

export const HOST_COSTS = {
  secp256k1Verify: 96n * GAS_PER_US,
  secp256k1RecoverPubkey: 194n * GAS_PER_US,
  secp256r1Verify: 279n * GAS_PER_US,
  secp256r1RecoverPubkey: 592n * GAS_PER_US,
  ed25519Verify: 35n * GAS_PER_US,
  ed25519BatchVerify: { base: 24n * GAS_PER_US, perItem: 21n * GAS_PER_US },
  ed25519BatchVerifyOnePubkey: { base: 36n * GAS_PER_US, perItem: 10n * GAS_PER_US },
  bls12381AggregateG1: { base: (136n * GAS_PER_US) / 2n, perItem: (24n * GAS_PER_US) / 2n },
  bls12381AggregateG2: { base: (207n * GAS_PER_US) / 2n, perItem: (49n * GAS_PER_US) / 2n },
  bls12381HashToG1: 563n * GAS_PER_US,
  bls12381HashToG2: 871n * GAS_PER_US,
  bls12381PairingEquality: { base: 2112n * GAS_PER_US, perItem: 163n * GAS_PER_US },
} as const;

export function linearCost(cost: LinearCost, items: number): bigint {
  return cost.base + cost.perItem * BigInt(items);
}

/** wasmd's gas register (SDK gas unless noted). */
export interface WasmGasConfig {
  /** CosmWasm gas per SDK gas. */
  gasMultiplier: bigint;
  instanceCost: number;
  compileCost: number;
  eventPerAttributeCost: number;
  eventAttributeDataCost: number;
  eventAttributeDataFreeTier: number;
  customEventCost: number;
  contractMessageDataCost: number;
  /** wasmd `api.go`: address conversions, in SDK gas (multiplied into VM gas when charged). */
  humanizeAddressCost: number;
  canonicalizeAddressCost: number;
}

export const DEFAULT_WASM_GAS: WasmGasConfig = {
  gasMultiplier: 140_000n,
  instanceCost: 60_000,
  compileCost: 3,
  eventPerAttributeCost: 10,
  eventAttributeDataCost: 1,
  eventAttributeDataFreeTier: 100,
  customEventCost: 20,
  contractMessageDataCost: 0,
  humanizeAddressCost: 5,
  canonicalizeAddressCost: 4,
};

/** wasmd DefaultMaxQueryStackSize / smart query gas limit defaults. */
export const MAX_QUERY_STACK_SIZE = 10;
export const DEFAULT_SMART_QUERY_GAS_LIMIT = 3_000_000;
