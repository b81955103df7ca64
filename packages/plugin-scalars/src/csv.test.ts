import { describe, expect, it } from 'vitest';
import { csvField, csvRow, seriesCsv } from './csv.js';
import { parseCsv } from './testing/parse-csv.js';

describe('csvField', () => {
  it('quotes only fields with a comma, a quote or a line break, doubling quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('tab\tname')).toBe('tab\tname');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
  });

  it('reads back through a CSV reader', () => {
    const fields = ['a,b', 'say "hi"', 'two\r\nlines', 'percent%20encoded&x=1?y#z', '損失/訓練', ''];
    expect(parseCsv(csvRow(fields) + csvRow(['x']))).toEqual([fields, ['x']]);
  });
});

describe('seriesCsv', () => {
  it('writes the header and Python-formatted numbers with CRLF line ends', () => {
    const csv = seriesCsv({
      step: Float64Array.from([0, 1, 2, 3]),
      wallTime: Float64Array.from([1795464633.7831602, 1795464633.783211, 2, 3]),
      value: Float64Array.from([0, 0.10000000149011612, NaN, -Infinity]),
    });
    expect(csv).toBe('Wall time,Step,Value\r\n1795464633.7831602,0,0.0\r\n1795464633.783211,1,0.10000000149011612\r\n2.0,2,nan\r\n3.0,3,-inf\r\n');
  });
});
