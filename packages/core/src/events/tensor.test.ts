import { describe, expect, it } from 'vitest';
import { bfloat16ToFloat, halfToFloat, tensorFromProto } from './tensor.js';

const shape = (...dims: number[]) => ({ dim: dims.map((size) => ({ size })) });

describe('tensorFromProto', () => {
  it('reads float32 tensor_content little-endian, row-major, with its shape', () => {
    const content = new Uint8Array(Float32Array.of(1.5, -2, 3.25, 0).buffer);
    const t = tensorFromProto({ dtype: 1, tensorShape: shape(2, 2), tensorContent: content });
    expect(t).toMatchObject({ dtype: 'float32', shape: [2, 2] });
    expect(Array.from(t.numbers)).toEqual([1.5, -2, 3.25, 0]);
  });

  it('reads float64 [k,3] histograms as TF2 writes them', () => {
    const content = new Uint8Array(Float64Array.of(-1, 0, 3, 0, 1, 5).buffer);
    const t = tensorFromProto({ dtype: 2, tensorShape: shape(2, 3), tensorContent: content });
    expect(Array.from(t.numbers)).toEqual([-1, 0, 3, 0, 1, 5]);
  });

  it('repeats the last typed value to fill the shape, as TensorFlow stores constants', () => {
    const t = tensorFromProto({ dtype: 3, tensorShape: shape(4), intVal: [7, 9] });
    expect(Array.from(t.numbers)).toEqual([7, 9, 9, 9]);
  });

  it('reads a float scalar from float_val with an empty shape', () => {
    const t = tensorFromProto({ dtype: 1, tensorShape: shape(), floatVal: [0.25] });
    expect(t.shape).toEqual([]);
    expect(Array.from(t.numbers)).toEqual([0.25]);
  });

  it('reads int64 content exactly below 2^53 and booleans as 0/1', () => {
    const content = new Uint8Array(BigInt64Array.of(-3n, 2n ** 40n).buffer);
    expect(Array.from(tensorFromProto({ dtype: 9, tensorShape: shape(2), tensorContent: content }).numbers)).toEqual([-3, 2 ** 40]);
    expect(Array.from(tensorFromProto({ dtype: 10, tensorShape: shape(2), boolVal: [true, false] }).numbers)).toEqual([1, 0]);
  });

  it('keeps string elements as bytes', () => {
    const t = tensorFromProto({ dtype: 7, tensorShape: shape(3), stringVal: [Uint8Array.of(50, 56), Uint8Array.of(50, 56), Uint8Array.of(0x89)] });
    expect(t.dtype).toBe('string');
    expect(t.strings.map((s) => Array.from(s))).toEqual([[50, 56], [50, 56], [0x89]]);
  });

  it('copies string elements out of the buffer they were decoded from', () => {
    const source = Uint8Array.of(65, 66);
    const t = tensorFromProto({ dtype: 7, tensorShape: shape(1), stringVal: [source] });
    source.fill(0);
    expect(Array.from(t.strings[0]!)).toEqual([65, 66]);
  });

  it('gives unknown dtypes no elements rather than failing', () => {
    expect(tensorFromProto({ dtype: 21, tensorShape: shape(1) })).toMatchObject({ dtype: 'unknown' });
  });
});

describe('half and bfloat16 bits', () => {
  it.each([
    [0x3c00, 1],
    [0xc000, -2],
    [0x7bff, 65504],
    [0x0001, 2 ** -24],
    [0x7c00, Infinity],
    [0xfc00, -Infinity],
  ])('half 0x%s is %s', (bits, value) => {
    expect(halfToFloat(bits)).toBe(value);
  });

  it('half NaN and bfloat16 values', () => {
    expect(halfToFloat(0x7e00)).toBeNaN();
    expect(bfloat16ToFloat(0x3f80)).toBe(1);
    expect(bfloat16ToFloat(0xc0a0)).toBe(-5);
  });
});
