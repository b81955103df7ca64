import { describe, expect, it } from 'vitest';
import { build } from './build.js';
import { byteSize } from './byte-size.js';
import { decodeMessage, decodeMessageAsync, msgOf, WireError } from './decode.js';
import { encodeMessage } from './encode.js';
import { isLazy, list, mapOf, num, slotOf, str } from './message.js';
import { toTextFormat } from './text-format.js';
import type { Pace } from '../pace.js';

const bytes = (...b: number[]) => Uint8Array.from(b);

describe('decodeMessage on fixed bytes', () => {
  it('reads varints of every width, negative ones as ten bytes', () => {
    // Dim { size: -1 }, Dim { size: 300 }, Dim { size: 2^53 + 1 }
    expect(num(decodeMessage('TensorShapeProto.Dim', bytes(0x08, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01)), 'size')).toBe(-1);
    expect(num(decodeMessage('TensorShapeProto.Dim', bytes(0x08, 0xac, 0x02)), 'size')).toBe(300);
    const big = slotOf(decodeMessage('TensorShapeProto.Dim', bytes(0x08, 0x81, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x10)), 'size');
    expect(big).toBe(2n ** 53n + 1n);
    // VersionDef { producer: -2 } (int32, sign-extended)
    expect(num(decodeMessage('VersionDef', bytes(0x08, 0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01)), 'producer')).toBe(-2);
  });

  it('reads packed and unpacked repeated numbers alike, floats as float32', () => {
    // TensorProto { float_val: [1.5, 0.2] packed, int_val: 7, int_val: 8 unpacked }
    const t = decodeMessage('TensorProto', bytes(0x2a, 0x08, 0x00, 0x00, 0xc0, 0x3f, 0xcd, 0xcc, 0x4c, 0x3e, 0x38, 0x07, 0x38, 0x08));
    expect(list(t, 'float_val')).toEqual([1.5, Math.fround(0.2)]);
    expect(list(t, 'int_val')).toEqual([7, 8]);
  });

  it('keeps the last map entry of a key and the last oneof member set', () => {
    // NodeDef { attr { key: "a" value { i: 1 } } attr { key: "a" value { b: true } } }
    const node = decodeMessage('NodeDef', bytes(0x2a, 0x07, 0x0a, 0x01, 0x61, 0x12, 0x02, 0x18, 0x01, 0x2a, 0x07, 0x0a, 0x01, 0x61, 0x12, 0x02, 0x28, 0x01));
    const a = msgOf(mapOf(node, 'attr').get('a'))!;
    expect(slotOf(a, 'b')).toBe(true);
    expect(slotOf(a, 'i')).toBeUndefined();
    // AttrValue { s: "x" i: 0 }: the oneof ends on i, present at its default.
    const v = decodeMessage('AttrValue', bytes(0x12, 0x01, 0x78, 0x18, 0x00));
    expect(slotOf(v, 's')).toBeUndefined();
    expect(toTextFormat(v)).toBe('i: 0\n');
  });

  it('merges a singular message that appears twice, as protobuf does', () => {
    // GraphDef { versions { producer: 3 } versions { min_consumer: 1 } }
    const g = decodeMessage('GraphDef', bytes(0x22, 0x02, 0x08, 0x03, 0x22, 0x02, 0x10, 0x01));
    expect(toTextFormat(g)).toBe('versions {\n  producer: 3\n  min_consumer: 1\n}\n');
  });

  it('skips unknown fields (and a known field with the wrong wire type), counting their bytes', () => {
    // NodeDef { 99: "ab", name(wire type 0): 5, 20: fixed32, 21: fixed64, op: "X" }
    const node = decodeMessage('NodeDef', bytes(0x9a, 0x06, 0x02, 0x61, 0x62, 0x08, 0x05, 0xa5, 0x01, 1, 2, 3, 4, 0xa9, 0x01, 1, 2, 3, 4, 5, 6, 7, 8, 0x12, 0x01, 0x58));
    expect(str(node, 'op')).toBe('X');
    expect(str(node, 'name')).toBe('');
    expect(node.unknownBytes).toBe(5 + 2 + 6 + 10);
    expect(byteSize(node)).toBe(3 + node.unknownBytes);
  });

  it("keeps a node's attr values as wire bytes until read", () => {
    // NodeDef { attr { key: "a" value { i: 1 } } }
    const node = decodeMessage('NodeDef', bytes(0x2a, 0x07, 0x0a, 0x01, 0x61, 0x12, 0x02, 0x18, 0x01));
    const raw = mapOf(node, 'attr').get('a');
    expect(isLazy(raw)).toBe(true);
    expect(num(msgOf(raw)!, 'i')).toBe(1);
    expect(byteSize(node)).toBe(9);
  });

  it('decodes UTF-8 names, and bytes as views of the input', () => {
    const node = decodeMessage('NodeDef', bytes(0x0a, 0x02, 0xc3, 0xa9, 0x2a, 0x08, 0x0a, 0x01, 0x73, 0x12, 0x03, 0x12, 0x01, 0xff));
    expect(str(node, 'name')).toBe('é');
    const s = slotOf(msgOf(mapOf(node, 'attr').get('s'))!, 's') as Uint8Array;
    expect(Array.from(s)).toEqual([0xff]);
  });

  it.each([
    ['a length past the end', bytes(0x0a, 0x05, 0x61)],
    ['a varint cut short', bytes(0x08, 0xff)],
    ['a varint of 11 bytes', bytes(0x08, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01)],
    ['wire type 7', bytes(0x0f)],
    ['an unterminated group', bytes(0x0b, 0x08, 0x01)],
  ])('refuses %s with a WireError that says where', (_, input) => {
    expect(() => decodeMessage('NodeDef', input)).toThrow(WireError);
    expect(() => decodeMessage('NodeDef', input)).toThrow(/byte|group|wire type/);
  });
});

