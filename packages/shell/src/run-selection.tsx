/**
 * Which runs are selected. Until the user chooses, every run is selected, new ones
 * included; once the user deselects anything, the choice is an explicit list and runs
 * that appear later stay unselected. Selecting everything again returns to the default.
 */

/** The selected runs among `all`, in `all`'s order; `explicit` null: all of them. */
export function resolveSelection(all: readonly string[], explicit: readonly string[] | null): string[] {
  if (explicit === null) return [...all];
  const chosen = new Set(explicit);
  return all.filter((run) => chosen.has(run));
}

/** A change to the selection: runs to add and runs to remove. */
export interface SelectionChange {
  readonly select?: readonly string[];
  readonly deselect?: readonly string[];
}

/**
 * Applies `change` to the selection and returns the new explicit list, or null when every
 * known run ends up selected. Explicitly selected runs that are not (or no longer) in
 * `all` are kept, so a link keeps working while runs load.
 */
export function updateSelection(
  all: readonly string[],
  explicit: readonly string[] | null,
  change: SelectionChange,
): string[] | null {
  const selected = new Set(explicit ?? all);
  for (const run of change.select ?? []) selected.add(run);
  for (const run of change.deselect ?? []) selected.delete(run);
  if (all.every((run) => selected.has(run))) return null;
  const known = new Set(all);
  return [...all.filter((run) => selected.has(run)), ...[...selected].filter((run) => !known.has(run))];
}
