import { existsSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LogRootMultiplexer, memoryLogger } from '@tb/core/events';
import { describe, expect, it } from 'vitest';
import type { DemoSize } from './demo.js';
import { writeDemo } from './write-demo.js';

/** A demo small enough for a unit test: a few seconds on the CPU backend. */
const TINY: DemoSize = { train: 200, validation: 50, epochs: 2, embedded: 20, sweepTrain: 50, sweepEpochs: 1 };

describe('writeDemo', () => {
  it('trains on the backend asked for, says so, and writes every run it reports', async () => {
    const logdir = path.join(mkdtempSync(path.join(os.tmpdir(), 'tb-demo-unit-')), 'logs');
    const lines: string[] = [];
    const report = await writeDemo(logdir, { backend: 'cpu', log: (line) => lines.push(line), size: TINY });

    expect(lines[0]).toBe('training with tfjs on cpu');
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^adam epoch 2\/2: loss [\d.]+ accuracy [\d.]+, validation accuracy [\d.]+$/),
        expect.stringMatching(/^sgd: trained 2 epochs in [\d.]+ s$/),
        expect.stringMatching(/^hparams sweep: 8 runs in [\d.]+ s$/),
      ]),
    );
    expect(Object.keys(report.validationAccuracy)).toEqual(['adam', 'sgd']);
    for (const acc of Object.values(report.validationAccuracy)) expect(acc).toBeGreaterThanOrEqual(0);
    expect(report.runs).toEqual([
      'adam/train',
      'adam/validation',
      'sgd/train',
      'sgd/validation',
      ...Array.from({ length: 8 }, (_, i) => `hparam_tuning/run-0${i}`),
      '.',
    ]);
    expect(existsSync(path.join(logdir, 'projector_config.pbtxt'))).toBe(true);

    const mux = new LogRootMultiplexer({ logdir, reloadInterval: 0, samplesPerPlugin: {}, logger: memoryLogger() });
    try {
      await mux.reload();
      expect(mux.provider.listRuns().map((r) => r.name).sort()).toEqual([...report.runs].sort());
      const acc = mux.provider.readScalars('scalars', 'sgd/validation', 'epoch_accuracy', { downsample: Infinity });
      expect(Array.from(acc!.step)).toEqual([0, 1]);
    } finally {
      await mux.close();
    }
  });
});
