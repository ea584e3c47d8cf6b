// Test-only: the subset of JSON Schema draft-07 that CosmWasm IDL schemas use, to check real
// contract answers against our schemas (validate) and to build messages from them (sample).
type Schema = { [key: string]: unknown };

const UNSIGNED_FORMATS: Record<string, bigint> = {
  uint8: 0xffn,
  uint32: 0xffff_ffffn,
  uint64: 0xffff_ffff_ffff_ffffn,
};

export class SchemaRoot {
  constructor(readonly root: Schema) {}

  resolve(schema: Schema): Schema {
    const ref = schema.$ref;
    if (typeof ref !== 'string') return schema;
    const name = ref.replace('#/definitions/', '');
    const definition = (this.root.definitions as Record<string, Schema> | undefined)?.[name];
    if (definition === undefined) throw new Error(`unresolved ${ref}`);
    return this.resolve(definition);
  }

  /** Every way `value` breaks `schema`, each with the JSON path where it happens. */
  problems(value: unknown, schema: Schema = this.root, path = '$'): string[] {
    const s = this.resolve(schema);
    if (Array.isArray(s.allOf))
      return (s.allOf as Schema[]).flatMap((sub) => this.problems(value, sub, path));
    if (Array.isArray(s.anyOf)) {
      const fits = (s.anyOf as Schema[]).some((sub) => this.problems(value, sub, path).length === 0);
      return fits ? [] : [`${path}: matches none of anyOf`];
    }
    if (Array.isArray(s.oneOf)) {
      const fits = (s.oneOf as Schema[]).filter((sub) => this.problems(value, sub, path).length === 0);
      return fits.length === 1 ? [] : [`${path}: matches ${fits.length} of oneOf`];
    }
    if (Array.isArray(s.enum) && !s.enum.includes(value))
      return [`${path}: ${JSON.stringify(value)} not in enum`];
    const types =
      s.type === undefined ? [] : Array.isArray(s.type) ? (s.type as string[]) : [s.type as string];
    if (types.length > 0 && !types.some((type) => this.hasType(value, type, s))) {
      return [`${path}: ${JSON.stringify(value)} is not ${types.join(' or ')}`];
    }
    if (Array.isArray(value) && s.items !== undefined) {
      return value.flatMap((item, i) => this.problems(item, s.items as Schema, `${path}[${i}]`));
    }
    if (value !== null && typeof value === 'object' && !Array.isArray(value))
      return this.objectProblems(value, s, path);
    return [];
  }

  private hasType(value: unknown, type: string, s: Schema): boolean {
    switch (type) {
      case 'null':
        return value === null;
      case 'string':
        return typeof value === 'string';
      case 'boolean':
        return typeof value === 'boolean';
      case 'array':
        return Array.isArray(value);
      case 'object':
        return value !== null && typeof value === 'object' && !Array.isArray(value);
      case 'integer': {
        if (typeof value !== 'number' || !Number.isInteger(value)) return false;
        const max = UNSIGNED_FORMATS[s.format as string];
        return max === undefined || (value >= 0 && BigInt(value) <= max);
      }
      default:
        throw new Error(`unsupported type ${type}`);
    }
  }

  private objectProblems(value: object, s: Schema, path: string): string[] {
    const record = value as Record<string, unknown>;
    const properties = (s.properties as Record<string, Schema> | undefined) ?? {};
    const problems: string[] = [];
    for (const name of (s.required as string[] | undefined) ?? []) {
      if (!(name in record)) problems.push(`${path}: missing ${name}`);
    }
    for (const [name, item] of Object.entries(record)) {
      const property = properties[name];
      if (property !== undefined) problems.push(...this.problems(item, property, `${path}.${name}`));
      else if (s.additionalProperties === false) problems.push(`${path}: unexpected ${name}`);
    }
    return problems;
  }

  /**
   * A value of `schema`: every optional field filled (`full`) or left out, the `pick`-th variant of
   * each enum (modulo its length), and `leaf` for strings and integers, which the caller makes
   * meaningful (a valid address, an amount, …).
   */
  sample(schema: Schema, options: SampleOptions, path: string[] = [], refName?: string): unknown {
    const named = typeof schema.$ref === 'string' ? schema.$ref.replace('#/definitions/', '') : refName;
    const s = this.resolve(schema);
    if (Array.isArray(s.allOf)) return this.sample((s.allOf as Schema[])[0]!, options, path, named);
    const variants = (s.oneOf ?? s.anyOf) as Schema[] | undefined;
    if (variants !== undefined) {
      const usable = variants.filter((v) => this.resolve(v).type !== 'null');
      return this.sample(usable[options.pick % usable.length]!, options, path);
    }
    if (Array.isArray(s.enum)) return s.enum[options.pick % s.enum.length];
    const types = (Array.isArray(s.type) ? s.type : [s.type]).filter((t) => t !== 'null') as string[];
    const type = types[0];
    if (type === 'array') return [this.sample(s.items as Schema, options, [...path, '0'])];
    if (type === 'object') {
      const required = new Set((s.required as string[] | undefined) ?? []);
      const entries = Object.entries((s.properties as Record<string, Schema> | undefined) ?? {})
        .filter(([name]) => options.full || required.has(name))
        .map(([name, property]) => [name, this.sample(property, options, [...path, name])]);
      return Object.fromEntries(entries);
    }
    if (type === 'boolean') return options.pick % 2 === 1;
    return options.leaf({ path, type: type ?? 'string', definition: named });
  }
}

export interface SampleOptions {
  full: boolean;
  pick: number;
  /** A string or integer at `path`, of the named definition (`Uint128`, `Addr`) if it is one. */
  leaf(at: { path: string[]; type: string; definition?: string }): unknown;
}
