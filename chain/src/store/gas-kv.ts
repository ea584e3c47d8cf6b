import { DEFAULT_KV_GAS_CONFIG, GAS_DESCRIPTORS as D, type KVGasConfig } from '../gas/config';
import type { GasMeter } from '../gas/types';
import type { KVStore } from './types';

/**
 * Charges the SDK's KV gas schedule to a meter for every access, then delegates. Gas is charged
 * before a write reaches the store, so an out-of-gas write never lands.
 */
export class GasKVStore implements KVStore {
  constructor(
    private readonly parent: KVStore,
    private readonly meter: GasMeter,
    private readonly config: KVGasConfig = DEFAULT_KV_GAS_CONFIG,
  ) {}

  get(key: Uint8Array): Uint8Array | undefined {
    this.meter.consume(this.config.readCostFlat, D.readFlat);
    const value = this.parent.get(key);
    this.meter.consume(this.config.readCostPerByte * key.length, D.readPerByte);
    this.meter.consume(this.config.readCostPerByte * (value?.length ?? 0), D.readPerByte);
    return value;
  }

  /** Existence check at the SDK's flat HasCost, without the per-byte read charge. */
  has(key: Uint8Array): boolean {
    this.meter.consume(this.config.hasCost, D.has);
    return this.parent.get(key) !== undefined;
  }

  set(key: Uint8Array, value: Uint8Array): void {
    this.meter.consume(this.config.writeCostFlat, D.writeFlat);
    this.meter.consume(this.config.writeCostPerByte * key.length, D.writePerByte);
    this.meter.consume(this.config.writeCostPerByte * value.length, D.writePerByte);
    this.parent.set(key, value);
  }

  delete(key: Uint8Array): void {
    this.meter.consume(this.config.deleteCost, D.delete);
    this.parent.delete(key);
  }

  *iterator(
    start: Uint8Array | undefined,
    end: Uint8Array | undefined,
    order: 'ascending' | 'descending',
  ): Generator<[Uint8Array, Uint8Array]> {
    for (const entry of this.parent.iterator(start, end, order)) {
      this.meter.consume(this.config.readCostPerByte * (entry[0].length + entry[1].length), D.readPerByte);
      this.meter.consume(this.config.iterNextCostFlat, D.iterNextFlat);
      yield entry;
    }
    // The SDK charges one more flat step when the iterator turns invalid.
    this.meter.consume(this.config.iterNextCostFlat, D.iterNextFlat);
  }
}
