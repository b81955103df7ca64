import { describe, expect, it } from 'vitest';
import { resolveAssetPath } from './paths.js';

describe('resolveAssetPath', () => {
  it('resolves relative to the config directory', () => {
    expect(resolveAssetPath('00000/digits/tensors.tsv', '.', '/logs')).toBe('00000/digits/tensors.tsv');
    expect(resolveAssetPath('./m.tsv', 'run1', '/logs')).toBe('run1/m.tsv');
    expect(resolveAssetPath('../shared/m.tsv', 'run1', '/logs')).toBe('shared/m.tsv');
  });

  it('accepts an absolute path under the log root', () => {
    expect(resolveAssetPath('/logs/run1/m.tsv', 'run1', '/logs')).toBe('run1/m.tsv');
    expect(resolveAssetPath('/logs/run1/m.tsv', 'run1', '/logs/')).toBe('run1/m.tsv');
  });

  it('accepts an s3:// URL under an s3:// log root (TensorFlow writes them absolute there), and no other bucket', () => {
    expect(resolveAssetPath('s3://bkt/exp/run1/m.tsv', 'run1', 's3://bkt/exp')).toBe('run1/m.tsv');
    expect(() => resolveAssetPath('s3://other/exp/run1/m.tsv', 'run1', 's3://bkt/exp')).toThrow(/outside the log root/);
    expect(() => resolveAssetPath('s3://bkt/exp2/m.tsv', '.', 's3://bkt/exp')).toThrow(/outside the log root/);
  });

  it('refuses paths that leave the log root, naming the path and the config', () => {
    const outside = /the path "(.*)" in (.*)projector_config.pbtxt is outside the log root/;
    expect(() => resolveAssetPath('../secret.tsv', '.', '/logs')).toThrow(outside);
    expect(() => resolveAssetPath('../../etc/passwd', 'run1', '/logs')).toThrow('the path "../../etc/passwd" in run1/projector_config.pbtxt is outside the log root');
    expect(() => resolveAssetPath('/etc/passwd', '.', '/logs')).toThrow(outside);
    expect(() => resolveAssetPath('/logs2/x.tsv', '.', '/logs')).toThrow(outside);
    expect(() => resolveAssetPath('~/x.tsv', '.', '/logs')).toThrow(outside);
    expect(() => resolveAssetPath('a/../../x', '.', '/logs')).toThrow(outside);
  });

  it('answers 400', () => {
    try {
      resolveAssetPath('/etc/passwd', '.', '/logs');
    } catch (err) {
      expect((err as { status: number }).status).toBe(400);
    }
    expect.assertions(1);
  });
});
