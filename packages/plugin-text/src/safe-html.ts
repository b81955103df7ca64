/**
 * Markdown to HTML that is safe to put into the page, as TensorBoard makes it for text
 * summaries: markdown rendered (TensorBoard: Python-Markdown with tables and fenced code;
 * here markdown-it, set up to read the same things), then the HTML sanitized with
 * TensorBoard's allow-list (its bleach settings, in ./allow-list.ts; here sanitize-html):
 * only those tags and attributes survive, links and images only with http(s) or mailto URLs (or
 * relative ones), and any other tag is escaped into visible text, not run and not
 * silently dropped. Comments are removed.
 */
import MarkdownIt, { type StateBlock } from 'markdown-it';
import gfmTable from 'markdown-it/lib/rules_block/table.mjs';
import sanitizeHtml from 'sanitize-html';
import { ALLOWED_ATTRIBUTES, ALLOWED_SCHEMES, ALLOWED_TAGS } from './allow-list.js';

/** sanitize-html's options, with two its types lack (sanitize-html 2.18 reads them). */
type SanitizeOptions = sanitizeHtml.IOptions & { readonly preserveEscapedAttributes: boolean; readonly allowedEmptyAttributes: string[] };

const SANITIZE: SanitizeOptions = {
  allowedTags: [...ALLOWED_TAGS],
  allowedAttributes: Object.fromEntries(Object.entries(ALLOWED_ATTRIBUTES).map(([tag, names]) => [tag, [...names]])),
  allowedSchemes: [...ALLOWED_SCHEMES],
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: true,
  // An empty value is kept as bleach keeps it (`<a href="">`).
  allowedEmptyAttributes: ['href', 'title', 'src', 'alt'],
  nonBooleanAttributes: [],
  // bleach's default: a tag not allowed is shown as text, with its attributes.
  disallowedTagsMode: 'escape',
  preserveEscapedAttributes: true,
  allowVulnerableTags: false,
  parseStyleAttributes: false,
};

/** sanitize-html writes void tags XHTML-style (`<br />`); bleach writes `<br>`. */
const XHTML_VOID = /<(br|hr|img)((?: [^<>]*?)?) \/>/g;

/**
 * Sanitizes `unsafe` HTML with TensorBoard's allow-list (its `safe_html`). Nothing
 * else is changed: text outside tags stays as it is, escaped where HTML needs it.
 *
 * @example safeHtml('<b>hi</b> <a href="javascript:x">y</a>') === '&lt;b&gt;hi&lt;/b&gt; <a>y</a>'
 */
export function safeHtml(unsafe: string): string {
  // An HTML5 parser drops NUL characters from text (TensorBoard's bleach does).
  return sanitizeHtml(unsafe.replace(/\0/g, ''), SANITIZE).replace(XHTML_VOID, '<$1$2>');
}

