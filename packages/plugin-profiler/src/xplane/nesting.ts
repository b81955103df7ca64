/**
 * How the events of one XLine nest. Events on a line may contain one another but do not
 * partially overlap; when bad data does overlap, the later event counts as nested (one
 * level deeper) and its time is taken from the earlier one's self time only up to what
 * that one has left.
 */
import type { XEvent } from './types.js';

/** Event indices in start order, ties broken longer first (so a parent precedes its children). */
export function startOrder(events: readonly XEvent[]): Uint32Array {
  return Uint32Array.from(events.keys()).sort((a, b) => {
    const x = events[a]!;
    const y = events[b]!;
    return x.offsetPs - y.offsetPs || y.durationPs - x.durationPs;
  });
}

/**
 * Depth of each interval, given in start order (ties: longer first): a stack of open end
 * times, popped while the top ends at or before the next start.
 * @returns depth[k] for the k-th interval of `order`.
 */
export function nestingDepths(starts: ArrayLike<number>, ends: ArrayLike<number>, order: ArrayLike<number>): Uint16Array {
  const depth = new Uint16Array(order.length);
  const stack: number[] = [];
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    while (stack.length > 0 && stack[stack.length - 1]! <= starts[i]!) stack.pop();
    depth[k] = Math.min(stack.length, 0xffff);
    stack.push(ends[i]!);
  }
  return depth;
}

/**
 * Each event's self time in picoseconds: its duration less that of its direct children
 * on the same line (never below 0). Indexed like `events`.
 */
export function selfTimes(events: readonly XEvent[]): Float64Array {
  const self = Float64Array.from(events, (e) => e.durationPs);
  const stack: number[] = [];
  const end = (i: number) => events[i]!.offsetPs + events[i]!.durationPs;
  for (const i of startOrder(events)) {
    const e = events[i]!;
    while (stack.length > 0 && end(stack[stack.length - 1]!) <= e.offsetPs) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent !== undefined) self[parent] = Math.max(0, self[parent]! - e.durationPs);
    stack.push(i);
  }
  return self;
}
