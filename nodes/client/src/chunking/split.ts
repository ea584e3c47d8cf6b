import { ClientError } from '../errors';
import {
  type Fragment,
  LINKED_HEADER_SIZE,
  MAX_FRAGMENTS_PER_SET,
  MAX_SET_ID,
  UNLINKED_HEADER_SIZE,
} from './fragment';

// How Nym divides a message into sets of up to 255 fragments (nym-sphinx-chunking `set.rs`,
// `lib.rs`): every fragment carries `space − 7` bytes except linked ones (`space − 10`): the
// last of every set but the last, and the first of every set but the first.

export interface Layout {
  /** Payload bytes of an unlinked fragment. */
  unlinked: number;
  /** Payload bytes of a linked fragment. */
  linked: number;
}

export function layoutFor(fragmentSpace: number): Layout {
  if (!Number.isInteger(fragmentSpace) || fragmentSpace <= LINKED_HEADER_SIZE) {
    throw new ClientError('bad_config', `fragment space ${fragmentSpace} is too small`);
  }
  return { unlinked: fragmentSpace - UNLINKED_HEADER_SIZE, linked: fragmentSpace - LINKED_HEADER_SIZE };
}

/** Message bytes in a full first or last set of a chained message. */
function edgeSetCapacity(l: Layout): number {
  return (MAX_FRAGMENTS_PER_SET - 1) * l.unlinked + l.linked;
}

/** Message bytes in a full set in the middle of a chain. */
function middleSetCapacity(l: Layout): number {
  return (MAX_FRAGMENTS_PER_SET - 2) * l.unlinked + 2 * l.linked;
}

export function numberOfSets(length: number, l: Layout): number {
  if (length <= MAX_FRAGMENTS_PER_SET * l.unlinked) return 1;
  if (length <= 2 * edgeSetCapacity(l)) return 2;
  return Math.ceil((length - 2 * edgeSetCapacity(l)) / middleSetCapacity(l)) + 2;
}

/** Fragments in the last set, given the bytes left for it. */
function fragmentsInLastSet(remaining: number, sets: number, l: Layout): number {
  if (sets === 1) return Math.max(1, Math.ceil(remaining / l.unlinked));
  if (remaining <= l.linked) return 1;
  return 1 + Math.ceil((remaining - l.linked) / l.unlinked);
}

/**
 * The length a message is padded to so that its fragments are all full: the capacity of the
 * fewest fragments that hold `length` bytes (what Nym's `number_of_required_fragments` yields).
 */
export function paddedLength(length: number, l: Layout): number {
  const sets = numberOfSets(length, l);
  if (sets === 1) return Math.max(1, Math.ceil(length / l.unlinked)) * l.unlinked;
  const before = edgeSetCapacity(l) + (sets - 2) * middleSetCapacity(l);
  const last = fragmentsInLastSet(length - before, sets, l);
  return before + l.linked + (last - 1) * l.unlinked;
}

/** Set ids: 1 … 2^31 − 1, distinct within the message and not `inUse` elsewhere. */
export function drawSetIds(
  count: number,
  randomBytes: (length: number) => Uint8Array,
  inUse: (id: number) => boolean = () => false,
): number[] {
  const ids: number[] = [];
  while (ids.length < count) {
    const bytes = randomBytes(4);
    const id = new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0) & MAX_SET_ID;
    if (id !== 0 && !ids.includes(id) && !inUse(id)) ids.push(id);
  }
  return ids;
}

/** Splits `message` into linked sets of fragments, in sending order. */
export function splitIntoFragments(message: Uint8Array, l: Layout, setIds: readonly number[]): Fragment[] {
  const sets = numberOfSets(message.length, l);
  if (setIds.length !== sets) {
    throw new ClientError('bad_config', `a ${message.length}-byte message needs ${sets} set ids`);
  }
  const fragments: Fragment[] = [];
  let offset = 0;
  for (let s = 0; s < sets; s++) {
    const isLast = s === sets - 1;
    const before = s === 0 ? 0 : edgeSetCapacity(l) + (s - 1) * middleSetCapacity(l);
    const total = isLast ? fragmentsInLastSet(message.length - before, sets, l) : MAX_FRAGMENTS_PER_SET;
    for (let position = 1; position <= total; position++) {
      const previousSetId = s > 0 && position === 1 ? setIds[s - 1] : undefined;
      const nextSetId = !isLast && position === MAX_FRAGMENTS_PER_SET ? setIds[s + 1] : undefined;
      const size = previousSetId !== undefined || nextSetId !== undefined ? l.linked : l.unlinked;
      const end = Math.min(offset + size, message.length);
      fragments.push({
        setId: setIds[s] as number,
        total,
        position,
        ...(previousSetId === undefined ? {} : { previousSetId }),
        ...(nextSetId === undefined ? {} : { nextSetId }),
        payload: message.subarray(offset, end),
      });
      offset = end;
    }
  }
  return fragments;
}
