/**
 * Regular expressions from users, matched in linear time (RE2 semantics, through re2js):
 * a pattern like `^(.|.)*X$` that backtracks for ever in `RegExp` answers at once here.
 * What RE2 cannot match in linear time (backreferences, lookarounds) is refused with a
 * message naming the construct, as is a pattern too long to compile quickly.
 *
 * @example
 * const re = compileRegex('^train/(loss|acc)$', 'i');
 * re.test('Train/loss'); // true
 */
import { RE2JS, RE2JSException, RE2JSSyntaxException } from 're2js';
import { InvalidArgumentError } from '../errors.js';
import { capText, describeValue, ECHO_LIMIT } from './describe.js';

/** A compiled pattern. Unlike a `RegExp` it keeps no `lastIndex`: `test` gives the same answer every time. */
export interface LinearRegex {
  /** The pattern as given. */
  readonly source: string;
  /** The flags as given (`i`, `m`, `s`, `u`). */
  readonly flags: string;
  /** Whether some part of `text` matches (a search, like `RegExp.prototype.test`). */
  test(text: string): boolean;
}

/** The longest pattern accepted, in characters: compiling costs time in proportion to its length. */
export const MAX_REGEX_LENGTH = 10_000;

/** JavaScript's flag letters, as RE2's inline flags; `u` is how RE2 always reads patterns. */
const FLAGS: Readonly<Record<string, string>> = { i: 'i', m: 'm', s: 's', u: '' };

/**
 * Compiles `pattern` (RE2 syntax, which is JavaScript's without backreferences and
 * lookarounds) with JavaScript-style `flags` (`i`, `m`, `s`, `u`). A pattern that cannot
 * be matched in linear time, or is not valid, throws an {@link InvalidArgumentError}
 * (a 400 when a route lets it through) whose message starts with `name`.
 *
 * @example compileRegex('(a)\\1', '', 'tagRegex')
 * // throws "tagRegex uses a backreference (\1), which linear-time matching does not support"
 */
export function compileRegex(pattern: string, flags = '', name = 'pattern'): LinearRegex {
  let inline = '';
  for (const letter of flags) {
    const re2 = FLAGS[letter];
    if (re2 === undefined) throw new TypeError(`regular expression flags should be some of 'i', 'm', 's', 'u', found '${flags}'`);
    inline += re2;
  }
  const prefix = inline ? `(?${inline})` : '';
  if (pattern.length > MAX_REGEX_LENGTH) {
    throw new InvalidArgumentError(
      `${name} is ${pattern.length.toLocaleString('en-US')} characters long; a regular expression may have at most ${MAX_REGEX_LENGTH.toLocaleString('en-US')}`,
    );
  }
  let re: RE2JS;
  try {
    re = RE2JS.compile(prefix + pattern);
  } catch (err) {
    if (!(err instanceof RE2JSException)) throw err;
    throw new InvalidArgumentError(`${name} ${problemOf(err, pattern, prefix)}`);
  }
  return { source: pattern, flags, test: (text) => re.test(text) };
}

/**
 * What is wrong with `pattern`, as the rest of a sentence whose subject is the field.
 * `prefix` (the inline flags put before it) is taken off the part the engine quotes.
 */
function problemOf(err: RE2JSException, pattern: string, prefix: string): string {
  const syntax = err instanceof RE2JSSyntaxException ? err : null;
  const quoted = syntax?.input ?? '';
  const input = prefix && quoted.startsWith(prefix) ? quoted.slice(prefix.length) : quoted;
  const construct = syntax ? unsupportedConstruct(syntax.error, input, pattern) : null;
  if (construct) return `uses ${construct}, which linear-time matching does not support`;
  switch (syntax?.error) {
    case 'invalid repeat count': {
      const [, min, comma, max] = /^\{(\d+)(,?)(\d*)\}$/.exec(input) ?? [];
      if (min !== undefined && !(comma && max !== '' && Number(min) > Number(max))) {
        return `repeats more than 1000 times (${capText(input, ECHO_LIMIT)}, nested repetitions multiplied), more than linear-time matching allows`;
      }
      break;
    }
    case 'expression too large':
      return 'expands to more states than linear-time matching allows (nested repetitions multiply its size)';
    case 'expression nests too deeply':
      return 'nests groups or repetitions more than 1000 deep, more than linear-time matching allows';
  }
  const detail = syntax ? `${syntax.error}${input ? `: ${capText(input, ECHO_LIMIT)}` : ''}` : err.message;
  const hint = input === '\\u' ? '; RE2 writes \\x{e9} for \\u00e9' : '';
  return `should be a regular expression (RE2 syntax), found ${describeValue(pattern)} (${detail}${hint})`;
}

/** The construct RE2 lacks that the parser stopped at, named for people, or null. */
function unsupportedConstruct(error: string, input: string, pattern: string): string | null {
  if (error === 'invalid escape sequence') {
    if (/^\\[1-9]$/.test(input)) return `a backreference (${input})`;
    if (input === '\\k') return 'a named backreference (\\k<name>)';
    return null;
  }
  if (input === '(?=') return 'a lookahead (?=...)';
  if (input === '(?!') return 'a negative lookahead (?!...)';
  if (input.startsWith('(?<=')) return 'a lookbehind (?<=...)';
  if (input.startsWith('(?<!')) return 'a negative lookbehind (?<!...)';
  if (input === '(?>') return 'an atomic group (?>...)';
  if (input === '(?P' && pattern.includes('(?P=')) return 'a named backreference (?P=name)';
  if (error === 'invalid nested repetition operator' && /^[*+?}]\+$/.test(input)) return `a possessive quantifier (${input})`;
  return null;
}
