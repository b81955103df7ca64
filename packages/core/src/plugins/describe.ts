/**
 * How error messages echo what a client sent: short enough to read, never the whole of
 * a 50 MB field. Every echoed value goes through here.
 */

/** The most characters of one echoed value. */
export const ECHO_LIMIT = 200;

/** The most values of a repeated field that are echoed one by one. */
const LIST_LIMIT = 5;

/**
 * `text` itself when at most `max` characters, else its first `max` and how many more
 * there were; a surrogate pair is never cut in half.
 *
 * @example capText('abcdef', 3) // 'abc… (3 more characters)'
 */
export function capText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = isHighSurrogate(text.charCodeAt(max - 1)) ? max - 1 : max;
  return `${text.slice(0, cut)}… (${text.length - cut} more characters)`;
}

/**
 * A value as a message shows it: text quoted (at most {@link ECHO_LIMIT} characters),
 * a repeated field as its count and first values, an upload as such.
 *
 * @example describeValue(['x', 'y']) // '2 values: "x", "y"'
 */
export function describeValue(value: unknown): string {
  if (Array.isArray(value)) {
    const shown = value.slice(0, LIST_LIMIT).map(describeValue).join(', ');
    return `${value.length} values: ${shown}${value.length > LIST_LIMIT ? `, … (${value.length - LIST_LIMIT} more)` : ''}`;
  }
  if (typeof value === 'string') {
    if (value.length <= ECHO_LIMIT) return JSON.stringify(value);
    const cut = isHighSurrogate(value.charCodeAt(ECHO_LIMIT - 1)) ? ECHO_LIMIT - 1 : ECHO_LIMIT;
    return `${JSON.stringify(value.slice(0, cut))}… (${value.length - cut} more characters)`;
  }
  if (typeof File !== 'undefined' && value instanceof File) return 'a file upload';
  return capText(String(value), ECHO_LIMIT);
}

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
