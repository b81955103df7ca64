/**
 * Run colours: @tb/ui's stable palette, plus the colours the user picked for single runs
 * (TensorBoard issue #893), remembered in localStorage.
 */
import { runColors } from '@tb/ui';
import { useMemo, useState } from 'preact/hooks';
import { loadJson, saveJson } from './storage.js';

const KEY = 'runColors';

function isColorMap(v: unknown): v is Record<string, string> {
  return (
    typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((c) => typeof c === 'string' && /^#[0-9a-f]{6}$/i.test(c))
  );
}

/** The palette colour of each run, replaced by the user's pick where there is one. */
export function mergeColors(runs: readonly string[], overrides: Readonly<Record<string, string>>): Record<string, string> {
  const colors = runColors(runs);
  for (const run of runs) {
    const own = overrides[run];
    if (own) colors[run] = own;
  }
  return colors;
}

/**
 * The colour of every run and a setter for one run's colour (null: back to the palette).
 */
export function useRunColors(runs: readonly string[]): [Record<string, string>, (run: string, color: string | null) => void] {
  const [overrides, setOverrides] = useState(() => loadJson<Record<string, string>>(KEY, {}, isColorMap));
  const colors = useMemo(() => mergeColors(runs, overrides), [runs, overrides]);
  const setColor = (run: string, color: string | null) => {
    const next = { ...overrides };
    if (color === null) delete next[run];
    else next[run] = color;
    setOverrides(next);
    saveJson(KEY, next);
  };
  return [colors, setColor];
}
