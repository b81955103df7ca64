/**
 * The time axis: ticks at round steps (1, 2, 5 x 10^k µs) about 90 pixels apart, labelled
 * in the unit that suits the step (s, ms, µs, ns), relative to the trace's start.
 */
import type { Viewport } from './navigation.js';

/** One tick: its x (pixels from the window's left edge), its time and its label. */
export interface TimeTick {
  readonly x: number;
  readonly time: number;
  readonly label: string;
}

/** The round step (µs) giving ticks at least `minSpacing` pixels apart. */
export function tickStep(span: number, width: number, minSpacing = 90): number {
  const raw = (span * minSpacing) / Math.max(width, 1);
  const pow = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * pow >= raw) return m * pow;
  return 10 * pow;
}

/** The ticks of a window `width` pixels wide, all labelled in one unit (that of the largest time shown). */
export function timeTicks(view: Viewport, width: number, minSpacing = 90): TimeTick[] {
  const span = view.end - view.start;
  if (!(span > 0) || width <= 0) return [];
  const step = tickStep(span, width, minSpacing);
  const magnitude = Math.max(Math.abs(view.start), Math.abs(view.end));
  const out: TimeTick[] = [];
  for (let k = Math.ceil(view.start / step); k * step <= view.end; k++) {
    const time = k * step;
    out.push({ x: ((time - view.start) / span) * width, time, label: formatTime(time, step, magnitude) });
  }
  return out;
}

/**
 * A time (µs) in the unit of `magnitude` (default: the step's own), with as many
 * decimals as the step needs: formatTime(358500, 500, 362000) is "358.5 ms".
 */
export function formatTime(us: number, step: number, magnitude = step): string {
  const [unit, scale] = magnitude >= 1e6 ? ['s', 1e6] : magnitude >= 1e3 ? ['ms', 1e3] : magnitude >= 1 ? ['µs', 1] : ['ns', 1e-3];
  const stepInUnit = step / scale;
  const decimals = Math.max(0, Math.min(9, -Math.floor(Math.log10(stepInUnit) + 1e-9)));
  const v = us / scale;
  return `${(Math.abs(v) < 1e-12 ? 0 : v).toFixed(decimals)} ${unit}`;
}

/** A duration (µs) for people: "1.23 ms", "850 ns", "12.5 µs", "2.4 s". */
export function formatDuration(us: number): string {
  const a = Math.abs(us);
  const [unit, scale] = a >= 1e6 ? ['s', 1e6] : a >= 1e3 ? ['ms', 1e3] : a >= 1 || a === 0 ? ['µs', 1] : ['ns', 1e-3];
  const v = us / scale;
  return `${Number(v.toPrecision(Math.abs(v) >= 100 ? 4 : 3))} ${unit}`;
}
