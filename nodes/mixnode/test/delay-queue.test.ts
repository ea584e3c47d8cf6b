import fc from 'fast-check';
import { createManualClock } from '@nymts/node-common';
import { DelayQueue } from '../src';

describe('delay queue', () => {
  it('releases packets in the order and at the times the injected clock says', () => {
    const clock = createManualClock(1000);
    const released: Array<[string, number]> = [];
    const queue = new DelayQueue<string>(clock, 100, (item) => released.push([item, clock.now()]));
    queue.push('c', 30);
    queue.push('a', 10);
    clock.advance(5);
    queue.push('b', 10); // due at 1015
    queue.push('a2', 5); // due at 1010, after 'a' (arrived earlier)
    expect(queue.size).toBe(4);

    clock.advance(4); // 1009
    expect(released).toEqual([]);
    clock.advance(1); // 1010
    expect(released).toEqual([
      ['a', 1010],
      ['a2', 1010],
    ]);
    clock.advance(100);
    expect(released).toEqual([
      ['a', 1010],
      ['a2', 1010],
      ['b', 1015],
      ['c', 1030],
    ]);
    expect(queue.size).toBe(0);
    expect(clock.pendingTimers).toBe(0);
  });

  it('releases any mix of delays sorted by due time, each no earlier than due', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(500), fc.nat(50)), { minLength: 1, maxLength: 60 }), (entries) => {
        const clock = createManualClock();
        const released: Array<{ id: number; at: number }> = [];
        const queue = new DelayQueue<number>(clock, 1000, (id) => released.push({ id, at: clock.now() }));
        const due: number[] = [];
        entries.forEach(([delay, gap], id) => {
          clock.advance(gap);
          due[id] = clock.now() + delay;
          queue.push(id, delay);
        });
        clock.advance(1000);
        expect(released).toHaveLength(entries.length);
        for (const { id, at } of released) expect(at).toBe(due[id]);
        const order = released.map(({ id }) => id);
        const expected = [...order].sort((a, b) => (due[a] as number) - (due[b] as number) || a - b);
        expect(order).toEqual(expected);
      }),
    );
  });

  it('refuses packets beyond its capacity and hands back what it held on clear', () => {
    const clock = createManualClock();
    const released: string[] = [];
    const queue = new DelayQueue<string>(clock, 2, (item) => released.push(item));
    expect(queue.push('a', 10)).toBe(true);
    expect(queue.push('b', 20)).toBe(true);
    expect(queue.push('c', 5)).toBe(false);
    expect(queue.clear().sort()).toEqual(['a', 'b']);
    clock.advance(100);
    expect(released).toEqual([]);
    expect(clock.pendingTimers).toBe(0);
  });
});
