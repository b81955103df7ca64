/**
 * Which two runs a compare card shows for one tag. Only runs that have the tag are
 * offered: by default the first two selected runs that have it, in run order (then
 * the other runs that have it, when fewer than two selected ones do); a side the user
 * picked is kept while its run still has the tag.
 */

/** The left run and the right one; the right is null when only one run has the tag. */
export type ComparePair = readonly [left: string, right: string | null];

/**
 * @param runsWithTag the runs that have the tag, in run order
 * @param selectedRuns the runs selected in the shell
 * @param picked the pair the user chose for this tag, if any
 * @example comparePair(['a/train', 'b/train'], ['a/train', 'a/validation', 'b/train']) // ['a/train', 'b/train']
 */
export function comparePair(runsWithTag: readonly string[], selectedRuns: readonly string[], picked?: readonly [string, string]): ComparePair | null {
  if (runsWithTag.length === 0) return null;
  const has = new Set(runsWithTag);
  const selected = new Set(selectedRuns);
  const preferred = [...runsWithTag.filter((r) => selected.has(r)), ...runsWithTag.filter((r) => !selected.has(r))];
  const left = picked && has.has(picked[0]) ? picked[0] : undefined;
  const right = picked && has.has(picked[1]) && picked[1] !== left ? picked[1] : undefined;
  const taken = new Set([left, right]);
  const free = preferred.filter((r) => !taken.has(r));
  const l = left ?? free.shift()!;
  const r = right ?? free.find((run) => run !== l) ?? null;
  return [l, r];
}

/**
 * The pair after the user picks `run` for side `side`: picking the run the other side
 * shows swaps the two sides.
 *
 * @example pickSide(['a', 'b'], 0, 'b') // ['b', 'a']
 */
export function pickSide(pair: readonly [string, string], side: 0 | 1, run: string): readonly [string, string] {
  const other = pair[1 - side]!;
  const next: [string, string] = [pair[0], pair[1]];
  if (run === other) next[1 - side] = pair[side];
  next[side] = run;
  return next;
}
