import { invalidParameters } from './errors';
import { type NodeIndex, type Receiver } from './types';

export function checkNodeIndex(index: NodeIndex, what = 'node index'): void {
  if (!Number.isSafeInteger(index) || index < 1) {
    throw invalidParameters(`${what} must be a positive integer, got ${index}`, { index });
  }
}

/** Receivers must come sorted by strictly increasing index: that order fixes every transcript. */
export function checkReceivers(receivers: readonly Receiver[]): void {
  if (receivers.length === 0) throw invalidParameters('a dealing needs at least one receiver');
  receivers.forEach((receiver, position) => {
    checkNodeIndex(receiver.index, 'receiver index');
    const previous = receivers[position - 1];
    if (previous && previous.index >= receiver.index) {
      throw invalidParameters('receivers must be sorted by strictly increasing index', {
        position,
        index: receiver.index,
        previous: previous.index,
      });
    }
  });
}

export function checkThreshold(threshold: number, receivers: number): void {
  if (!Number.isSafeInteger(threshold) || threshold < 1 || threshold > receivers) {
    throw invalidParameters(`threshold ${threshold} is not in [1, ${receivers}]`, { threshold, receivers });
  }
}

/** Sorted by index, as every function here expects. */
export function sortReceivers(receivers: readonly Receiver[]): Receiver[] {
  return [...receivers].sort((a, b) => a.index - b.index);
}
