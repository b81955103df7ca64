// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { saveFile } from './save-file.js';

describe('saveFile', () => {
  afterEach(() => vi.restoreAllMocks());

  it('clicks a link to an object URL with the file name, and leaves nothing in the page', () => {
    const clicked: { href: string; download: string }[] = [];
    vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:test/1');
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicked.push({ href: this.href, download: this.download });
    });
    saveFile(new Blob(['a,b\n'], { type: 'text/csv' }), 'sessions.csv');
    expect(clicked).toEqual([{ href: 'blob:test/1', download: 'sessions.csv' }]);
    expect(document.querySelectorAll('a').length).toBe(0);
  });
});
