/**
 * Short text for a span of time, as the cards show a step's time relative to the first
 * image kept: seconds with one decimal under 10 s, then the two largest units.
 *
 * @example formatDuration(2.83) // "2.8 s"
 * @example formatDuration(3725) // "1 h 2 min"
 */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const sign = seconds < 0 ? '-' : '';
  const s = Math.abs(seconds);
  if (s < 10) return `${sign}${s.toFixed(1).replace(/\.0$/, '')} s`;
  if (s < 60) return `${sign}${Math.floor(s)} s`;
  const units: readonly [number, string][] = [
    [86400, 'd'],
    [3600, 'h'],
    [60, 'min'],
    [1, 's'],
  ];
  const i = units.findIndex(([size]) => s >= size);
  const [big, bigName] = units[i]!;
  const [small, smallName] = units[i + 1]!;
  const whole = Math.floor(s / big);
  const rest = Math.floor((s - whole * big) / small);
  return `${sign}${whole} ${bigName}${rest > 0 ? ` ${rest} ${smallName}` : ''}`;
}
