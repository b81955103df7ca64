/**
 * TensorBoard's allow-list for text summaries' HTML (plugin_util's bleach settings): the
 * server sanitizes with it, and the dashboard checks again against it before any HTML
 * reaches the page. No dependencies, so the dashboard's bundle can share it.
 */

/** The tags that survive (plugin_util's `_ALLOWED_TAGS`). */
export const ALLOWED_TAGS: readonly string[] = [
  'ul', 'ol', 'li', 'p', 'pre', 'code', 'blockquote',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'br',
  'strong', 'em', 'a', 'img',
  'table', 'thead', 'tbody', 'td', 'tr', 'th',
];

/** The attributes that survive, by tag (plugin_util's `_ALLOWED_ATTRIBUTES`). */
export const ALLOWED_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  a: ['href', 'title'],
  img: ['src', 'title', 'alt'],
};

/** URL schemes a link or an image may use (bleach's default protocols); relative URLs pass too. */
export const ALLOWED_SCHEMES: readonly string[] = ['http', 'https', 'mailto'];

/**
 * Whether `url` (an attribute's value as the DOM holds it, entities decoded) may stay in
 * an `href` or `src`: relative, or with an allowed scheme. Control characters and spaces
 * are ignored as browsers ignore them in a scheme (`java\tscript:`).
 *
 * @example isAllowedUrl('https://example.org') === true; isAllowedUrl('javascript:alert(1)') === false
 */
export function isAllowedUrl(url: string): boolean {
  // eslint-disable-next-line no-control-regex
  const squeezed = url.replace(/[\u0000-\u0020\u007f-\u009f]+/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(squeezed);
  return !scheme || ALLOWED_SCHEMES.includes(scheme[1]!.toLowerCase());
}
