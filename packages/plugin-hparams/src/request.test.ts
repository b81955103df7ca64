import { describe, expect, it } from 'vitest';
import { experimentRequest, metricEvalsRequest, parseRequest, sessionGroupsRequest } from './request.js';

const groups = (json: unknown) => parseRequest(JSON.stringify(json), sessionGroupsRequest, 'ListSessionGroupsRequest');

describe('requests as proto3 JSON', () => {
  it('reads camelCase and snake_case names, enums by name or number, int32 as numbers or strings', () => {
    const a = groups({ allowedStatuses: ['STATUS_SUCCESS', 3], colParams: [{ hparam: 'lr', order: 'ORDER_DESC', missingValuesFirst: true }], startIndex: '2', sliceSize: 10, aggregationType: 'AGGREGATION_MIN', aggregationMetric: { tag: 'acc' } });
    const b = groups({ allowed_statuses: [1, 'STATUS_RUNNING'], col_params: [{ hparam: 'lr', order: 2, missing_values_first: true }], start_index: 2, slice_size: '10', aggregation_type: 3, aggregation_metric: { tag: 'acc', group: '' } });
    expect(a).toEqual(b);
    expect(a).toMatchObject({ allowedStatuses: new Set([1, 3]), startIndex: 2, sliceSize: 10, aggregationType: 'AGGREGATION_MIN', aggregationMetric: { group: '', tag: 'acc' }, includeMetrics: true });
    expect(a.colParams[0]).toEqual({ column: { kind: 'hparam', name: 'lr' }, order: 'ORDER_DESC', missingValuesFirst: true, filter: null, excludeMissingValues: false, includeInResult: undefined });
  });

  it('reads null and absent fields as their defaults', () => {
    expect(groups({ colParams: null, sliceSize: null, experimentName: null })).toMatchObject({ colParams: [], sliceSize: 0, startIndex: 0, allowedStatuses: new Set(), aggregationType: 'AGGREGATION_UNSET' });
    expect(parseRequest('{}', experimentRequest, 'GetExperimentRequest')).toEqual({ includeMetrics: true, hparamsLimit: undefined });
    expect(parseRequest('{"include_metrics": false, "hparamsLimit": 3}', experimentRequest, 'GetExperimentRequest')).toEqual({ includeMetrics: false, hparamsLimit: 3 });
    expect(parseRequest('{"sessionName": "s", "metricName": {"tag": "t"}}', metricEvalsRequest, 'ListMetricEvalsRequest')).toEqual({ sessionName: 's', metricName: { group: '', tag: 't' } });
  });

  it('reads filters: a linear-time regex, an interval (doubles as numbers or strings), a discrete set', () => {
    const q = groups({
      colParams: [
        { hparam: 'opt', filterRegexp: '^(sgd|adam)$' },
        { metric: { tag: 'acc' }, filterInterval: { minValue: '-Infinity', maxValue: 0.5 } },
        { hparam: 'bn', filterDiscrete: [true, 'x', 1, null, [1]] },
      ],
    });
    const [regex, interval, discrete] = q.colParams.map((p) => p.filter);
    expect(regex?.kind === 'regexp' && regex.regex.test('adam')).toBe(true);
    expect(interval).toEqual({ kind: 'interval', minValue: -Infinity, maxValue: 0.5 });
    expect(discrete).toEqual({ kind: 'discrete', values: [true, 'x', 1] });
  });
});

describe('bad requests say what was expected and what was found', () => {
  it.each([
    [undefined, /expected a ListSessionGroupsRequest as JSON \(the POST body, or \?request= on a GET\), found none/],
    ['', /found an empty body/],
    ['{"colParams": [', /found text that does not parse/],
    ['{"slice_size": 1.5}', /sliceSize: expected a 32-bit whole number, found 1.5/],
    ['{"colour": 1}', /Unrecognized key: "colour"/],
    ['{"allowedStatuses": ["DONE"]}', /allowedStatuses.0: expected one of STATUS_UNKNOWN, STATUS_SUCCESS, STATUS_FAILURE, STATUS_RUNNING, found "DONE"/],
    ['{"colParams": [{"order": "ORDER_ASC"}]}', /colParams.0: expected exactly one of "hparam" and "metric", found neither/],
    ['{"colParams": [{"hparam": "a", "metric": {"tag": "b"}}]}', /found both/],
    ['{"colParams": [{"hparam": "a", "filterRegexp": "x", "filterDiscrete": []}]}', /expected at most one of filterRegexp, filterInterval and filterDiscrete, found 2/],
    ['{"colParams": [{"hparam": "a", "filterRegexp": "(a)\\\\1"}]}', /filterRegexp uses a backreference/],
    ['{"colParams": [{"hparam": "a", "order": "UP"}]}', /expected one of ORDER_UNSPECIFIED, ORDER_ASC, ORDER_DESC, found "UP"/],
    ['[]', /expected object/],
  ])('%s', (text, message) => {
    expect(() => parseRequest(text, sessionGroupsRequest, 'ListSessionGroupsRequest')).toThrow(message);
  });
});
