/**
 * Markdown and sanitizing as TensorBoard's plugin_util does them (Python-Markdown with
 * tables and fenced code, then bleach with its allow-list): what renders, what is
 * escaped into visible text, which URLs survive, and the warning about NUL bytes.
 */
import { describe, expect, it } from 'vitest';
import { markdownsToSafeHtml, markdownToSafeHtml, safeHtml } from './safe-html.js';

describe('markdownToSafeHtml', () => {
  it('renders what TensorBoard renders, without surrounding whitespace', () => {
    expect(markdownToSafeHtml('')).toBe('');
    expect(markdownToSafeHtml('# _Results_, **so far**\n\nSee [the run](https://example.org/run/1).\n')).toBe(
      '<h1><em>Results</em>, <strong>so far</strong></h1>\n<p>See <a href="https://example.org/run/1">the run</a>.</p>',
    );
    expect(markdownToSafeHtml('> quoted\u2014with UTF-8')).toBe('<blockquote>\n<p>quoted\u2014with UTF-8</p>\n</blockquote>');
    expect(markdownToSafeHtml('a  \nb\n\n***\n\n1. one\n2. two\n\n- x\n- y')).toBe(
      '<p>a<br>\nb</p>\n<hr>\n<ol>\n<li>one</li>\n<li>two</li>\n</ol>\n<ul>\n<li>x</li>\n<li>y</li>\n</ul>',
    );
    expect(markdownToSafeHtml('snake_case_name and `a < b`')).toBe('<p>snake_case_name and <code>a &lt; b</code></p>');
  });

  it('renders tables, with rows indented as Python-Markdown allows, and no alignment styles', () => {
    const md = ['Scores:', '', 'model | accuracy', '----- | -------:', '      small |    0.91', '      large |    0.95', '', 'Done.'].join('\n');
    expect(markdownToSafeHtml(md)).toBe(
      '<p>Scores:</p>\n<table>\n<thead>\n<tr>\n<th>model</th>\n<th>accuracy</th>\n</tr>\n</thead>\n<tbody>\n' +
        '<tr>\n<td>small</td>\n<td>0.91</td>\n</tr>\n<tr>\n<td>large</td>\n<td>0.95</td>\n</tr>\n</tbody>\n</table>\n<p>Done.</p>',
    );
  });

  it('renders fenced code without its language class, escaped', () => {
    expect(markdownToSafeHtml('```python\nprint("<b>")\n```')).toBe('<pre><code>print("&lt;b&gt;")\n</code></pre>');
  });

  it('leaves what Python-Markdown does not know as text: strikethrough, typography, bare URLs', () => {
    expect(markdownToSafeHtml('~~old~~ "quoted" -- (c) www.example.com')).toBe('<p>~~old~~ "quoted" -- (c) www.example.com</p>');
  });

  it('keeps allowed HTML and escapes any other tag into text, attributes and all', () => {
    expect(markdownToSafeHtml('Read <a href="http://example.com" title="the docs">this</a>!')).toBe('<p>Read <a href="http://example.com" title="the docs">this</a>!</p>');
    expect(markdownToSafeHtml('an old <blink>tag</blink>; <a name="x" href="https://ok.example">link</a>')).toBe(
      '<p>an old &lt;blink&gt;tag&lt;/blink&gt;; <a href="https://ok.example">link</a></p>',
    );
    expect(markdownToSafeHtml('<div class="note" onclick="steal()">raw</div>')).toBe('&lt;div class="note" onclick="steal()"&gt;raw&lt;/div&gt;');
    expect(markdownToSafeHtml('<script>alert("x")</script><style>p{}</style>')).toBe('&lt;script&gt;alert("x")&lt;/script&gt;&lt;style&gt;p{}&lt;/style&gt;');
    expect(markdownToSafeHtml('<img src=x onerror=alert(1)> <svg onload=alert(1)></svg>')).toBe('<p><img src="x"> &lt;svg onload="alert(1)"&gt;&lt;/svg&gt;</p>');
    expect(markdownToSafeHtml('<iframe src="https://example.org"></iframe>')).toBe('&lt;iframe src="https://example.org"&gt;&lt;/iframe&gt;');
    expect(markdownToSafeHtml('<!-- a comment --> visible')).toBe(' visible');
    // Text inside an escaped <script> reads as written: quotes are not entities (Python-Markdown escapes only &, <, >).
    expect(markdownToSafeHtml('Plain <script>window.x = "y"</script> text.')).toBe('<p>Plain &lt;script&gt;window.x = "y"&lt;/script&gt; text.</p>');
  });

  it('keeps http(s), mailto and relative URLs only; other links keep their text', () => {
    expect(markdownToSafeHtml('A [sketchy link](javascript:alert(1)) for you')).toBe('<p>A <a>sketchy link</a> for you</p>');
    const links = ['JaVaScRiPt:alert(1)', 'java&#115;cript:alert(1)', ' javascript:alert(1)', 'vbscript:x', 'data:text/html,hi', 'ftp://x.example', '//cdn.example/x', 'mailto:me@example.org', 'runs/1'];
    const html = safeHtml(links.map((href, i) => `<a href="${href}">${i}</a>`).join(' '));
    expect(html).toBe(
      '<a>0</a> <a>1</a> <a>2</a> <a>3</a> <a>4</a> <a>5</a> <a href="//cdn.example/x">6</a> <a href="mailto:me@example.org">7</a> <a href="runs/1">8</a>',
    );
  });

  it('writes images as Python-Markdown does (src, title, alt), data URLs dropped', () => {
    expect(markdownToSafeHtml('![loss](https://example.org/loss.png "Loss") ![x](data:image/png;base64,AAAA)')).toBe(
      '<p><img src="https://example.org/loss.png" title="Loss" alt="loss"> <img alt="x"></p>',
    );
  });

  it('reads bytes as UTF-8, drops NUL characters before rendering and says how many', () => {
    const utf32 = new Uint8Array(new Uint32Array([...'un_der_score'].map((c) => c.charCodeAt(0))).buffer);
    expect(markdownToSafeHtml(utf32)).toBe('<!-- WARNING: discarded 36 null bytes in markdown string after UTF-8 decoding -->\n<p>un_der_score</p>');
    expect(markdownToSafeHtml(new TextEncoder().encode('*caf\u00e9*'))).toBe('<p><em>caf\u00e9</em></p>');
    // Bad UTF-8 shows as U+FFFD instead of failing the answer.
    expect(markdownToSafeHtml(Uint8Array.of(0x61, 0xff, 0x62))).toBe('<p>a\ufffdb</p>');
  });
});

describe('markdownsToSafeHtml', () => {
  it('renders each document and sanitizes the combination once', () => {
    expect(markdownsToSafeHtml(['0', '*1*', '**2**'], (xs) => xs.join('<br>'))).toBe('<p>0</p><br><p><em>1</em></p><br><p><strong>2</strong></p>');
    expect(markdownsToSafeHtml(['safe'], (xs) => `<script>alert('unsafe!')</script>${xs[0]}`)).toBe("&lt;script&gt;alert('unsafe!')&lt;/script&gt;<p>safe</p>");
  });
});

describe('safeHtml', () => {
  it('changes nothing but what HTML needs escaped', () => {
    expect(safeHtml('')).toBe('');
    expect(safeHtml('### Epoch 0\nloss **0.7** < 1 & "ok"')).toBe('### Epoch 0\nloss **0.7** &lt; 1 &amp; "ok"');
    expect(safeHtml('Look\u2014UTF-8! un\0der')).toBe('Look\u2014UTF-8! under');
    expect(safeHtml('<blink>x</blink> <a href="javascript:void0" title="t">y</a>')).toBe('&lt;blink&gt;x&lt;/blink&gt; <a title="t">y</a>');
  });
});
