// Fixed-width unsigned arithmetic on little-endian 32-bit limbs, shared by Uint128 (4 limbs) and
// Uint256 (8 limbs). Integer-only; the slow-but-simple bitwise division is cheap at these widths.

export type Limbs = StaticArray<u32>;

export function limbsFromU64(value: u64, width: i32): Limbs {
  const out = new StaticArray<u32>(width);
  out[0] = value as u32;
  if (width > 1) out[1] = (value >> 32) as u32;
  return out;
}

export function limbsIsZero(a: Limbs): bool {
  for (let i = 0; i < a.length; i++) if (a[i] !== 0) return false;
  return true;
}

export function limbsCompare(a: Limbs, b: Limbs): i32 {
  for (let i = a.length - 1; i >= 0; i--) {
    if (a[i] !== b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return 0;
}

/** out = a + b; returns whether it overflowed the width. */
export function limbsAdd(a: Limbs, b: Limbs, out: Limbs): bool {
  let carry: u64 = 0;
  for (let i = 0; i < a.length; i++) {
    const sum = (a[i] as u64) + (b[i] as u64) + carry;
    out[i] = sum as u32;
    carry = sum >> 32;
  }
  return carry !== 0;
}

/** out = a - b; returns whether it underflowed. */
export function limbsSub(a: Limbs, b: Limbs, out: Limbs): bool {
  let borrow: i64 = 0;
  for (let i = 0; i < a.length; i++) {
    let diff = (a[i] as i64) - (b[i] as i64) - borrow;
    borrow = 0;
    if (diff < 0) {
      diff += 0x100000000;
      borrow = 1;
    }
    out[i] = diff as u32;
  }
  return borrow !== 0;
}

/** The full product, a.length + b.length limbs wide. */
export function limbsMulFull(a: Limbs, b: Limbs): Limbs {
  const out = new StaticArray<u32>(a.length + b.length);
  for (let i = 0; i < a.length; i++) {
    let carry: u64 = 0;
    const ai = a[i] as u64;
    for (let j = 0; j < b.length; j++) {
      const t = ai * (b[j] as u64) + (out[i + j] as u64) + carry;
      out[i + j] = t as u32;
      carry = t >> 32;
    }
    out[i + b.length] = carry as u32;
  }
  return out;
}

/** The low `width` limbs of `a`, or null when a higher limb is set (the value does not fit). */
export function limbsNarrow(a: Limbs, width: i32): Limbs | null {
  for (let i = width; i < a.length; i++) if (a[i] !== 0) return null;
  const out = new StaticArray<u32>(width);
  for (let i = 0; i < width && i < a.length; i++) out[i] = a[i];
  return out;
}

export function limbsWiden(a: Limbs, width: i32): Limbs {
  const out = new StaticArray<u32>(width);
  for (let i = 0; i < a.length; i++) out[i] = a[i];
  return out;
}

function bitLength(a: Limbs): i32 {
  for (let i = a.length - 1; i >= 0; i--) {
    if (a[i] !== 0) return i * 32 + 32 - (clz<u32>(a[i]) as i32);
  }
  return 0;
}

function shiftLeftOneInto(r: Limbs, bit: u32): void {
  let carry = bit;
  for (let i = 0; i < r.length; i++) {
    const next = r[i] >> 31;
    r[i] = (r[i] << 1) | carry;
    carry = next;
  }
}

/** Long division, q = a / b and r = a % b (same widths as a); b must not be zero. */
export function limbsDivMod(a: Limbs, b: Limbs, q: Limbs, r: Limbs): void {
  for (let i = 0; i < r.length; i++) {
    r[i] = 0;
    q[i] = 0;
  }
  // r can exceed the width by one bit during the shift, so it is kept one limb wider.
  const wide = new StaticArray<u32>(a.length + 1);
  const divisor = limbsWiden(b, a.length + 1);
  for (let bit = bitLength(a) - 1; bit >= 0; bit--) {
    shiftLeftOneInto(wide, (a[bit >> 5] >> (bit & 31)) & 1);
    if (limbsCompare(wide, divisor) >= 0) {
      limbsSub(wide, divisor, wide);
      q[bit >> 5] |= (1 as u32) << (bit & 31);
    }
  }
  for (let i = 0; i < r.length; i++) r[i] = wide[i];
}

/** a = a / d in place; returns a % d. */
function limbsDivSmall(a: Limbs, d: u32): u32 {
  let rem: u64 = 0;
  for (let i = a.length - 1; i >= 0; i--) {
    const cur = (rem << 32) | (a[i] as u64);
    a[i] = (cur / (d as u64)) as u32;
    rem = cur % (d as u64);
  }
  return rem as u32;
}

/** a = a * m + add in place; returns the carry out of the top limb. */
function limbsMulSmallAdd(a: Limbs, m: u32, add: u32): u32 {
  let carry = add as u64;
  for (let i = 0; i < a.length; i++) {
    const t = (a[i] as u64) * (m as u64) + carry;
    a[i] = t as u32;
    carry = t >> 32;
  }
  return carry as u32;
}

export function limbsToDecimal(a: Limbs): string {
  if (limbsIsZero(a)) return '0';
  const work = StaticArray.slice<u32>(a);
  const chunks: Array<u32> = [];
  while (!limbsIsZero(work)) chunks.push(limbsDivSmall(work, 1000000000));
  let text = chunks[chunks.length - 1].toString();
  for (let i = chunks.length - 2; i >= 0; i--) text += chunks[i].toString().padStart(9, '0');
  return text;
}

/** Parses decimal digits (leading zeros allowed); null on any other character, empty text or overflow. */
export function limbsFromDecimal(text: string, width: i32): Limbs | null {
  if (text.length === 0) return null;
  const out = new StaticArray<u32>(width);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return null;
    if (limbsMulSmallAdd(out, 10, (c - 48) as u32) !== 0) return null;
  }
  return out;
}
