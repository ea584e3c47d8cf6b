import { fromBase64, fromHex } from '../encoding/bytes';
import { invalidParams } from './errors';

/**
 * Method parameters, given by name (a JSON object), by position (a JSON array) or, for GET
 * requests, as URI arguments where strings are "quoted", bytes are 0x-hex and numbers are bare.
 */
export type ParamKind = 'string' | 'int' | 'bool' | 'base64' | 'hex';

export interface ParamSpec {
  name: string;
  kind: ParamKind;
}

export type ParamValue = string | number | boolean | Uint8Array | undefined;

export function readParams(specs: readonly ParamSpec[], raw: unknown): Record<string, ParamValue> {
  const values: Record<string, ParamValue> = {};
  if (raw === undefined || raw === null) return values;
  if (Array.isArray(raw)) {
    if (raw.length > specs.length)
      throw invalidParams(`expected at most ${specs.length} params, got ${raw.length}`);
    specs.forEach((spec, index) => (values[spec.name] = convert(spec, raw[index])));
    return values;
  }
  if (typeof raw !== 'object') throw invalidParams('params must be an object or an array');
  for (const spec of specs) values[spec.name] = convert(spec, (raw as Record<string, unknown>)[spec.name]);
  return values;
}

function convert(spec: ParamSpec, value: unknown): ParamValue {
  if (value === undefined || value === null || value === '') return undefined;
  switch (spec.kind) {
    case 'string':
      if (typeof value !== 'string') throw invalidParams(`${spec.name} must be a string`);
      return value;
    case 'bool':
      if (typeof value === 'boolean') return value;
      if (value === 'true' || value === 'false') return value === 'true';
      throw invalidParams(`${spec.name} must be a boolean`);
    case 'int': {
      const text = typeof value === 'number' ? String(value) : value;
      if (typeof text !== 'string' || !/^-?[0-9]{1,15}$/.test(text))
        throw invalidParams(`${spec.name} must be an integer`);
      return Number(text);
    }
    case 'base64':
    case 'hex': {
      if (value instanceof Uint8Array) return value;
      if (typeof value !== 'string') throw invalidParams(`${spec.name} must be a string`);
      try {
        return spec.kind === 'base64'
          ? fromBase64(value)
          : fromHex(value.startsWith('0x') ? value.slice(2) : value);
      } catch {
        throw invalidParams(`${spec.name} is not valid ${spec.kind === 'base64' ? 'base64' : 'hex'}`);
      }
    }
  }
}

/** Converts GET query arguments to typed values before `readParams` sees them. */
export function uriParams(specs: readonly ParamSpec[], query: URLSearchParams): Record<string, unknown> {
  const raw: Record<string, unknown> = {};
  for (const spec of specs) {
    const text = query.get(spec.name);
    if (text === null) continue;
    raw[spec.name] = uriValue(spec, text);
  }
  return raw;
}

function uriValue(spec: ParamSpec, text: string): unknown {
  const quoted = /^"(.*)"$/s.exec(text);
  if (spec.kind === 'base64' || spec.kind === 'hex') {
    if (text.startsWith('0x')) {
      try {
        return fromHex(text.slice(2));
      } catch {
        throw invalidParams(`${spec.name} is not valid hex`);
      }
    }
    if (quoted !== null) return new Uint8Array(Buffer.from(quoted[1] as string, 'utf8'));
    return text;
  }
  return quoted !== null ? quoted[1] : text;
}
