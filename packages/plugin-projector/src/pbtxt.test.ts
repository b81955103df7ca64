import { describe, expect, it } from 'vitest';
import { configToJson, parseCheckpointState, parseProjectorConfig } from './config.js';
import { parseTextProto, TextFormatError } from './pbtxt.js';

describe('parseTextProto', () => {
  it('reads fields, nested messages in both brackets, lists, comments and separators', () => {
    const m = parseTextProto(`# a comment
      a: "x" 'y'  # adjacent strings join
      b: -12, c: 0x1f; d: 1.5e2 e: inf f: -nan g: ENUM_VALUE
      h { i: 1 } j: < k: "z" >
      l: [1, 2, 3] m: [{ n: 1 }, { n: 2 }]`);
    const v = m.fields.map((f) => [f.name, f.value.kind === 'message' ? f.value.value.fields.map((g) => g.name).join() : f.value.value]);
    expect(v).toEqual([
      ['a', 'xy'], ['b', -12], ['c', 31], ['d', 150], ['e', Infinity], ['f', NaN], ['g', 'ENUM_VALUE'],
      ['h', 'i'], ['j', 'k'], ['l', 1], ['l', 2], ['l', 3], ['m', 'n'], ['m', 'n'],
    ]);
  });

  it('unescapes C escapes, octal and hex bytes as UTF-8', () => {
    const [f] = parseTextProto(String.raw`s: "a\tb\n\"q\" \x41\101 \303\251 é"`).fields;
    expect(f!.value).toEqual({ kind: 'string', value: 'a\tb\n"q" AA é é' });
  });

  it('says where and what was expected when the text is wrong', () => {
    expect(() => parseTextProto('a: "open')).toThrow(/line 1: expected the closing " of a string/);
    expect(() => parseTextProto('a {\n b: 1')).toThrow(/line 2: expected "}" to close a message, found the end of the text/);
    expect(() => parseTextProto('a b')).toThrow(/expected ":" or "\{" after the field name a, found "b"/);
    expect(() => parseTextProto('a: }')).toThrow(TextFormatError);
    expect(() => parseTextProto('a: [1 2]')).toThrow(/expected "," or "\]" in the list of a/);
  });

  it('reads empty text as an empty message', () => {
    expect(parseTextProto('').fields).toEqual([]);
    expect(parseTextProto('  # only a comment\n').fields).toEqual([]);
  });
});

describe('parseProjectorConfig', () => {
  it("reads PyTorch's add_embedding config and writes TensorBoard's JSON", () => {
    const config = parseProjectorConfig(`embeddings {
  tensor_name: "digits:00000"
  metadata_path: "00000/digits/metadata.tsv"
  sprite {
    image_path: "00000/digits/sprite.png"
    single_image_dim: 28
    single_image_dim: 28
  }
  tensor_path: "00000/digits/tensors.tsv"
}
model_checkpoint_path: "model.ckpt-1"`);
    expect(configToJson(config)).toEqual({
      modelCheckpointPath: 'model.ckpt-1',
      embeddings: [{ tensorName: 'digits:00000', metadataPath: '00000/digits/metadata.tsv', sprite: { imagePath: '00000/digits/sprite.png', singleImageDim: [28, 28] }, tensorPath: '00000/digits/tensors.tsv' }],
    });
    expect(Object.keys(configToJson(config))).toEqual(['modelCheckpointPath', 'embeddings']);
  });

  it('refuses unknown fields and values of the wrong type, naming them', () => {
    expect(() => parseProjectorConfig('embeddings { tensor_nam: "a" }')).toThrow(/EmbeddingInfo has no field "tensor_nam" \(expected one of tensor_name,/);
    expect(() => parseProjectorConfig('embeddings { tensor_shape: -1 }')).toThrow(/tensor_shape expects an unsigned 32-bit integer, found -1/);
    expect(() => parseProjectorConfig('model_checkpoint_path: 3')).toThrow(/model_checkpoint_path expects a string, found 3/);
    expect(() => parseProjectorConfig('embeddings: "a"')).toThrow(/embeddings expects a message/);
  });

  it('reads an empty config as no embeddings', () => {
    expect(configToJson(parseProjectorConfig(''))).toEqual({});
  });
});

it('reads the latest prefix from a `checkpoint` state file', () => {
  expect(parseCheckpointState('model_checkpoint_path: "keras_embedding.ckpt-9"\nall_model_checkpoint_paths: "keras_embedding.ckpt-9"\n')).toBe('keras_embedding.ckpt-9');
  expect(parseCheckpointState('all_model_checkpoint_paths: "a"')).toBeNull();
});
