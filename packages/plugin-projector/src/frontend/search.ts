/** Search of the points by a regex over one metadata column (linear-time, via @tb/ui's compileFilter). */
import { compileFilter } from '@tb/ui';

/** The points that match, and why the pattern is invalid (null if valid). */
export interface SearchResult {
  readonly matches: readonly number[];
  readonly error: string | null;
}

/**
 * The indices of `values` matching `pattern` (case-insensitive); an empty or invalid
 * pattern matches nothing (an empty search highlights no point).
 *
 * @example searchPoints(['3', '13', '7'], '^3$').matches // [0]
 */
export function searchPoints(values: readonly string[], pattern: string): SearchResult {
  if (pattern === '') return { matches: [], error: null };
  const filter = compileFilter(pattern);
  if (filter.error) return { matches: [], error: filter.error };
  const matches: number[] = [];
  for (let i = 0; i < values.length; i++) if (filter.test(values[i]!)) matches.push(i);
  return { matches, error: null };
}
