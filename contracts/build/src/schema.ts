// Builders for contract schemas in the CosmWasm IDL format (what cosmwasm-schema's
// `write_api!` emits and @cosmwasm/ts-codegen reads): JSON Schema draft-07 per message, enums as
// `oneOf` of single-key objects, `additionalProperties: false` as `#[cw_serde]` denies unknown
// fields, and shared types under `definitions`.

export type JsonSchema = { [key: string]: unknown };

export interface Field {
  schema: JsonSchema;
  optional: boolean;
  description?: string;
}

const STANDARD_DEFINITIONS: Record<string, JsonSchema> = {
  Uint128: {
    description: 'A 128-bit unsigned integer, serialized as a decimal string.',
    type: 'string',
  },
  Decimal: {
    description: 'A fixed-point decimal with 18 fractional digits, serialized as a decimal string ("0.1").',
    type: 'string',
  },
  Binary: {
    description: 'Binary data, serialized as standard base64 with padding.',
    type: 'string',
  },
};

export const s = {
  string: (): JsonSchema => ({ type: 'string' }),
  boolean: (): JsonSchema => ({ type: 'boolean' }),
  u32: (): JsonSchema => ({ type: 'integer', format: 'uint32', minimum: 0 }),
  u64: (): JsonSchema => ({ type: 'integer', format: 'uint64', minimum: 0 }),
  uint128: (): JsonSchema => ({ $ref: '#/definitions/Uint128' }),
  decimal: (): JsonSchema => ({ $ref: '#/definitions/Decimal' }),
  binary: (): JsonSchema => ({ $ref: '#/definitions/Binary' }),
  ref: (name: string): JsonSchema => ({ $ref: `#/definitions/${name}` }),
  array: (items: JsonSchema): JsonSchema => ({ type: 'array', items }),
};

export function required(schema: JsonSchema, description?: string): Field {
  return { schema, optional: false, description };
}

/** An `Option<T>` field: may be absent or null. */
export function optional(schema: JsonSchema, description?: string): Field {
  return { schema, optional: true, description };
}

function nullable(schema: JsonSchema): JsonSchema {
  if (typeof schema.type === 'string') return { ...schema, type: [schema.type, 'null'] };
  return { anyOf: [schema, { type: 'null' }] };
}

export function struct(fields: Record<string, Field>, description?: string): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const [name, field] of Object.entries(fields)) {
    const schema = field.optional ? nullable(field.schema) : field.schema;
    if (field.description === undefined) properties[name] = schema;
    // A documented reference goes inside allOf (as schemars writes it): beside a $ref, a
    // description would make code generators mint a new type.
    else if (schema.$ref !== undefined)
      properties[name] = { description: field.description, allOf: [schema] };
    else properties[name] = { description: field.description, ...schema };
  }
  const requiredNames = Object.entries(fields)
    .filter(([, f]) => !f.optional)
    .map(([name]) => name);
  return {
    ...(description === undefined ? {} : { description }),
    type: 'object',
    ...(requiredNames.length > 0 ? { required: requiredNames } : {}),
    properties,
    additionalProperties: false,
  };
}

export interface Variant {
  description: string;
  fields?: Record<string, Field>;
}

/** An externally tagged enum of struct variants: `{"name": {...fields}}`. */
export function taggedEnum(variants: Record<string, Variant>): JsonSchema {
  return {
    oneOf: Object.entries(variants).map(([name, variant]) => ({
      description: variant.description,
      type: 'object',
      required: [name],
      properties: { [name]: struct(variant.fields ?? {}) },
      additionalProperties: false,
    })),
  };
}

function referencedDefinitions(
  schema: unknown,
  definitions: Record<string, JsonSchema>,
  found: Set<string>,
): void {
  if (Array.isArray(schema)) {
    for (const item of schema) referencedDefinitions(item, definitions, found);
    return;
  }
  if (schema === null || typeof schema !== 'object') return;
  for (const [key, value] of Object.entries(schema)) {
    if (key === '$ref' && typeof value === 'string') {
      const name = value.replace('#/definitions/', '');
      if (found.has(name)) continue;
      const definition = definitions[name];
      if (definition === undefined) throw new Error(`schema refers to undefined type ${name}`);
      found.add(name);
      referencedDefinitions(definition, definitions, found);
    } else referencedDefinitions(value, definitions, found);
  }
}

/** A root schema: the message with `title` and the definitions it refers to (and `extra`, always). */
export function root(
  title: string,
  schema: JsonSchema,
  definitions: Record<string, JsonSchema> = {},
  extra: readonly string[] = [],
): JsonSchema {
  const all = { ...STANDARD_DEFINITIONS, ...definitions };
  const found = new Set<string>(extra);
  referencedDefinitions(schema, all, found);
  for (const name of extra) referencedDefinitions(all[name], all, found);
  const used = [...found].sort();
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title,
    ...schema,
    ...(used.length > 0 ? { definitions: Object.fromEntries(used.map((name) => [name, all[name]])) } : {}),
  };
}

export interface ContractIdl {
  contract_name: string;
  contract_version: string;
  idl_version: '1.0.0';
  instantiate: JsonSchema;
  execute: JsonSchema;
  query: JsonSchema;
  migrate: JsonSchema | null;
  sudo: null;
  responses: Record<string, JsonSchema>;
}

/** The variant names of a root built with `taggedEnum`. */
export function variantNames(schema: JsonSchema): string[] {
  const oneOf = schema.oneOf as Array<{ required: string[] }> | undefined;
  return (oneOf ?? []).map((v) => v.required[0]!);
}
