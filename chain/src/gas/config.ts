/**
 * The Cosmos SDK's KV-store gas schedule (store/types/gas.go, KVGasConfig), charged by the
 * gas-metered store wrapper on every module and contract store access.
 */
export interface KVGasConfig {
  hasCost: number;
  deleteCost: number;
  readCostFlat: number;
  readCostPerByte: number;
  writeCostFlat: number;
  writeCostPerByte: number;
  iterNextCostFlat: number;
}

export const DEFAULT_KV_GAS_CONFIG: Readonly<KVGasConfig> = Object.freeze({
  hasCost: 1000,
  deleteCost: 1000,
  readCostFlat: 1000,
  readCostPerByte: 3,
  writeCostFlat: 2000,
  writeCostPerByte: 30,
  iterNextCostFlat: 30,
});

/** Gas descriptors as the SDK names them; they show up in out-of-gas logs. */
export const GAS_DESCRIPTORS = {
  readFlat: 'ReadFlat',
  readPerByte: 'ReadPerByte',
  writeFlat: 'WriteFlat',
  writePerByte: 'WritePerByte',
  has: 'Has',
  delete: 'Delete',
  iterNextFlat: 'IterNextFlat',
  txSize: 'txSize',
  sigVerify: 'ante verify: secp256k1',
} as const;
