/**
 * A small sweep for the dashboard's tests, shaped like TensorBoard's answers for
 * test/corpus/mnist-like (dropout, lr, optimizer, units; accuracy and loss), with a
 * failed session, a missing metric and a validation-group metric added.
 */
import type { Experiment, SessionGroup, Status } from '../api-types.js';

/** The experiment. */
export const EXPERIMENT: Experiment = {
  name: '',
  description: '',
  user: '',
  timeCreatedSecs: 0,
  hparamInfos: [
    { name: 'dropout', displayName: '', description: '', type: 'DATA_TYPE_FLOAT64', domainInterval: { minValue: 0.1, maxValue: 0.3 }, differs: true },
    { name: 'lr', displayName: 'learning rate', description: 'step size', type: 'DATA_TYPE_FLOAT64', domainDiscrete: [0.001, 0.01, 0.1], differs: true },
    { name: 'optimizer', displayName: '', description: '', type: 'DATA_TYPE_STRING', domainDiscrete: ['adam', 'sgd'], differs: true },
    { name: 'note', displayName: '', description: '', type: 'DATA_TYPE_STRING', differs: true },
  ],
  metricInfos: [
    { name: { group: '', tag: 'hparam/accuracy' }, displayName: '', description: '', datasetType: 'DATASET_UNKNOWN' },
    { name: { group: 'validation', tag: 'epoch_loss' }, displayName: 'val loss', description: '', datasetType: 'DATASET_VALIDATION' },
  ],
};

function group(name: string, hparams: SessionGroup['hparams'], accuracy: number | 'NaN' | null, loss: number, status: Status = 'STATUS_SUCCESS'): SessionGroup {
  const metricValues = [
    ...(accuracy === null ? [] : [{ name: { group: '', tag: 'hparam/accuracy' }, value: accuracy, trainingStep: 0, wallTimeSecs: 1 }]),
    { name: { group: 'validation', tag: 'epoch_loss' }, value: loss, trainingStep: 4, wallTimeSecs: 2 },
  ];
  return {
    name,
    hparams,
    metricValues,
    sessions: [{ name, startTimeSecs: 0, endTimeSecs: 0, status, modelUri: '', metricValues, monitorUrl: '' }],
    monitorUrl: '',
  };
}

/** Five groups. */
export const GROUPS: readonly SessionGroup[] = [
  group('tuning/run-00', { dropout: 0.1, lr: 0.001, optimizer: 'adam', note: 'base' }, 0.80, 1.12),
  group('tuning/run-01', { dropout: 0.2, lr: 0.01, optimizer: 'adam', note: 'wide, "deep"' }, 0.87, 0.65),
  group('tuning/run-02', { dropout: 0.3, lr: 0.1, optimizer: 'sgd' }, 0.62, 2.5, 'STATUS_FAILURE'),
  group('tuning/run-03', { dropout: 0.1, lr: 0.01, optimizer: 'sgd', note: 'Base v2' }, null, 0.9),
  group('tuning/run-04', { dropout: 0.2, lr: 0.001, optimizer: 'adam', note: 'x' }, 'NaN', 1.0),
];
