/**
 * The plugin's routes as the dashboard reads them: the layout (`{}` when no run wrote
 * one) and, per run and tag regex, the matching tags' points.
 */
import type { PluginFetch } from '@tb/ui';

/** A multiline chart: every tag any regex matches, from the tag's start. */
export interface MultilineContent {
  readonly tag: readonly string[];
}

/** One margin series: the exact tags of the value and its bounds. */
export interface MarginSeries {
  readonly value: string;
  readonly lower: string;
  readonly upper: string;
}

/** A chart of the layout, as `/layout` answers it. */
export interface ChartSpec {
  readonly title: string;
  readonly multiline?: MultilineContent;
  readonly margin?: { readonly series: readonly MarginSeries[] };
}

/** A collapsible category of charts. */
export interface CategorySpec {
  readonly title: string;
  readonly chart: readonly ChartSpec[];
  readonly closed: boolean;
}

/** The merged layout; no categories when no run wrote one. */
export interface LayoutSpec {
  readonly category: readonly CategorySpec[];
}

/** One point of a tag: its step, wall time (seconds) and value (NaN, +-Infinity included). */
export interface Point {
  readonly step: number;
  readonly wallTime: number;
  readonly value: number;
}

/** What `/scalars` answers for one run and regex. */
export interface RegexAnswer {
  readonly valid: boolean;
  /** tag -> its points, in the run's tag order. */
  readonly tags: ReadonlyMap<string, readonly Point[]>;
}

type RawValue = number | 'NaN' | 'Infinity' | '-Infinity';

const toNumber = (v: RawValue): number => (typeof v === 'number' ? v : Number(v));

/** The layout, with `{}` read as no categories. */
export async function fetchLayout(fetch: PluginFetch): Promise<LayoutSpec> {
  const raw = await fetch.json<Partial<LayoutSpec>>('layout');
  return { category: raw.category ?? [] };
}

/** The tags of `run` that `regex` matches, with their points. */
export async function fetchRegex(fetch: PluginFetch, run: string, regex: string): Promise<RegexAnswer> {
  const raw = await fetch.json<{ regex_valid: boolean; tag_to_events: Record<string, [number, number, RawValue][]> }>(
    `scalars?${new URLSearchParams({ run, tag: regex }).toString()}`,
  );
  const tags = new Map<string, Point[]>();
  for (const [tag, events] of Object.entries(raw.tag_to_events)) {
    tags.set(tag, events.map(([wallTime, step, value]) => ({ wallTime, step, value: toNumber(value) })));
  }
  return { valid: raw.regex_valid, tags };
}

/** A regex that matches exactly `tag` (the route matches from the start; `$` ends it). */
export function exactTagRegex(tag: string): string {
  return `${tag.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}$`;
}