/** Escapes text as Python-Markdown does: `&`, `<` and `>`. */
function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * markdown-it set up as TensorBoard's Python-Markdown reads: raw HTML passes (the
 * sanitizer decides), tables and fenced code on, no strikethrough, typographer or
 * linkify (Python-Markdown has none of them), every link kept for the sanitizer to
 * judge (markdown-it would otherwise print a `javascript:` link as plain markdown
 * source, where TensorBoard shows the link's text), images with their attributes in
 * Python-Markdown's order (src, title, alt), and table rows read wherever they are
 * indented ({@link pythonMarkdownTable}).
 */
function createMarkdown(): MarkdownIt {
  const md = new MarkdownIt({ html: true, linkify: false, typographer: false, breaks: false, xhtmlOut: false });
  md.disable('strikethrough');
  md.block.ruler.at('table', pythonMarkdownTable, { alt: ['paragraph', 'reference'] });
  md.validateLink = () => true;
  // Python-Markdown escapes only &, < and > in text and code (not quotes): the same
  // text inside a tag the sanitizer escapes whole (`<script>`, whose content is read
  // raw) then shows as TensorBoard shows it.
  md.renderer.rules.text = (tokens, idx) => escapeText(tokens[idx]!.content);
  md.renderer.rules.code_inline = (tokens, idx) => `<code>${escapeText(tokens[idx]!.content)}</code>`;
  md.renderer.rules.code_block = (tokens, idx) => `<pre><code>${escapeText(tokens[idx]!.content)}</code></pre>\n`;
  // Fenced code: its language class is not on the allow-list, so none is written.
  md.renderer.rules.fence = (tokens, idx) => `<pre><code>${escapeText(tokens[idx]!.content)}</code></pre>\n`;
  md.renderer.rules.image = (tokens, idx, options, _env, self) => {
    const token = tokens[idx]!;
    const alt = self.renderInlineAsText(token.children ?? [], options, _env);
    const src = token.attrGet('src') ?? '';
    const title = token.attrGet('title');
    const attrs: [string, string][] = [['src', src]];
    if (title) attrs.push(['title', title]);
    attrs.push(['alt', alt]);
    return `<img${attrs.map(([k, v]) => ` ${k}="${md.utils.escapeHtml(v)}"`).join('')}>`;
  };
  return md;
}

/**
 * markdown-it's table rule, except that the delimiter and body rows may be indented
 * by 4 spaces or more (Python-Markdown reads a table as the lines of one block, however
 * indented; CommonMark would end the table there and start a code block, as in
 * TensorBoard's own example of right-aligned numbers). Those lines are read as not
 * indented while the rule runs, and restored after. The body rows are looked at only
 * once the header and delimiter rows make a table, so a long text costs one pass.
 */
function pythonMarkdownTable(state: StateBlock, startLine: number, endLine: number, silent: boolean): boolean {
  const saved: [number, number][] = [];
  const unindent = (line: number) => {
    const indent = state.sCount[line]!;
    if (indent - state.blkIndent < 4) return;
    saved.push([line, indent]);
    state.sCount[line] = state.blkIndent;
  };
  try {
    if (startLine + 1 < endLine) unindent(startLine + 1);
    if (!gfmTable(state, startLine, endLine, true)) return false;
    if (silent) return true;
    for (let line = startLine + 2; line < endLine && !state.isEmpty(line) && state.src.slice(state.bMarks[line], state.eMarks[line]).includes('|'); line++) unindent(line);
    return gfmTable(state, startLine, endLine, false);
  } finally {
    for (const [line, indent] of saved) state.sCount[line] = indent;
  }
}

const markdown = createMarkdown();

const utf8 = new TextDecoder('utf-8', { fatal: false });

/** A markdown source: text, or UTF-8 bytes as a string tensor holds them. */
export type MarkdownSource = string | Uint8Array;

/**
 * Renders several markdown documents and sanitizes what `combine` makes of their HTML,
 * once (TensorBoard's `markdowns_to_safe_html`): a string tensor's cells, each rendered,
 * then laid out as one table. Bytes are read as UTF-8 (bad bytes become U+FFFD) and
 * NUL characters are removed before rendering, with TensorBoard's warning comment
 * saying how many.
 *
 * @example markdownsToSafeHtml(['*a*', 'b'], (cells) => cells.join('<br>')) === '<p><em>a</em></p><br><p>b</p>'
 */
export function markdownsToSafeHtml(sources: readonly MarkdownSource[], combine: (htmls: string[]) => string): string {
  let nulls = 0;
  const htmls = sources.map((source) => {
    let text = typeof source === 'string' ? source : utf8.decode(source);
    if (typeof source !== 'string') {
      const kept = text.replace(/\0/g, '');
      nulls += text.length - kept.length;
      text = kept;
    }
    // Python-Markdown's output has no surrounding whitespace; markdown-it ends blocks with '\n'.
    return markdown.render(text).trim();
  });
  const safe = safeHtml(combine(htmls));
  const warning = nulls ? `<!-- WARNING: discarded ${nulls} null bytes in markdown string after UTF-8 decoding -->\n` : '';
  return warning + safe;
}

/**
 * One markdown document as safe HTML (TensorBoard's `markdown_to_safe_html`).
 *
 * @example markdownToSafeHtml('### Epoch 1\nloss **0.31**') === '<h3>Epoch 1</h3>\n<p>loss <strong>0.31</strong></p>'
 */
export function markdownToSafeHtml(source: MarkdownSource): string {
  return markdownsToSafeHtml([source], (htmls) => htmls[0]!);
}
