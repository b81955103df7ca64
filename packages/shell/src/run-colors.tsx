/**
 * Run colours as the shell hands them out. Only the runs that have data in the dashboard
 * shown get a palette colour (a run with nothing to plot would use one up for nothing);
 * the others get @tb/ui's NO_DATA_COLOR. Each run's palette slot is remembered in
 * localStorage, so a run keeps its colour across reloads and from tab to tab, and the
 * colours the user picked for single runs (TensorBoard issue #893) win over the palette.
 */
import { assignRunColors, loadStored, NO_DATA_COLOR, saveStored, type RunColorSlots } from '@tb/ui';
import { useCallback, useMemo, useRef, useState } from 'preact/hooks';
import { loadJson, saveJson } from './storage.js';

const OVERRIDES_KEY = 'runColors';
const SLOTS_KEY = 'shell.runColorSlots';
/** The most run names whose slot is remembered; the ones of other log roots go first. */
export const REMEMBERED_RUNS_LIMIT = 2000;

function isColorMap(v: unknown): v is Record<string, string> {
  return (
    typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((c) => typeof c === 'string' && /^#[0-9a-f]{6}$/i.test(c))
  );
}

/** Reads stored slots, keeping only whole non-negative numbers. */
export function parseSlots(raw: unknown): Record<string, number> {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return {};
  return Object.fromEntries(Object.entries(raw).filter((e): e is [string, number] => Number.isInteger(e[1]) && (e[1] as number) >= 0));
}

/**
 * The colour of every run of `allRuns` for a dashboard whose runs with data are
 * `withData` (null: all of them): palette colours from the remembered `slots`, the
 * user's `overrides`, NO_DATA_COLOR for runs without data.
 */
export function runColorMap(
  allRuns: readonly string[],
  withData: readonly string[] | null,
  slots: RunColorSlots,
  overrides: Readonly<Record<string, string>>,
): Record<string, string> {
  const colored = withData ?? allRuns;
  const { colors } = assignRunColors(colored, slots, allRuns);
  const out: Record<string, string> = {};
  for (const run of allRuns) out[run] = run in colors ? (overrides[run] ?? colors[run]!) : NO_DATA_COLOR;
  return out;
}

/**
 * `previous` with the slots of `assigned` added; null when nothing changed. Beyond
 * `limit` names, the ones not in `allRuns` are forgotten, oldest first.
 */
export function rememberSlots(
  previous: RunColorSlots,
  assigned: RunColorSlots,
  allRuns: readonly string[],
  limit = REMEMBERED_RUNS_LIMIT,
): Record<string, number> | null {
  if (Object.entries(assigned).every(([run, slot]) => previous[run] === slot)) return null;
  const next: Record<string, number> = { ...previous };
  for (const [run, slot] of Object.entries(assigned)) {
    delete next[run];
    next[run] = slot;
  }
  const names = Object.keys(next);
  if (names.length > limit) {
    const current = new Set(allRuns);
    let excess = names.length - limit;
    for (const name of names) {
      if (excess === 0) break;
      if (current.has(name)) continue;
      delete next[name];
      excess--;
    }
  }
  return next;
}

function sameColors(a: Readonly<Record<string, string>> | undefined, b: Readonly<Record<string, string>>): boolean {
  if (!a) return false;
  const keys = Object.keys(b);
  return keys.length === Object.keys(a).length && keys.every((k) => a[k] === b[k]);
}

/** What {@link useRunColors} gives the shell. */
export interface RunColoring {
  /**
   * The colours for one dashboard (`key`, its plugin id) whose runs with data are
   * `withData` (null: every run). The same object comes back while the colours are the
   * same, so dashboards do not redraw for nothing.
   */
  readonly colorsFor: (key: string, withData: readonly string[] | null) => Readonly<Record<string, string>>;
  /** Remembers the slots the runs with data of the dashboard shown got (call from an effect). */
  readonly remember: (withData: readonly string[] | null) => void;
  /** Sets one run's own colour; null goes back to the palette. */
  readonly setColor: (run: string, color: string | null) => void;
}

/** Run colours for `allRuns` (every run, in run order), remembered in localStorage. */
export function useRunColors(allRuns: readonly string[]): RunColoring {
  const [slots, setSlots] = useState<Record<string, number>>(() => loadStored(SLOTS_KEY, parseSlots));
  const [overrides, setOverrides] = useState(() => loadJson<Record<string, string>>(OVERRIDES_KEY, {}, isColorMap));
  const last = useRef(new Map<string, Readonly<Record<string, string>>>());

  const colorsFor = useCallback(
    (key: string, withData: readonly string[] | null) => {
      const next = runColorMap(allRuns, withData, slots, overrides);
      const previous = last.current.get(key);
      if (previous && sameColors(previous, next)) return previous;
      last.current.set(key, next);
      return next;
    },
    [allRuns, slots, overrides],
  );

  const remember = useCallback(
    (withData: readonly string[] | null) => {
      const { slots: assigned } = assignRunColors(withData ?? allRuns, slots, allRuns);
      const next = rememberSlots(slots, assigned, allRuns);
      if (!next) return;
      setSlots(next);
      saveStored(SLOTS_KEY, next);
    },
    [allRuns, slots],
  );

  const setColor = (run: string, color: string | null) => {
    const next = { ...overrides };
    if (color === null) delete next[run];
    else next[run] = color;
    setOverrides(next);
    saveJson(OVERRIDES_KEY, next);
  };
  return useMemo(() => ({ colorsFor, remember, setColor }), [colorsFor, remember, overrides]);
}
