/**
 * A small, safe markdown-to-HTML for tag descriptions (TensorBoard renders them with
 * Python-Markdown and then sanitizes). Everything is escaped; the only tags made are
 * `<p>`, `<em>`, `<strong>`, `<code>` and `<a href>` for http(s) links. No raw HTML
 * passes through.
 */

/** Escapes text for an HTML text node. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(text: string): string {
  return escapeHtml(text).replace(/"/g, '&quot;');
}

/**
 * Markdown to safe HTML: blank lines separate paragraphs; inside them `*em*`, `_em_`,
 * `**strong**`, `__strong__`, `` `code` ``, `[text](https://...)` and backslash
 * escapes. Links to anything but http(s) keep only their text. '' stays ''.
 *
 * @example markdownToSafeHtml('Exponential *decay*') === '<p>Exponential <em>decay</em></p>'
 */
export function markdownToSafeHtml(markdown: string): string {
  return markdown
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n/)
    .map((block) => block.trim())
    .filter((block) => block !== '')
    .map((block) => `<p>${inline(block)}</p>`)
    .join('\n');
}

const ESCAPABLE = '\\`*_{}[]()#+-.!';
const WORD = /[\p{L}\p{N}]/u;

function inline(src: string): string {
  let out = '';
  let i = 0;
  while (i < src.length) {
    const ch = src[i]!;
    if (ch === '\\' && i + 1 < src.length && ESCAPABLE.includes(src[i + 1]!)) {
      out += escapeHtml(src[i + 1]!);
      i += 2;
      continue;
    }
    const span = codeSpan(src, i) ?? link(src, i) ?? emphasis(src, i);
    if (span) {
      out += span.html;
      i = span.end;
      continue;
    }
    out += escapeHtml(ch);
    i++;
  }
  return out;
}

interface Span {
  readonly html: string;
  /** The index just past the span's source. */
  readonly end: number;
}

/** `` `code` `` (any run of backticks, closed by a run of the same length). */
function codeSpan(src: string, i: number): Span | null {
  if (src[i] !== '`') return null;
  let n = 0;
  while (src[i + n] === '`') n++;
  const fence = '`'.repeat(n);
  let close = src.indexOf(fence, i + n);
  while (close >= 0 && src[close + n] === '`') close = src.indexOf(fence, close + n + 1);
  if (close < 0) return { html: fence, end: i + n };
  return { html: `<code>${escapeHtml(src.slice(i + n, close).trim())}</code>`, end: close + n };
}

/** `[text](url)`: a link for http(s) URLs, only the text for any other scheme. */
function link(src: string, i: number): Span | null {
  if (src[i] !== '[') return null;
  const m = /^\[([^\]\n]*)\]\(\s*([^\s()]*)\s*\)/.exec(src.slice(i));
  if (!m) return null;
  const [whole, text = '', url = ''] = m;
  const html = /^https?:\/\/[^\s]+$/i.test(url) ? `<a href="${escapeAttribute(url)}">${inline(text)}</a>` : inline(text);
  return { html, end: i + whole.length };
}

/** `*em*`, `_em_`, `**strong**`, `__strong__`; underscores only at word boundaries. */
function emphasis(src: string, i: number): Span | null {
  const ch = src[i];
  if (ch !== '*' && ch !== '_') return null;
  if (ch === '_' && i > 0 && WORD.test(src[i - 1]!)) return null;
  const delimiter = src[i + 1] === ch ? ch + ch : ch;
  const from = i + delimiter.length;
  if (from >= src.length || /\s/.test(src[from]!)) return null;
  let close = src.indexOf(delimiter, from + 1);
  while (close >= 0) {
    const badEdge = /\s/.test(src[close - 1]!) || src[close + delimiter.length] === ch || (delimiter.length === 1 && src[close - 1] === ch);
    const intraword = ch === '_' && close + delimiter.length < src.length && WORD.test(src[close + delimiter.length]!);
    if (!badEdge && !intraword) break;
    close = src.indexOf(delimiter, close + 1);
  }
  if (close < 0) return null;
  const tag = delimiter.length === 2 ? 'strong' : 'em';
  return { html: `<${tag}>${inline(src.slice(from, close))}</${tag}>`, end: close + delimiter.length };
}
