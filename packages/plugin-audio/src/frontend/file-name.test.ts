import { describe, expect, it } from 'vitest';
import { clipFileName } from './file-name.js';

describe('clipFileName', () => {
  it('names the tag, run, step and (when a step has several) the sample, with the extension of the encoding', () => {
    expect(clipFileName('audio/tone', 'adam/train', 3, 0, 'audio/wav')).toBe('audio_tone-adam_train-step3.wav');
    expect(clipFileName('audio/tone', 'adam/train', 3, 1, 'audio/wav', 2)).toBe('audio_tone-adam_train-step3-sample2.wav');
    expect(clipFileName('speech', '.', 0, 0, 'application/octet-stream')).toBe('speech-.-step0.bin');
    expect(clipFileName('ä ö', '../x', 1, 0, 'audio/wav')).toBe('_-.._x-step1.wav');
  });
});
