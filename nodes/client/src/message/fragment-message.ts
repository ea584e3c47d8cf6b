import { encodeFragment, type FragmentId } from '../chunking/fragment';
import { drawSetIds, layoutFor, numberOfSets, splitIntoFragments } from '../chunking/split';
import { FRAGMENT_SPACE } from '../constants';
import { encodeNymMessage, type NymMessage } from './nym-message';
import { padMessage } from './padding';

export interface EncodedFragment {
  id: FragmentId;
  /** Exactly FRAGMENT_SPACE bytes: header ‖ payload. */
  bytes: Uint8Array;
}

export const FRAGMENT_LAYOUT = layoutFor(FRAGMENT_SPACE);

/** Serialises, pads and splits a message into the fragments of regular packets, in sending order. */
export function fragmentMessage(
  message: NymMessage,
  randomBytes: (length: number) => Uint8Array,
  setInUse: (setId: number) => boolean,
): EncodedFragment[] {
  const padded = padMessage(encodeNymMessage(message), FRAGMENT_LAYOUT);
  const setIds = drawSetIds(numberOfSets(padded.length, FRAGMENT_LAYOUT), randomBytes, setInUse);
  return splitIntoFragments(padded, FRAGMENT_LAYOUT, setIds).map((fragment) => ({
    id: { setId: fragment.setId, position: fragment.position },
    bytes: encodeFragment(fragment),
  }));
}
