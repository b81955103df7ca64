import { describe, expect, it } from 'vitest';
import { csvRow, formatG, pythonJson, pythonStr } from './python-format.js';

describe("formatG, as Python '%.3g'", () => {
  it.each([
    [0.001, '0.001'],
    [1234, '1.23e+03'],
    [32, '32'],
    [128, '128'],
    [0.8039000034332275, '0.804'],
    [1.1257576942443848, '1.13'],
    [1e-5, '1e-05'],
    [0.0001, '0.0001'],
    [999.6, '1e+03'],
    [0.00012345, '0.000123'],
    [-0.5, '-0.5'],
    [0, '0'],
    // Exact ties round to even in Python (JavaScript's toPrecision rounds them up).
    [1.125, '1.12'],
    [1.375, '1.38'],
    [2.5, '2.5'],
    [1002.5, '1e+03'],
  ])('%s -> %s', (x, text) => expect(formatG(x, 3)).toBe(text));
});

describe('csv rows, as Python csv.writer', () => {
  it('writes floats by repr, booleans as True/False, None as nothing, \\r\\n after each row', () => {
    expect(csvRow([0.1, 32, true, false, null, 'adam'])).toBe('0.1,32.0,True,False,,adam\r\n');
  });
  it('quotes fields with commas, quotes or line breaks, doubling quotes', () => {
    expect(csvRow(['a,b', 'say "hi"', 'x\ny', 'plain'])).toBe('"a,b","say ""hi""","x\ny",plain\r\n');
  });
  it('writes a row of one empty field as ""', () => {
    expect(csvRow([''])).toBe('""\r\n');
    expect(csvRow([null])).toBe('""\r\n');
  });
  it('says str() of each cell', () => expect([1e-5, 'é'].map(pythonStr)).toEqual(['1e-05', 'é']));
});

describe('pythonJson, as json.dumps after TensorBoard cleans NaN', () => {
  it('writes floats by repr with Python separators', () => {
    expect(pythonJson({ header: ['a', 'b'], rows: [[32, 0.5, true, null, '']] })).toBe('{"header": ["a", "b"], "rows": [[32.0, 0.5, true, null, ""]]}');
  });
  it('writes NaN and infinities as strings and escapes non-ASCII', () => {
    expect(pythonJson([NaN, Infinity, -Infinity, 'é\u{1F600}\n"'])).toBe('["NaN", "Infinity", "-Infinity", "\\u00e9\\ud83d\\ude00\\n\\""]');
  });
});
