import { describe, expect, it } from 'vitest';
import { markdownToSafeHtml } from './markdown.js';

describe('markdownToSafeHtml', () => {
  it('wraps text in paragraphs, as TensorBoard renders a description', () => {
    expect(markdownToSafeHtml('Exponential decay')).toBe('<p>Exponential decay</p>');
    expect(markdownToSafeHtml('first\nline two\n\n  second  ')).toBe('<p>first\nline two</p>\n<p>second</p>');
  });

  it('leaves an empty description empty', () => {
    expect(markdownToSafeHtml('')).toBe('');
    expect(markdownToSafeHtml(' \n\n ')).toBe('');
  });

  it('renders emphasis, strong and code', () => {
    expect(markdownToSafeHtml('a *b* _c_ **d** __e__ `f*g*`')).toBe('<p>a <em>b</em> <em>c</em> <strong>d</strong> <strong>e</strong> <code>f*g*</code></p>');
    expect(markdownToSafeHtml('*a **b** c*')).toBe('<p><em>a <strong>b</strong> c</em></p>');
    expect(markdownToSafeHtml('``code with ` inside``')).toBe('<p><code>code with ` inside</code></p>');
  });

  it('leaves underscores inside words and lone markers alone', () => {
    expect(markdownToSafeHtml('batch_loss_total and 2 * 3 * 4')).toBe('<p>batch_loss_total and 2 * 3 * 4</p>');
    expect(markdownToSafeHtml('\\*not em\\*')).toBe('<p>*not em*</p>');
  });

  it('links http(s) only', () => {
    expect(markdownToSafeHtml('see [the paper](https://arxiv.org/abs/1?a=1&b="2")')).toBe(
      '<p>see <a href="https://arxiv.org/abs/1?a=1&amp;b=&quot;2&quot;">the paper</a></p>',
    );
    expect(markdownToSafeHtml('[x](javascript:alert(1))')).toBe('<p>[x](javascript:alert(1))</p>');
    expect(markdownToSafeHtml('[click](javascript:alert)')).toBe('<p>click</p>');
    expect(markdownToSafeHtml('[data](data:text/html,hi)')).toBe('<p>data</p>');
  });

  it('escapes every HTML', () => {
    expect(markdownToSafeHtml('<script>alert("x")</script> & <img src=x onerror=y>')).toBe(
      '<p>&lt;script&gt;alert("x")&lt;/script&gt; &amp; &lt;img src=x onerror=y&gt;</p>',
    );
    expect(markdownToSafeHtml('*<b>*')).toBe('<p><em>&lt;b&gt;</em></p>');
    expect(markdownToSafeHtml('`<b>`')).toBe('<p><code>&lt;b&gt;</code></p>');
    expect(markdownToSafeHtml('[<i>](https://x.org/"><script>)')).toBe('<p><a href="https://x.org/&quot;&gt;&lt;script&gt;">&lt;i&gt;</a></p>');
  });
});
