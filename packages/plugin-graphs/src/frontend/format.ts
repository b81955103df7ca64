/** Numbers as the node panel and the legend write them. */

/** Microseconds as `850 µs`, `1.25 ms`, `3.4 s`. */
export function formatMicros(us: number): string {
  if (!Number.isFinite(us)) return String(us);
  if (us < 1000) return `${Math.round(us)} µs`;
  if (us < 1e6) return `${Number((us / 1000).toPrecision(3))} ms`;
  return `${Number((us / 1e6).toPrecision(3))} s`;
}

/** Bytes as `512 B`, `1.5 KB`, `12.3 MB` (powers of 1024, as TensorBoard shows memory). */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes)) return String(bytes);
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let v = bytes;
  let i = 0;
  while (Math.abs(v) >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return i === 0 ? `${Math.round(v)} B` : `${Number(v.toPrecision(3))} ${units[i]}`;
}
