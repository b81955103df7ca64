import { describe, expect, it } from 'vitest';
import { attrText, dtypeShortName, float32Text, MAX_ATTR_TEXT } from './attr-text.js';
import { build, type Plain } from './proto/build.js';

const text = (value: Plain) => attrText(build('AttrValue', value));

describe('attrText', () => {
  it.each<[string, Plain, string]>([
    ['a type', { type: 3 }, 'DT_INT32'],
    ['a string', { s: 'SAME' }, '"SAME"'],
    ['bytes that are not UTF-8', { s: Uint8Array.from([0xff, 0x41]) }, '"\\377A"'],
    ['an int', { i: -1 }, '-1'],
    ['a float', { f: Math.fround(0.001) }, '0.001'],
    ['a bool', { b: false }, 'false'],
    ['a shape', { shape: { dim: [{ size: -1 }, { size: 28 }] } }, '[?,28]'],
    ['a shape of unknown rank', { shape: { unknown_rank: true } }, '<unknown rank>'],
    ['a list of ints', { list: { i: [1, 2, 2, 1] } }, '[1, 2, 2, 1]'],
    ['a list of types', { list: { type: [1, 9] } }, '[DT_FLOAT, DT_INT64]'],
    ['an empty list', { list: {} }, '[]'],
    ['a function', { func: { name: '__inference_f_12' } }, '__inference_f_12'],
    ['a placeholder', { placeholder: 'T' }, '$T'],
    ['a scalar tensor', { tensor: { dtype: 1, tensor_shape: {}, float_val: [Math.fround(0.2)] } }, 'float [] 0.2'],
    ['a small tensor in tensor_content', { tensor: { dtype: 3, tensor_shape: { dim: [{ size: 2 }] }, tensor_content: Uint8Array.from([255, 255, 255, 255, 16, 3, 0, 0]) } }, 'int32 [2] [-1, 784]'],
    ['a string tensor', { tensor: { dtype: 7, tensor_shape: { dim: [{ size: 2 }] }, string_val: ['a', 'b'] } }, 'string [2] ["a", "b"]'],
  ])('%s', (_, value, expected) => {
    expect(text(value)).toEqual({ text: expected, elided: false });
  });

  it('leaves out the contents of large tensors, giving their size', () => {
    const t = text({ tensor: { dtype: 1, tensor_shape: { dim: [{ size: 100 }] }, tensor_content: new Uint8Array(400) } });
    expect(t).toEqual({ text: 'float [100] (411 bytes)', elided: true }); // dtype 2 + shape 6 + content 3 + 400
  });

  it('cuts long text, giving the attr size', () => {
    const t = text({ s: 'x'.repeat(500) });
    expect(t.elided).toBe(true);
    expect(t.text).toBe(`"${'x'.repeat(MAX_ATTR_TEXT - 1)}… (503 bytes)`);
  });

  it('names dtypes and prints float32 values shortly', () => {
    expect([dtypeShortName(1), dtypeShortName(20), dtypeShortName(101), dtypeShortName(0)]).toEqual(['float', 'resource', 'float_ref', 'dtype(0)']);
    expect([float32Text(Math.fround(0.1)), float32Text(1e-7), float32Text(Math.fround(3.4e38))]).toEqual(['0.1', '1e-7', '3.4e+38']);
  });
});
