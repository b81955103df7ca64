/** How the profiler page writes durations, percentages and cell values. */
import { formatValue } from '@tb/ui';

/** Microseconds with thousands separators and a unit ("98,589 µs"); "–" when absent. */
export function formatUs(us: number | null | undefined): string {
  if (us == null || !Number.isFinite(us)) return '–';
  return `${Math.round(us).toLocaleString('en-US')} µs`;
}

/** A duration in the largest unit that keeps it readable ("1.78 ms", "2.5 s", "870 µs"). */
export function formatDuration(us: number | null | undefined): string {
  if (us == null || !Number.isFinite(us)) return '–';
  const abs = Math.abs(us);
  if (abs >= 1e6) return `${Number((us / 1e6).toPrecision(3))} s`;
  if (abs >= 1e3) return `${Number((us / 1e3).toPrecision(3))} ms`;
  return `${Number(us.toPrecision(3))} µs`;
}

/** A percentage given in 0..100, with two decimals ("33.37 %"). */
export function formatPercent(pct: number | null | undefined): string {
  if (pct == null || !Number.isFinite(pct)) return '–';
  return `${pct.toFixed(2)} %`;
}

/** A fraction in 0..1 as a percentage ("0.5551" → "55.51 %"); "–" when null. */
export function formatFraction(f: number | null | undefined): string {
  return f == null ? '–' : formatPercent(f * 100);
}

/** A signed delta ("+1,234" / "−56"), for diff tables. */
export function formatDelta(v: number): string {
  if (!Number.isFinite(v)) return '–';
  const s = Math.abs(Math.round(v)).toLocaleString('en-US');
  return v > 0 ? `+${s}` : v < 0 ? `−${s}` : '0';
}

/** A table cell: integers with separators, other numbers with five significant digits. */
export function formatCell(v: unknown): string {
  if (v == null) return '';
  if (typeof v === 'number') {
    if (Number.isInteger(v)) return v.toLocaleString('en-US');
    // Table figures (KB, µs, %) in one style down a column: grouped, at most 2 decimals.
    return Math.abs(v) >= 1 ? v.toLocaleString('en-US', { maximumFractionDigits: 2 }) : formatValue(v);
  }
  if (typeof v === 'boolean') return v ? 'Yes' : 'No';
  return String(v);
}

/** A byte count for people: `812 B`, `35.2 MB` (decimal units, as file sizes are shown). */
export function formatBytes(n: number): string {
  const units = ['B', 'kB', 'MB', 'GB'];
  let v = n;
  let u = 0;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  return u === 0 ? `${Math.round(v)} B` : `${v.toFixed(1)} ${units[u]}`;
}
