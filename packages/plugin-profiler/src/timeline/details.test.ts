import { describe, expect, it } from 'vitest';
import { detailAt, detailCount, NO_DETAILS, packDetails } from './details.js';

describe('packed details', () => {
  it('gives back each text, null where there was none, across non-ASCII and growth', () => {
    const texts = [null, '{"a":1}', '', '{"name":"größe ✓ 𝔼"}', ...Array.from({ length: 500 }, (_, i) => (i % 3 ? `{"i":${i},"pad":"${'x'.repeat(i)}"}` : null))];
    const d = packDetails(texts);
    expect(detailCount(d)).toBe(texts.length);
    texts.forEach((t, i) => expect(detailAt(d, i)).toBe(t ? t : null));
    expect(detailAt(d, -1)).toBeNull();
    expect(detailAt(d, texts.length)).toBeNull();
  });
  it('is two typed arrays (transferable), and empty when there is nothing', () => {
    const d = packDetails(['{"a":1}']);
    expect(d.bytes).toBeInstanceOf(Uint8Array);
    expect(d.offsets).toBeInstanceOf(Uint32Array);
    expect(detailCount(NO_DETAILS)).toBe(0);
  });
});
