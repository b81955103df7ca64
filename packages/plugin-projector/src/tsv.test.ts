import { describe, expect, it } from 'vitest';
import { cutMetadata, imageContentType, parseTensorTsv, readRawTensor, readTensorFile } from './tsv.js';

const enc = (s: string): Uint8Array => new TextEncoder().encode(s);

describe('parseTensorTsv', () => {
  it("reads rows of tab-separated floats, as TensorBoard: blank lines skipped, CRLF, nan and inf", async () => {
    const t = await parseTensorTsv(enc('1\t2.5\t-3e-2\r\n\n4\tnan\t-inf\n 5 \tInfinity\t0\n'), 'x.tsv');
    expect([t.rows, t.cols]).toEqual([3, 3]);
    expect([...t.data]).toEqual([1, 2.5, Math.fround(-3e-2), 4, NaN, -Infinity, 5, Infinity, 0]);
  });

  it('names the file, line and value that is wrong', async () => {
    await expect(parseTensorTsv(enc('1\t2\n3\tx\n'), 'a.tsv')).rejects.toThrow('a.tsv: line 2: expected a number, found "x"');
    await expect(parseTensorTsv(enc('1\t2\n3\n'), 'a.tsv')).rejects.toThrow('a.tsv: line 2: expected 2 tab-separated values (as line 1), found 1');
    await expect(parseTensorTsv(enc('1\t\n'), 'a.tsv')).rejects.toThrow('line 1: expected a number, found ""');
    await expect(parseTensorTsv(enc('\n\n'), 'a.tsv')).rejects.toThrow('expected at least one row');
  });

  it('parses a big TSV in slices, letting other work run between them, with line numbers right across slices', async () => {
    const rows = 20_000;
    const cols = 16;
    const line = (r: number): string => Array.from({ length: cols }, (_, c) => String(r * cols + c)).join('\t');
    const text = Array.from({ length: rows }, (_, r) => line(r)).join('\n');
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    const t0 = performance.now();
    const t = await parseTensorTsv(enc(text), 'big.tsv');
    const ms = performance.now() - t0;
    clearInterval(timer);
    expect([t.rows, t.cols]).toEqual([rows, cols]);
    expect(t.data[rows * cols - 1]).toBe(rows * cols - 1);
    expect(ticks, `the event loop ran during a ${ms.toFixed(0)} ms parse of ${(text.length / 1e6).toFixed(1)} MB`).toBeGreaterThan(0);
    await expect(parseTensorTsv(enc(`${text}\nbad`), 'big.tsv')).rejects.toThrow(`big.tsv: line ${rows + 1}:`);
  });
});

describe('raw float32 tensors', () => {
  it('reads bytes that are not UTF-8 as float32 of the configured shape', async () => {
    const values = Float32Array.of(1.5, -2, 3e30, NaN, 0.1, 7);
    const bytes = new Uint8Array(values.buffer);
    const t = await readTensorFile(bytes, [3, 2], 'x.bytes');
    expect([t.rows, t.cols]).toEqual([3, 2]);
    expect(t.data).toEqual(values);
  });

  it('needs a 2-D shape that matches the size', () => {
    const bytes = new Uint8Array(24);
    expect(() => readRawTensor(bytes, [], 'x.bytes')).toThrow('x.bytes: a binary tensor file needs a 2-D tensor_shape in the config, found []');
    expect(() => readRawTensor(bytes, [4, 2], 'x.bytes')).toThrow('expected 4 x 2 float32 values (32 bytes), found 24 bytes');
  });
});

describe('cutMetadata', () => {
  it('keeps a header line when the first line has a tab (more than one column)', () => {
    const multi = enc('label\tsplit\n4\ttest\n2\tval\n1\tval\n');
    expect(new TextDecoder().decode(cutMetadata(multi, 2))).toBe('label\tsplit\n4\ttest\n2\tval\n');
    const single = enc('4\n2\n1\n');
    expect(new TextDecoder().decode(cutMetadata(single, 2))).toBe('4\n2\n');
    expect(cutMetadata(single, undefined)).toBe(single);
    expect(cutMetadata(single, 10)).toBe(single);
  });
});

it('tells sprite image types by their first bytes', () => {
  expect(imageContentType(Uint8Array.of(0x89, 0x50, 0x4e, 0x47))).toBe('image/png');
  expect(imageContentType(Uint8Array.of(0xff, 0xd8, 0xff))).toBe('image/jpeg');
  expect(imageContentType(enc('GIF89a'))).toBe('image/gif');
  expect(imageContentType(enc('BM..'))).toBe('image/bmp');
  expect(imageContentType(enc('hello'))).toBe('application/octet-stream');
});