describe('encode, size and decode agree', () => {
  const graph = build('GraphDef', {
    node: [
      {
        name: 'scope/w',
        op: 'Const',
        device: '/device:CPU:0',
        attr: {
          value: { tensor: { dtype: 1, tensor_shape: { dim: [{ size: 2 }] }, float_val: [0.5, Math.fround(-1e-7)], int64_val: [-1, 2n ** 60n] } },
          dtype: { type: 1 },
          empty: { s: '' },
          f: { func: { name: 'fn', attr: { x: { list: { shape: [{ unknown_rank: true }] } } } } },
        },
        experimental_type: { type_id: 1000, args: [{ type_id: 210 }], s: 'named' },
      },
      { name: 'scope/y', op: 'Identity', input: ['scope/w', '^scope/w:1'] },
    ],
    versions: { producer: 1286, min_consumer: 12, bad_consumers: [-3, 4] },
    library: { function: [{ signature: { name: 'fn', input_arg: [{ name: 'x', type: 1 }] }, ret: { y: 'x' }, arg_attr: new Map([[0, { attr: {} }]]) }] },
    debug_info: { files: ['a.py'], name_to_trace_id: { n: 2n ** 63n }, frames_by_id: new Map([[5, { line: 0 }]]) },
  });

  it('gives encodeMessage().length as byteSize()', () => {
    expect(byteSize(graph)).toBe(encodeMessage(graph).length);
  });

  it('reads back the same text', () => {
    expect(toTextFormat(decodeMessage('GraphDef', encodeMessage(graph)))).toBe(toTextFormat(graph));
  });

  it('reads the same when pausing between the big fields elements', async () => {
    let pauses = 0;
    const always: Pace = { due: () => true, pause: async () => void pauses++ };
    const decoded = await decodeMessageAsync('GraphDef', encodeMessage(graph), always);
    expect(toTextFormat(decoded)).toBe(toTextFormat(graph));
    expect(pauses).toBe(2 + 1 + 1); // two nodes, the library, its function
  });
});
