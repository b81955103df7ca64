import { describe, expect, it } from 'vitest';
import { FlagError } from './flag-error.js';
import { inspectCommand, inspectHelp, parseInspectFlags } from './inspect.js';
import { corpusPath } from '../testing/corpus.js';

const MNIST = corpusPath('mnist-like');

describe('parseInspectFlags', () => {
  it('reads the log-root flags that serve takes', () => {
    expect(parseInspectFlags(['--logdir=logs', '--samples_per_plugin', 'images=5'])).toEqual({
      logdir: 'logs',
      logdirSpec: undefined,
      samplesPerPlugin: { images: 5 },
      s3: {},
    });
    expect(parseInspectFlags(['--logdir_spec', 'a:/x']).logdirSpec).toBe('a:/x');
  });

  it.each([
    [[], /^inspect needs a log directory: --logdir DIR/],
    [['--port', '1'], /^unknown flag --port; see tb-core inspect --help$/],
    [['--logdir', 'a', '--logdir_spec', 'b:c'], /not both/],
    [['--samples_per_plugin', 'images'], /should be plugin=count/],
  ])('refuses %j saying why', (args, message) => {
    expect(() => parseInspectFlags(args)).toThrow(FlagError);
    expect(() => parseInspectFlags(args)).toThrow(message);
  });

  it('documents its flags', () => {
    for (const flag of ['--logdir DIR', '--logdir_spec', '--samples_per_plugin', '--help']) expect(inspectHelp()).toContain(flag);
  });
});

describe('inspectCommand', () => {
  it('prints the runs and tags of a log directory', async () => {
    let text = '';
    expect(await inspectCommand(['--logdir', MNIST], (t) => (text += t))).toBe(0);
    expect(text).toMatch(/^17 runs, \d+ events/);
    expect(text).toContain('run "adam/train"');
  });
});
