import { type WasmGasConfig } from '../gas/costs';
import { WASM_ERROR, wasmError } from './errors';
import { type EventAttribute, type WasmEvent } from './types';

export const CONTRACT_ADDRESS_KEY = '_contract_address';
const RESERVED_PREFIX = '_';
const CUSTOM_EVENT_PREFIX = 'wasm-';
const MIN_EVENT_TYPE_LENGTH = 2;

export function event(type: string, attributes: [string, string][]): WasmEvent {
  return { type, attributes: attributes.map(([key, value]) => ({ key, value })) };
}

/** wasmd `contractSDKEventAttributes`: trims, requires a key, reserves keys starting with `_`. */
function contractAttributes(attributes: EventAttribute[], contract: string): EventAttribute[] {
  const out: EventAttribute[] = [{ key: CONTRACT_ADDRESS_KEY, value: contract }];
  for (const attribute of attributes) {
    const key = attribute.key.trim();
    if (key.length === 0) {
      throw wasmError(WASM_ERROR.invalidEvent, `Empty attribute key. Value: ${attribute.value}`);
    }
    if (key.startsWith(RESERVED_PREFIX)) {
      throw wasmError(
        WASM_ERROR.invalidEvent,
        `Attribute key starts with reserved prefix ${RESERVED_PREFIX}: '${key}'`,
      );
    }
    out.push({ key, value: attribute.value.trim() });
  }
  return out;
}

/** The `wasm` event (from Response.attributes, only when there are any) and `wasm-*` events. */
export function contractEvents(
  contract: string,
  attributes: EventAttribute[],
  events: WasmEvent[],
): WasmEvent[] {
  const out: WasmEvent[] = [];
  if (attributes.length > 0) {
    out.push({ type: 'wasm', attributes: contractAttributes(attributes, contract) });
  }
  for (const custom of events) {
    const type = custom.type.trim();
    if (type.length <= MIN_EVENT_TYPE_LENGTH) {
      throw wasmError(WASM_ERROR.invalidEvent, `Event type too short: '${type}'`);
    }
    out.push({
      type: `${CUSTOM_EVENT_PREFIX}${type}`,
      attributes: contractAttributes(custom.attributes, contract),
    });
  }
  return out;
}

function attributeCost(
  config: WasmGasConfig,
  attributes: EventAttribute[],
  freeTier: number,
): [number, number] {
  if (attributes.length === 0) return [0, freeTier];
  let bytes = attributes.reduce(
    (sum, attribute) => sum + Buffer.byteLength(attribute.key) + Buffer.byteLength(attribute.value),
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
export function eventCosts(config: WasmGasConfig, attributes: EventAttribute[], events: WasmEvent[]): number {
  let [gas, freeTier] = attributeCost(config, attributes, config.eventAttributeDataFreeTier);
  for (const custom of events) {
    gas += config.customEventCost + Buffer.byteLength(custom.type) * config.eventAttributeDataCost;
    const [cost, rest] = attributeCost(config, custom.attributes, freeTier);
    gas += cost;
    freeTier = rest;
  }
  return gas;
}
