/**
 * User-typed regular expressions (tag filters, run filters): compiled without ever
 * throwing, so a half-typed pattern shows an error instead of breaking the page.
 */

/** A compiled filter: `test` is always usable; `error` says why the pattern is invalid. */
export interface CompiledFilter {
  /** Whether `text` matches; with an invalid pattern, matches everything. */
  readonly test: (text: string) => boolean;
  /** The engine's message for an invalid pattern, else null. */
  readonly error: string | null;
}

/**
 * Compiles `pattern` as a case-insensitive regular expression, as TensorBoard's filters
 * do. An empty pattern matches everything.
 *
 * @example compileFilter('loss$').test('train/loss') // true
 * @example compileFilter('(').error // "Invalid regular expression: /(/i: Unterminated group"
 */
export function compileFilter(pattern: string): CompiledFilter {
  if (pattern === '') return { test: () => true, error: null };
  try {
    const re = new RegExp(pattern, 'i');
    return { test: (text) => re.test(text), error: null };
  } catch (e) {
    return { test: () => true, error: e instanceof Error ? e.message : String(e) };
  }
}
