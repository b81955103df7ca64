/**
 * torch-tb-profiler sorts kernel rows with pandas' unstable sort, so rows with equal
 * totals come in no particular order: compare kernel answers after putting such ties in
 * name order on both sides (that the rows are sorted by total is checked on its own).
 */

/** A copy of `answer` whose rows (picked by `rows`) are ordered by column `col` descending, then by name. */
export function tiesByName<T>(answer: T, rows: (a: T) => unknown[][], col: number): T {
  const copy = structuredClone(answer);
  rows(copy).sort((a, b) => (b[col] as number) - (a[col] as number) || String(a[0]).localeCompare(String(b[0])));
  return copy;
}

interface Rows {
  readonly total?: { readonly rows: unknown[][] };
  readonly data?: { readonly columns: readonly unknown[]; readonly rows: unknown[][] };
}

/** A kernel route's answer with its ties in name order: the pie (total, by column 1) and the Kernel-grouped table (by total time, column 3). */
export function kernelTiesByName(route: string, answer: unknown): unknown {
  const a = answer as Rows;
  if (route === 'kernel' && a.total) return tiesByName(a, (x) => x.total!.rows as unknown[][], 1);
  if (route === 'kernel/table' && a.data && a.data.columns.length < 10) return tiesByName(a, (x) => x.data!.rows as unknown[][], 3);
  return answer;
}
