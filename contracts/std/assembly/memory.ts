// The Region ABI: a 12-byte {offset, capacity, length} record (u32 little-endian each) through
// which contract and host pass byte buffers. The stub runtime never frees, which is what we want:
// every call runs in a fresh instance, so nothing outlives it, and buffers the host still points
// to can never be collected under it.

const REGION_SIZE: usize = 12;

/** Exported as `allocate`: the host asks for a Region with `size` bytes of capacity. */
export function allocate(size: usize): usize {
  return newRegion(heap.alloc(size), size as u32, 0);
}

/** Exported as `deallocate`: a no-op, since the stub runtime never frees (see above). */
export function deallocate(_regionPtr: usize): void {}

/** Exported as `interface_version_8`: the marker wasmd requires for CosmWasm 1.x/2.x contracts. */
export function interface_version_8(): void {}

/**
 * Exported by contracts that iterate over storage (`Map.range`, `prefix`, indexes): the upload
 * then fails on a chain without the `iterator` capability instead of the first range call.
 */
export function requires_iterator(): void {}

function newRegion(offset: usize, capacity: u32, length: u32): usize {
  const region = heap.alloc(REGION_SIZE);
  store<u32>(region, offset as u32, 0);
  store<u32>(region, capacity, 4);
  store<u32>(region, length, 8);
  return region;
}

/** A Region that points at `bytes` in place (the array must stay alive while the host reads it). */
export function regionOf(bytes: Uint8Array): u32 {
  const length = bytes.length as u32;
  return newRegion(bytes.dataStart, length, length) as u32;
}

/** An empty Region with `capacity` bytes for the host to write into. */
export function emptyRegion(capacity: u32): u32 {
  return newRegion(heap.alloc(capacity as usize), capacity, 0) as u32;
}

/** Copies a Region's contents out. Aborts on a Region whose length exceeds its capacity. */
export function readRegion(regionPtr: u32): Uint8Array {
  const region = regionPtr as usize;
  if (region === 0) abort('null Region pointer');
  const offset = load<u32>(region, 0) as usize;
  const capacity = load<u32>(region, 4);
  const length = load<u32>(region, 8);
  if (length > capacity) abort('Region length exceeds capacity');
  if (offset === 0 && length > 0) abort('Region with data at offset 0');
  const out = new Uint8Array(length);
  memory.copy(out.dataStart, offset, length as usize);
  return out;
}
