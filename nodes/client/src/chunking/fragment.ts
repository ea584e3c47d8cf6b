import { concatBytes } from '@noble/hashes/utils';
import { readU32BE, u32BE } from '../bytes';
import { FRAGMENT_ID_SIZE } from '../constants';
import { ClientError } from '../errors';

// Nym's fragment header (nym-sphinx-chunking `fragment.rs`):
//   unlinked (7 bytes): 1 ‖ set id (31 bits) ‖ total (u8) ‖ position (u8, 1-based) ‖ 0x00
//   linked  (10 bytes): 1 ‖ set id (31 bits) ‖ total ‖ position ‖ 1 ‖ linked set id (31 bits)
// Only a set's first fragment (linking to the previous set) or its 255th (to the next) is linked.

export const UNLINKED_HEADER_SIZE = 7;
export const LINKED_HEADER_SIZE = 10;
export const MAX_FRAGMENTS_PER_SET = 255;
export const MAX_SET_ID = 0x7fffffff;

export interface Fragment {
  /** 1 … 2^31 − 1 */
  setId: number;
  /** Fragments in this set, 1 … 255. */
  total: number;
  /** 1-based position in the set. */
  position: number;
  previousSetId?: number;
  nextSetId?: number;
  payload: Uint8Array;
}

const FLAG = 0x80000000;

function malformed(message: string, details: Record<string, unknown> = {}): ClientError {
  return new ClientError('malformed_fragment', message, { action: 'drop', details });
}

function isSetId(value: number): boolean {
  return Number.isInteger(value) && value > 0 && value <= MAX_SET_ID;
}

/** The same checks whether a fragment is being built or was received. */
function checkHeader(f: Omit<Fragment, 'payload'>): void {
  if (!isSetId(f.setId)) throw malformed(`fragment set id ${f.setId} is outside 1…2^31−1`);
  if (!Number.isInteger(f.total) || f.total < 1 || f.total > MAX_FRAGMENTS_PER_SET)
    throw malformed(`a set has 1…255 fragments, not ${f.total}`);
  if (!Number.isInteger(f.position) || f.position < 1 || f.position > f.total)
    throw malformed(`fragment position ${f.position} is outside 1…${f.total}`);
  if (f.previousSetId !== undefined && f.nextSetId !== undefined)
    throw malformed('a fragment links to one other set at most');
  if (f.previousSetId !== undefined) {
    if (!isSetId(f.previousSetId) || f.previousSetId === f.setId || f.position !== 1)
      throw malformed('only the first fragment links to a previous set, with a different valid id');
  }
  if (f.nextSetId !== undefined) {
    if (!isSetId(f.nextSetId) || f.nextSetId === f.setId || f.position !== MAX_FRAGMENTS_PER_SET)
      throw malformed('only fragment 255 of a full set links to a next set, with a different valid id');
  }
}

export function fragmentHeaderSize(f: Pick<Fragment, 'previousSetId' | 'nextSetId'>): number {
  return f.previousSetId !== undefined || f.nextSetId !== undefined
    ? LINKED_HEADER_SIZE
    : UNLINKED_HEADER_SIZE;
}

export function encodeFragment(f: Fragment): Uint8Array {
  checkHeader(f);
  const linked = f.previousSetId ?? f.nextSetId;
  const head = concatBytes(u32BE((f.setId | FLAG) >>> 0), Uint8Array.of(f.total, f.position));
  const tail = linked === undefined ? Uint8Array.of(0) : u32BE((linked | FLAG) >>> 0);
  return concatBytes(head, tail, f.payload);
}

export function decodeFragment(bytes: Uint8Array): Fragment {
  if (bytes.length < UNLINKED_HEADER_SIZE)
    throw malformed(`a fragment is at least ${UNLINKED_HEADER_SIZE} bytes, got ${bytes.length}`);
  const word = readU32BE(bytes, 0);
  if ((word & FLAG) === 0) throw malformed('fragment header lacks the fragmentation flag');
  const setId = word & MAX_SET_ID;
  const total = bytes[4] as number;
  const position = bytes[5] as number;
  let headerSize = UNLINKED_HEADER_SIZE;
  let previousSetId: number | undefined;
  let nextSetId: number | undefined;
  if (bytes[6] !== 0) {
    if (bytes.length < LINKED_HEADER_SIZE)
      throw malformed(`a linked fragment is at least ${LINKED_HEADER_SIZE} bytes, got ${bytes.length}`);
    const linkedWord = readU32BE(bytes, 6);
    if ((linkedWord & FLAG) === 0) throw malformed('linked set id lacks its flag bit');
    const linked = linkedWord & MAX_SET_ID;
    if (position === 1) previousSetId = linked;
    else if (position === MAX_FRAGMENTS_PER_SET && total === MAX_FRAGMENTS_PER_SET) nextSetId = linked;
    else throw malformed(`fragment ${position}/${total} cannot be linked`);
    headerSize = LINKED_HEADER_SIZE;
  }
  const header = { setId, total, position, previousSetId, nextSetId };
  checkHeader(header);
  return {
    setId,
    total,
    position,
    ...(previousSetId === undefined ? {} : { previousSetId }),
    ...(nextSetId === undefined ? {} : { nextSetId }),
    payload: bytes.slice(headerSize),
  };
}

/** Nym's `FragmentIdentifier`: set id (i32 BE) ‖ position. Cover packets use (0, 0). */
export interface FragmentId {
  setId: number;
  position: number;
}

export const COVER_FRAGMENT_ID: FragmentId = { setId: 0, position: 0 };

export function encodeFragmentId(id: FragmentId): Uint8Array {
  return concatBytes(u32BE(id.setId), Uint8Array.of(id.position));
}

export function decodeFragmentId(bytes: Uint8Array): FragmentId {
  if (bytes.length !== FRAGMENT_ID_SIZE) throw malformed(`a fragment id is ${FRAGMENT_ID_SIZE} bytes`);
  const setId = readU32BE(bytes, 0);
  if (setId > MAX_SET_ID) throw malformed(`fragment id has a negative set id`);
  return { setId, position: bytes[4] as number };
}

/** A number that names a fragment in maps: set id × 256 + position. */
export function fragmentKey(id: FragmentId): number {
  return id.setId * 256 + id.position;
}
