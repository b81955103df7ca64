import { describe, expect, it } from 'vitest';
import { encodeLayout } from './custom-scalars.js';

describe('encodeLayout', () => {
  it('writes Layout.category (field 2) with its charts, multiline and margin', () => {
    const bytes = encodeLayout({
      categories: [{ title: 'c', charts: [{ title: 'm', multiline: ['a'] }, { title: 'g', margin: [{ value: 'v', lower: 'l', upper: 'u' }] }], closed: true }],
    });
    // Layout: field 2 (category), length-delimited; Category: title "c", charts, closed.
    expect(bytes[0]).toBe((2 << 3) | 2);
    const text = Buffer.from(bytes).toString('latin1');
    for (const s of ['c', 'm', 'a', 'g', 'v', 'l', 'u']) expect(text).toContain(s);
    expect(bytes[bytes.length - 2]).toBe((3 << 3) | 0);
    expect(bytes[bytes.length - 1]).toBe(1);
  });
});
