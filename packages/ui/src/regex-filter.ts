/**
 * User-typed regular expressions (tag filters, run filters): compiled without ever
 * throwing, so a half-typed pattern shows an error instead of breaking the page, and
 * matched in linear time (RE2, through re2js), so no pattern can hang the tab, however
 * many or long the names. RE2 has no backreferences or lookarounds; the error says so.
 */
import { RE2JS, RE2JSSyntaxException } from 're2js';

/** A compiled filter: `test` is always usable; `error` says why the pattern is invalid. */
export interface CompiledFilter {
  /** Whether `text` matches; with an invalid pattern, matches everything. */
  readonly test: (text: string) => boolean;
  /** Why the pattern is invalid, else null. */
  readonly error: string | null;
}

/** RE2's inline flag for case-insensitive matching, put before every pattern. */
const CASE_INSENSITIVE = '(?i)';

/** The longest pattern compiled; compiling costs time in proportion to its length. */
const MAX_PATTERN_LENGTH = 10_000;

/**
 * Compiles `pattern` as a case-insensitive regular expression (RE2 syntax), as
 * TensorBoard's filters do. An empty pattern matches everything.
 *
 * @example compileFilter('loss$').test('train/loss') // true
 * @example compileFilter('(').error // "Invalid regular expression /(/: missing closing )"
 */
export function compileFilter(pattern: string): CompiledFilter {
  if (pattern === '') return { test: () => true, error: null };
  if (pattern.length > MAX_PATTERN_LENGTH) {
    return invalid(`Invalid regular expression: ${pattern.length} characters long, more than the ${MAX_PATTERN_LENGTH} allowed`);
  }
  try {
    const re = RE2JS.compile(CASE_INSENSITIVE + pattern);
    return { test: (text) => re.test(text), error: null };
  } catch (e) {
    const shown = pattern.length > 60 ? `${pattern.slice(0, 60)}…` : pattern;
    return invalid(`Invalid regular expression /${shown}/: ${reason(e)}`);
  }
}

function invalid(error: string): CompiledFilter {
  return { test: () => true, error };
}

/** The engine's complaint, with the constructs RE2 lacks named for people. */
function reason(e: unknown): string {
  if (!(e instanceof RE2JSSyntaxException)) return e instanceof Error ? e.message : String(e);
  const quoted = e.input ?? '';
  const input = quoted.startsWith(CASE_INSENSITIVE) ? quoted.slice(CASE_INSENSITIVE.length) : quoted;
  if (/^\\[1-9]$/.test(input) || input === '\\k') return `backreferences (${input}) are not supported`;
  const lookaround = /^\(\?(?:=|!|<=|<!)/.exec(input);
  if (lookaround) return `lookarounds (${lookaround[0]}...) are not supported`;
  return input ? `${e.error} (${input.length > 60 ? `${input.slice(0, 60)}…` : input})` : e.error;
}
