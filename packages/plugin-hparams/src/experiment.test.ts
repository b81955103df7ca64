import type { ExperimentMessage, SessionStartInfoMessage } from '@tb/core/plugin';
import { describe, expect, it } from 'vitest';
import { buildExperiment, EMPTY_EXPERIMENT, inferMetricInfos, limitHParams } from './experiment.js';

const start = (hparams: Record<string, number | string>): SessionStartInfoMessage => ({
  hparams: Object.fromEntries(
    Object.entries(hparams).map(([k, v]) => [k, typeof v === 'number' ? { kind: 'numberValue' as const, numberValue: v } : { kind: 'stringValue' as const, stringValue: v }]),
  ),
  modelUri: '',
  monitorUrl: '',
  groupName: '',
  startTimeSecs: 0,
});

const config: ExperimentMessage = {
  name: 'sweep',
  description: 'a sweep',
  user: 'me',
  timeCreatedSecs: 12.5,
  hparamInfos: [
    { name: 'lr', displayName: 'learning rate', description: '', type: 3, differs: false, domain: 'domainInterval', domainInterval: { minValue: 1e-4, maxValue: 0.1 } },
    { name: 'opt', displayName: '', description: 'optimizer', type: 1, differs: true, domain: 'domainDiscrete', domainDiscrete: { values: [{ kind: 'stringValue', stringValue: 'sgd' }, { kind: 'stringValue', stringValue: 'adam' }] } },
    { name: 'bs', displayName: '', description: '', type: 3, differs: false },
  ],
  metricInfos: [{ name: { group: 'validation', tag: 'loss' }, displayName: 'val loss', description: '', datasetType: 2 }],
};

describe('a written configuration', () => {
  const sources = { config, sessions: [{ name: 'a', start: start({ other: 1 }) }], scalarTags: new Map([['a', ['acc']]]) };

  it('is the experiment, hyperparameters that differ first then by name, domains as written', () => {
    expect(buildExperiment(sources, true)).toEqual({
      name: 'sweep',
      description: 'a sweep',
      user: 'me',
      timeCreatedSecs: 12.5,
      hparamInfos: [
        { name: 'opt', displayName: '', description: 'optimizer', type: 'DATA_TYPE_STRING', domainDiscrete: ['sgd', 'adam'], differs: true },
        { name: 'bs', displayName: '', description: '', type: 'DATA_TYPE_FLOAT64', differs: false },
        { name: 'lr', displayName: 'learning rate', description: '', type: 'DATA_TYPE_FLOAT64', domainInterval: { minValue: 1e-4, maxValue: 0.1 }, differs: false },
      ],
      metricInfos: [{ name: { group: 'validation', tag: 'loss' }, displayName: 'val loss', description: '', datasetType: 'DATASET_VALIDATION' }],
    });
  });

  it('leaves its metrics out when includeMetrics is false', () => {
    expect(buildExperiment(sources, false).metricInfos).toEqual([]);
  });

  it('keeps the first hparamsLimit hyperparameters; 0 keeps all', () => {
    const e = buildExperiment(sources, true);
    expect(limitHParams(e, 2).hparamInfos.map((h) => h.name)).toEqual(['opt', 'bs']);
    expect(limitHParams(e, 0).hparamInfos).toHaveLength(3);
    expect(limitHParams(e, undefined).hparamInfos).toHaveLength(3);
  });
});

describe('an experiment inferred from the sessions', () => {
  const sessions = [
    { name: 'exp/s1', start: start({ lr: 0.1, opt: 'adam' }) },
    { name: 'exp/s2', start: start({ lr: 0.01, opt: 'adam' }) },
  ];
  const scalarTags = new Map([
    ['exp/s1', ['loss', 'acc']],
    ['exp/s2', ['loss']],
    ['exp/s2/validation', ['loss']],
    ['exp/s2/validation/deep', ['auc']],
    ['exp/other', ['loss_2']],
    ['train', ['batch_loss']],
  ]);

  it('has the sessions hyperparameters (those that differ first) and every scalar tag at or below a session, by (tag, group)', () => {
    expect(buildExperiment({ config: null, sessions, scalarTags }, true)).toEqual({
      ...EMPTY_EXPERIMENT,
      hparamInfos: [
        { name: 'lr', displayName: '', description: '', type: 'DATA_TYPE_FLOAT64', domainInterval: { minValue: 0.01, maxValue: 0.1 }, differs: true },
        { name: 'opt', displayName: '', description: '', type: 'DATA_TYPE_STRING', domainDiscrete: ['adam'], differs: false },
      ],
      metricInfos: [
        { name: { group: '', tag: 'acc' }, displayName: '', description: '', datasetType: 'DATASET_UNKNOWN' },
        { name: { group: 'validation/deep', tag: 'auc' }, displayName: '', description: '', datasetType: 'DATASET_UNKNOWN' },
        { name: { group: '', tag: 'loss' }, displayName: '', description: '', datasetType: 'DATASET_UNKNOWN' },
        { name: { group: 'validation', tag: 'loss' }, displayName: '', description: '', datasetType: 'DATASET_UNKNOWN' },
      ],
    });
  });

  it('is empty without sessions or typed hyperparameters', () => {
    expect(buildExperiment({ config: null, sessions: [], scalarTags }, true)).toEqual(EMPTY_EXPERIMENT);
    expect(buildExperiment({ config: null, sessions: [{ name: 'exp/s1', start: start({}) }], scalarTags }, true)).toEqual(EMPTY_EXPERIMENT);
  });

  it('finds metric names under the longest session path', () => {
    const names = inferMetricInfos(new Set(['a', 'a/b']), new Map([['a/b/c', ['t']]])).map((m) => m.name);
    expect(names).toEqual([{ group: 'c', tag: 't' }]);
  });
});
