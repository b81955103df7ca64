import { describe, expect, it } from 'vitest';
import { decodeImageKey, encodeImageKey } from './image-key.js';

describe('image keys', () => {
  it("are TensorBoard's keys", () => {
    expect(encodeImageKey({ run: 'adam/train', tag: 'sample_digits', step: 0, index: 2 })).toBe('WyIiLCJpbWFnZXMiLCJhZGFtL3RyYWluIiwic2FtcGxlX2RpZ2l0cyIsMCwyXQ');
    expect(decodeImageKey('WyIiLCJpbWFnZXMiLCJzZ2QvdHJhaW4iLCJzYW1wbGVfZGlnaXRzIiw0LDJd')).toEqual({ run: 'sgd/train', tag: 'sample_digits', step: 4, index: 2 });
  });

  it('escape non-ASCII as Python does, and round-trip', () => {
    const k = { run: 'läufe/δ', tag: '图像', step: 12, index: 3 };
    const key = encodeImageKey(k);
    expect(Buffer.from(key, 'base64url').toString()).toBe('["","images","l\\u00e4ufe/\\u03b4","\\u56fe\\u50cf",12,3]');
    expect(decodeImageKey(key)).toEqual(k);
  });

  it('refuse anything else with a reason', () => {
    expect(() => decodeImageKey('not a key!')).toThrow('is not an image key');
    expect(() => decodeImageKey(Buffer.from('["", "audio", "r", "t", 0, 2]').toString('base64url'))).toThrow('does not have the form');
    expect(() => decodeImageKey(Buffer.from('["", "images", "r", "t", 0.5, 2]').toString('base64url'))).toThrow('does not have the form');
  });
});
