import { describe, expect, it } from 'vitest';
import { build } from './build.js';
import { decodeMessage } from './decode.js';
import { newMsg, setField } from './message.js';
import { escapeBytes, escapeString, pythonFloatRepr, toTextFormat, toTextFormatAsync } from './text-format.js';
import type { Pace } from '../pace.js';

describe('pythonFloatRepr', () => {
  it.each([
    [0, '0.0'],
    [-0, '-0.0'],
    [1, '1.0'],
    [-2.5, '-2.5'],
    [0.1, '0.1'],
    [1e-7, '1e-07'],
    [1.5e-5, '1.5e-05'],
    [0.0001, '0.0001'],
    [123456789, '123456789.0'],
    [1e15, '1000000000000000.0'],
    [1e16, '1e+16'],
    [1.2345e22, '1.2345e+22'],
    [5e-324, '5e-324'],
    [1.7976931348623157e308, '1.7976931348623157e+308'],
    [Math.fround(0.2), '0.20000000298023224'],
    [Math.fround(1e-7), '1.0000000116860974e-07'],
    [Infinity, 'inf'],
    [-Infinity, '-inf'],
    [NaN, 'nan'],
  ])('%s -> %s', (x, text) => {
    expect(pythonFloatRepr(x)).toBe(text);
  });
});

describe('escaping', () => {
  it('escapes quotes, backslashes and control characters C-style', () => {
    expect(escapeString('say "hi"\n\'x\'\t\\ \r')).toBe('say \\"hi\\"\\n\\\'x\\\'\\t\\\\ \\r');
  });
  it('writes other bytes outside printable ASCII as three octal digits, UTF-8 included', () => {
    expect(escapeBytes(Uint8Array.from([0, 7, 0x1f, 0x7f, 0x80, 0xff, 0x41]))).toBe('\\000\\007\\037\\177\\200\\377A');
    expect(escapeString('é→')).toBe('\\303\\251\\342\\206\\222');
    expect(escapeString('plain text, 100%')).toBe('plain text, 100%');
  });
});

