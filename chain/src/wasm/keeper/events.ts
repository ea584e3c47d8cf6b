import type { ChainEvent, EventAttribute } from '../../modules/events';
import type { WasmGasConfig } from '../gas/costs';
import { wasmErrors } from './errors';
import type { ContractAttribute, ContractEvent } from './contract-json';

export const CONTRACT_ADDRESS_KEY = '_contract_address';
const RESERVED_PREFIX = '_';
const CUSTOM_EVENT_PREFIX = 'wasm-';
const MIN_EVENT_TYPE_LENGTH = 2;

const attribute = (key: string, value: string): EventAttribute => ({ key, value, index: true });

/** wasmd `contractSDKEventAttributes`: trims, requires a key, reserves keys starting with `_`. */
function contractAttributes(attributes: readonly ContractAttribute[], contract: string): EventAttribute[] {
  const out = [attribute(CONTRACT_ADDRESS_KEY, contract)];
  for (const { key: rawKey, value } of attributes) {
    const key = rawKey.trim();
    if (key.length === 0) throw wasmErrors.invalidEvent.wrap(`Empty attribute key. Value: ${value}`);
    if (key.startsWith(RESERVED_PREFIX)) {
      throw wasmErrors.invalidEvent.wrap(
        `Attribute key starts with reserved prefix ${RESERVED_PREFIX}: '${key}'`,
      );
    }
    out.push(attribute(key, value.trim()));
  }
  return out;
}

/** The `wasm` event (from Response.attributes, only when there are any) and `wasm-*` events. */
export function contractEvents(
  contract: string,
  attributes: readonly ContractAttribute[],
  events: readonly ContractEvent[],
): ChainEvent[] {
  const out: ChainEvent[] = [];
  if (attributes.length > 0) {
    out.push({ type: 'wasm', attributes: contractAttributes(attributes, contract) });
  }
  for (const custom of events) {
    const type = custom.type.trim();
    if (type.length <= MIN_EVENT_TYPE_LENGTH)
      throw wasmErrors.invalidEvent.wrap(`Event type too short: '${type}'`);
    out.push({
      type: `${CUSTOM_EVENT_PREFIX}${type}`,
      attributes: contractAttributes(custom.attributes, contract),
    });
  }
  return out;
}

function attributeCost(
  config: WasmGasConfig,
  attributes: readonly ContractAttribute[],
  freeTier: number,
): [number, number] {
  if (attributes.length === 0) return [0, freeTier];
  let bytes = attributes.reduce(
    (sum, { key, value }) => sum + Buffer.byteLength(key) + Buffer.byteLength(value),
    0,
  );
  if (bytes <= freeTier) {
    freeTier -= bytes;
    bytes = 0;
  } else {
    bytes -= freeTier;
    freeTier = 0;
  }
  return [config.eventAttributeDataCost * bytes + config.eventPerAttributeCost * attributes.length, freeTier];
}

/** wasmd `EventCosts`: the free tier applies once across all attributes of a response. */
export function eventCosts(
  config: WasmGasConfig,
  attributes: readonly ContractAttribute[],
  events: readonly ContractEvent[],
): number {
  let [gas, freeTier] = attributeCost(config, attributes, config.eventAttributeDataFreeTier);
  for (const custom of events) {
    gas += config.customEventCost + Buffer.byteLength(custom.type) * config.eventAttributeDataCost;
    const [cost, rest] = attributeCost(config, custom.attributes, freeTier);
    gas += cost;
    freeTier = rest;
  }
  return gas;
}
