import { describe, expect, it } from 'vitest';
import { inferHParamInfo, inferHParamInfos } from './infer.js';
import type { ProtobufValue } from './proto-json.js';

const num = (numberValue: number): ProtobufValue => ({ kind: 'numberValue', numberValue });
const str = (stringValue: string): ProtobufValue => ({ kind: 'stringValue', stringValue });
const bool = (boolValue: boolean): ProtobufValue => ({ kind: 'boolValue', boolValue });
const list: ProtobufValue = { kind: 'listValue', listValue: { values: [] } };
const base = { displayName: '', description: '' };

describe('one hyperparameter from the values the sessions gave it', () => {
  it('numbers: an interval from the least to the greatest; differs when two differ', () => {
    expect(inferHParamInfo('lr', [num(0.01), num(0.001), num(0.1)])).toEqual({
      name: 'lr',
      ...base,
      type: 'DATA_TYPE_FLOAT64',
      domainInterval: { minValue: 0.001, maxValue: 0.1 },
      differs: true,
    });
    expect(inferHParamInfo('units', [num(32), num(32)])).toMatchObject({ domainInterval: { minValue: 32, maxValue: 32 }, differs: false });
  });

  it('strings: the distinct values, sorted', () => {
    expect(inferHParamInfo('opt', [str('sgd'), str('adam'), str('sgd')])).toEqual({ name: 'opt', ...base, type: 'DATA_TYPE_STRING', domainDiscrete: ['adam', 'sgd'], differs: true });
  });

  it('booleans: false, then true, those seen', () => {
    expect(inferHParamInfo('bn', [bool(true), bool(false)])).toMatchObject({ type: 'DATA_TYPE_BOOL', domainDiscrete: [false, true], differs: true });
    expect(inferHParamInfo('bn', [bool(true), bool(true)])).toMatchObject({ domainDiscrete: [true], differs: false });
  });

  it('mixed types read as strings, numbers written as Python writes them', () => {
    expect(inferHParamInfo('x', [num(32), str('auto'), bool(true), num(1e-5)])).toMatchObject({
      type: 'DATA_TYPE_STRING',
      domainDiscrete: ['1e-05', '32.0', 'auto', 'true'],
      differs: true,
    });
  });

  it('values of other kinds do not set the type; NaN has no text in a string domain', () => {
    expect(inferHParamInfo('x', [list, str('a'), num(NaN)])).toMatchObject({ type: 'DATA_TYPE_STRING', domainDiscrete: ['a'], differs: false });
    expect(inferHParamInfo('x', [list])).toBeNull();
    // Another kind among numbers counts as number_value's default, 0, as in TensorBoard.
    expect(inferHParamInfo('x', [num(3), list])).toMatchObject({ domainInterval: { minValue: 0, maxValue: 3 }, differs: true });
  });
});

it('lists hyperparameters in the order the sessions first name them, leaving out untyped ones', () => {
  const infos = inferHParamInfos([
    { hparams: { b: num(1), a: str('x') }, modelUri: '', monitorUrl: '', groupName: '', startTimeSecs: 0 },
    { hparams: { c: list, a: str('y'), d: bool(true) }, modelUri: '', monitorUrl: '', groupName: '', startTimeSecs: 0 },
  ]);
  expect(infos.map((i) => [i.name, i.type, i.differs])).toEqual([
    ['b', 'DATA_TYPE_FLOAT64', false],
    ['a', 'DATA_TYPE_STRING', true],
    ['d', 'DATA_TYPE_BOOL', false],
  ]);
});