describe('toTextFormat', () => {
  it('writes a node as TensorBoard does: fields by number, attrs sorted, nested messages', () => {
    const node = build('NodeDef', {
      input: ['a', '^b'],
      op: 'Conv2D',
      name: 'net/conv "1"',
      attr: {
        strides: { list: { i: [1, 2, 2, 1] } },
        T: { type: 1 },
        padding: { s: 'SAME' },
        _output_shapes: { list: { shape: [{ dim: [{ size: -1 }, { size: 28 }] }, { unknown_rank: true }, {}] } },
      },
    });
    expect(toTextFormat(build('GraphDef', { node: [node], versions: { producer: 22 } }))).toBe(
      [
        'node {',
        '  name: "net/conv \\"1\\""',
        '  op: "Conv2D"',
        '  input: "a"',
        '  input: "^b"',
        '  attr {',
        '    key: "T"',
        '    value {',
        '      type: DT_FLOAT',
        '    }',
        '  }',
        '  attr {',
        '    key: "_output_shapes"',
        '    value {',
        '      list {',
        '        shape {',
        '          dim {',
        '            size: -1',
        '          }',
        '          dim {',
        '            size: 28',
        '          }',
        '        }',
        '        shape {',
        '          unknown_rank: true',
        '        }',
        '        shape {',
        '        }',
        '      }',
        '    }',
        '  }',
        '  attr {',
        '    key: "padding"',
        '    value {',
        '      s: "SAME"',
        '    }',
        '  }',
        '  attr {',
        '    key: "strides"',
        '    value {',
        '      list {',
        '        i: 1',
        '        i: 2',
        '        i: 2',
        '        i: 1',
        '      }',
        '    }',
        '  }',
        '}',
        'versions {',
        '  producer: 22',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('leaves proto3 defaults out but writes oneof members and map keys at their defaults', () => {
    const text = toTextFormat(
      build('NodeDef', { name: '', op: 'X', device: '', attr: { '': { s: '' }, zero: { i: 0 }, f: { f: 0 }, no: { b: false } } }),
    );
    expect(text).toBe(
      'op: "X"\nattr {\n  key: ""\n  value {\n    s: ""\n  }\n}\nattr {\n  key: "f"\n  value {\n    f: 0.0\n  }\n}\n' +
        'attr {\n  key: "no"\n  value {\n    b: false\n  }\n}\nattr {\n  key: "zero"\n  value {\n    i: 0\n  }\n}\n',
    );
  });

  it('writes floats, doubles, large and negative integers, enums by name or number, bytes escaped', () => {
    const tensor = build('TensorProto', {
      dtype: 1,
      tensor_shape: {},
      float_val: [Math.fround(0.1), Math.fround(1e-7), Infinity, -Infinity, NaN, 0, 1],
      double_val: [0.1, 1e300],
      int64_val: [-1, 2n ** 62n, -(2n ** 63n)],
      uint64_val: [2n ** 64n - 1n],
      string_val: [Uint8Array.from([0x22, 0x0a, 0xc3, 0xa9, 0x00])],
    });
    expect(toTextFormat(tensor)).toBe(
      [
        'dtype: DT_FLOAT',
        'tensor_shape {',
        '}',
        'float_val: 0.10000000149011612',
        'float_val: 1.0000000116860974e-07',
        'float_val: inf',
        'float_val: -inf',
        'float_val: nan',
        'float_val: 0.0',
        'float_val: 1.0',
        'double_val: 0.1',
        'double_val: 1e+300',
        'string_val: "\\"\\n\\303\\251\\000"',
        'int64_val: -1',
        'int64_val: 4611686018427387904',
        'int64_val: -9223372036854775808',
        'uint64_val: 18446744073709551615',
        '',
      ].join('\n'),
    );
    expect(toTextFormat(build('TensorProto', { dtype: 9999 }))).toBe('dtype: 9999\n');
    expect(toTextFormat(build('TensorProto', { dtype: 101 }))).toBe('dtype: DT_FLOAT_REF\n');
  });

  it('sorts map keys by code point and numbers by value', () => {
    const fn = build('FunctionDef', {
      ret: { b: 'x', a: 'y', '\u{1F600}': 'z', '\uFFFD': 'w' },
      resource_arg_unique_id: new Map([[10, 1], [2, 0]]),
    });
    expect(toTextFormat(fn)).toBe(
      'ret {\n  key: "a"\n  value: "y"\n}\nret {\n  key: "b"\n  value: "x"\n}\n' +
        'ret {\n  key: "\\357\\277\\275"\n  value: "w"\n}\nret {\n  key: "\\360\\237\\230\\200"\n  value: "z"\n}\n' +
        'resource_arg_unique_id {\n  key: 2\n  value: 0\n}\nresource_arg_unique_id {\n  key: 10\n  value: 1\n}\n',
    );
  });

  it('writes what was decoded: present empty messages, no unknown fields', () => {
    // GraphDef { node { name: "n" attr { key: "k" value { } } } versions { } 99: 7 }
    const bytes = Uint8Array.from([0x0a, 0x0a, 0x0a, 0x01, 0x6e, 0x2a, 0x05, 0x0a, 0x01, 0x6b, 0x12, 0x00, 0x22, 0x00, 0x98, 0x06, 0x07]);
    const graph = decodeMessage('GraphDef', bytes);
    expect(graph.unknownBytes).toBe(3);
    expect(toTextFormat(graph)).toBe('node {\n  name: "n"\n  attr {\n    key: "k"\n    value {\n    }\n  }\n}\nversions {\n}\n');
  });

  it('gives the same text when it pauses between nodes', async () => {
    const graph = newMsg('GraphDef');
    setField(graph, 'node', Array.from({ length: 50 }, (_, i) => build('NodeDef', { name: `n${i}`, op: 'Const' })));
    setField(graph, 'library', build('FunctionDefLibrary', { function: [{ signature: { name: 'f' }, node_def: [{ name: 'x' }, { name: 'y' }] }] }));
    let pauses = 0;
    const always: Pace = { due: () => true, pause: async () => void pauses++ };
    expect(Buffer.from(await toTextFormatAsync(graph, always)).toString('latin1')).toBe(toTextFormat(graph));
    expect(pauses).toBe(50 + 1 + 1 + 2); // the nodes, the library, its function, its two nodes
  });
});
