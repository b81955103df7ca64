/**
 * Units of the memory views: torch-tb-profiler accepts B/KB/MB/GB (also '', K, M, G) for
 * memory and us/ms/s (also micro, milli, ...) for time, and rounds figures for display.
 */
import { pyRound } from '../gpu/py-number.js';

/** A canonical memory unit. */
export type MemoryUnit = 'B' | 'KB' | 'MB' | 'GB';
/** A canonical time unit. */
export type TimeUnit = 'us' | 'ms' | 's';

const MEMORY_ALIASES: Readonly<Record<string, MemoryUnit>> = { '': 'B', B: 'B', K: 'KB', KB: 'KB', M: 'MB', MB: 'MB', G: 'GB', GB: 'GB' };
const TIME_ALIASES: Readonly<Record<string, TimeUnit>> = {
  micro: 'us', microsecond: 'us', us: 'us', milli: 'ms', millisecond: 'ms', ms: 'ms', '': 's', second: 's', s: 's',
};
const BYTES: Readonly<Record<MemoryUnit, number>> = { B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3 };
const MICROS: Readonly<Record<TimeUnit, number>> = { us: 1, ms: 1e3, s: 1e6 };

/** The canonical memory unit of `name`, or undefined when torch would reject it. */
export function memoryUnit(name: string | undefined, fallback: MemoryUnit): MemoryUnit | undefined {
  return name === undefined ? fallback : MEMORY_ALIASES[name];
}

/** The canonical time unit of `name`, or undefined when torch would reject it. */
export function timeUnit(name: string | undefined, fallback: TimeUnit): TimeUnit | undefined {
  return name === undefined ? fallback : TIME_ALIASES[name];
}

/** Factor that turns bytes into `unit`. */
export function memoryFactor(unit: MemoryUnit): number {
  return 1 / BYTES[unit];
}

/** Factor that turns microseconds into `unit`. */
export function timeFactor(unit: TimeUnit): number {
  return 1 / MICROS[unit];
}

/**
 * torch's display rounding: two decimals, except that a small non-zero value keeps
 * digits down to its first significant one (0.000123 → 0.0001).
 */
export function displayRound(v: number): number {
  const a = Math.abs(v);
  if (a >= 0.01 || v === 0 || !Number.isFinite(v)) return pyRound(v, 2);
  return pyRound(v, Math.abs(Math.floor(Math.log10(a))));
}
