// Message-building joins parts with @noble/hashes' `concatBytes`; these are the rest.

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export function u16BE(value: number): Uint8Array {
  const out = new Uint8Array(2);
  view(out).setUint16(0, value, false);
  return out;
}

export function u32BE(value: number): Uint8Array {
  const out = new Uint8Array(4);
  view(out).setUint32(0, value, false);
  return out;
}

export function u64BE(value: bigint): Uint8Array {
  const out = new Uint8Array(8);
  view(out).setBigUint64(0, value, false);
  return out;
}

export function readU16BE(bytes: Uint8Array, offset: number): number {
  return view(bytes).getUint16(offset, false);
}

export function readU32BE(bytes: Uint8Array, offset: number): number {
  return view(bytes).getUint32(offset, false);
}

export function readU64BE(bytes: Uint8Array, offset: number): bigint {
  return view(bytes).getBigUint64(offset, false);
}
