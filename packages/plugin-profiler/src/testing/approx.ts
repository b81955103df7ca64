/**
 * Compares our answers with torch-tb-profiler's: the same structure, keys and strings,
 * numbers within a relative tolerance (1% by default, or an absolute one for values
 * near zero), and numbers inside strings (html tooltips, "52.46%") held to the same
 * tolerance. Returns the differences as readable paths, empty when they agree.
 */

export interface ApproxOptions {
  /** Relative tolerance; 0.01 by default. */
  readonly rel?: number;
  /** Absolute tolerance for small values; 1 by default (a microsecond, a byte). */
  readonly abs?: number;
  /** Keys whose values are not compared (e.g. torch's own tooltip prose). */
  readonly ignoreKeys?: readonly string[];
  /** At most this many differences are listed. */
  readonly limit?: number;
  /** Whether objects' keys must also come in the same order (JSON answers, as written). */
  readonly keyOrder?: boolean;
}

const NUMBER = /-?\d+(?:\.\d+)?(?:e[+-]?\d+)?/gi;

export function approxDiff(ours: unknown, theirs: unknown, o: ApproxOptions = {}): string[] {
  const out: string[] = [];
  const rel = o.rel ?? 0.01;
  const abs = o.abs ?? 1;
  const limit = o.limit ?? 20;
  const ignore = new Set(o.ignoreKeys ?? []);
  const closeNumber = (a: number, b: number) => a === b || Math.abs(a - b) <= Math.max(abs, rel * Math.max(Math.abs(a), Math.abs(b)));
  const walk = (a: unknown, b: unknown, at: string): void => {
    if (out.length >= limit) return;
    if (typeof b === 'number' && typeof a === 'number') {
      if (!closeNumber(a, b)) out.push(`${at}: ${a} vs ${b}`);
      return;
    }
    if (typeof b === 'string' && typeof a === 'string') {
      if (a === b) return;
      const an = a.match(NUMBER) ?? [];
      const bn = b.match(NUMBER) ?? [];
      const sameText = a.replace(NUMBER, '#') === b.replace(NUMBER, '#');
      if (!sameText || an.length !== bn.length || an.some((x, i) => !closeNumber(Number(x), Number(bn[i])))) out.push(`${at}: ${JSON.stringify(a).slice(0, 200)} vs ${JSON.stringify(b).slice(0, 200)}`);
      return;
    }
    if (Array.isArray(b)) {
      if (!Array.isArray(a)) return void out.push(`${at}: not a list`);
      if (a.length !== b.length) out.push(`${at}: ${a.length} items vs ${b.length}`);
      for (let i = 0; i < Math.min(a.length, b.length); i++) walk(a[i], b[i], `${at}[${i}]`);
      return;
    }
    if (typeof b === 'object' && b !== null) {
      if (typeof a !== 'object' || a === null || Array.isArray(a)) return void out.push(`${at}: not an object`);
      const ak = Object.keys(a).filter((k) => !ignore.has(k));
      const bk = Object.keys(b).filter((k) => !ignore.has(k));
      const missing = bk.filter((k) => !(k in a));
      const extra = ak.filter((k) => !(k in b));
      if (missing.length || extra.length) out.push(`${at}: keys missing ${JSON.stringify(missing)}, extra ${JSON.stringify(extra)}`);
      else if (o.keyOrder && ak.join('\u0000') !== bk.join('\u0000')) out.push(`${at}: keys in order ${JSON.stringify(ak)} vs ${JSON.stringify(bk)}`);
      for (const k of bk) if (k in a) walk((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${at}.${k}`);
      return;
    }
    if (a !== b) out.push(`${at}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`);
  };
  walk(ours, theirs, '$');
  return out;
}
