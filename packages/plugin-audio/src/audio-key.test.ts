import { describe, expect, it } from 'vitest';
import { decodeAudioKey, encodeAudioKey } from './audio-key.js';

describe('audio blob keys', () => {
  it("writes TensorBoard's key byte for byte", () => {
    // From TensorBoard's answer for the tf2-format corpus.
    expect(encodeAudioKey({ run: 'adam/train', tag: 'audio/tone', step: 0, sample: 0 })).toBe('WyIiLCJhdWRpbyIsImFkYW0vdHJhaW4iLCJhdWRpby90b25lIiwwLDBd');
    expect(encodeAudioKey({ run: 'sgd/train', tag: 'audio/tone', step: 4, sample: 1 })).toBe('WyIiLCJhdWRpbyIsInNnZC90cmFpbiIsImF1ZGlvL3RvbmUiLDQsMV0');
  });

  it('escapes non-ASCII as Python does and reads it back', () => {
    const k = { run: 'läufe/🎵', tag: 'ton', step: 12, sample: 3 };
    expect(Buffer.from(encodeAudioKey(k), 'base64url').toString()).toBe('["","audio","l\\u00e4ufe/\\ud83c\\udfb5","ton",12,3]');
    expect(decodeAudioKey(encodeAudioKey(k))).toEqual(k);
  });

  it('refuses what is not an audio key, saying what it expected', () => {
    expect(() => decodeAudioKey('%%%')).toThrow(/not an audio key \(expected base64url JSON\)/);
    const images = Buffer.from('["","images","r","t",0,2]').toString('base64url');
    expect(() => decodeAudioKey(images)).toThrow(/does not have the form \["", "audio", run, tag, step, sample\]/);
    const negative = Buffer.from('["","audio","r","t",0,-1]').toString('base64url');
    expect(() => decodeAudioKey(negative)).toThrow(/does not have the form/);
  });
});
