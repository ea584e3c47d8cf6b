/**
 * JSON with object keys sorted at every level, and &, <, > escaped as \u0026, \u003c, \u003e:
 * the bytes legacy amino JSON signers sign (the SDK's MustSortJSON plus Go's HTML-safe escaping,
 * which cosmjs reproduces in serializeSignDoc).
 */
export function sortedJsonBytes(value: unknown): Uint8Array {
  const json = JSON.stringify(sortKeys(value))
    .replace(/&/g, '\\u0026')
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e');
  return new Uint8Array(Buffer.from(json, 'utf8'));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const field = (value as Record<string, unknown>)[key];
    if (field !== undefined) sorted[key] = sortKeys(field);
  }
  return sorted;
}
