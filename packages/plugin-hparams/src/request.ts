/**
 * The routes' requests, read as TensorBoard reads them: proto3 JSON of api.proto's
 * GetExperimentRequest, ListSessionGroupsRequest and ListMetricEvalsRequest (field names
 * in camelCase or snake_case, enums by name or number, null for a field's default,
 * unknown fields refused), from a POST body of any content type (TensorBoard's own page
 * posts JSON as text/plain) or a GET's `request` query field. A bad request is a 400
 * that names the field, what was expected and what was found.
 */
import { compileRegex, InvalidArgumentError, z, type LinearRegex } from '@tb/core/plugin';
import type { AggregationType, HParamValue, MetricName, SortOrder } from './api-types.js';
import { AGGREGATION_TYPES, SORT_ORDERS, STATUSES } from './proto-json.js';

/** What GET /experiment and POST /experiment ask. */
export interface ExperimentQuery {
  readonly includeMetrics: boolean;
  /** 0 or undefined: every hyperparameter. */
  readonly hparamsLimit: number | undefined;
}

/** A column of the session groups table. */
export type Column = { readonly kind: 'hparam'; readonly name: string } | { readonly kind: 'metric'; readonly name: MetricName };

/** A column's filter: the values a group's column may hold. */
export type ColumnFilter =
  | { readonly kind: 'regexp'; readonly regex: LinearRegex }
  | { readonly kind: 'interval'; readonly minValue: number; readonly maxValue: number }
  | { readonly kind: 'discrete'; readonly values: readonly HParamValue[] };

/** ColParams, read. */
export interface ColumnParams {
  readonly column: Column;
  readonly order: SortOrder;
  readonly missingValuesFirst: boolean;
  readonly filter: ColumnFilter | null;
  readonly excludeMissingValues: boolean;
  /** undefined when the request did not say. */
  readonly includeInResult: boolean | undefined;
}

/** What /session_groups (and /download_data) ask. */
export interface SessionGroupsQuery {
  /** Status numbers (STATUS_SUCCESS is 1...) of the sessions to keep. */
  readonly allowedStatuses: ReadonlySet<number>;
  readonly colParams: readonly ColumnParams[];
  readonly aggregationType: AggregationType;
  readonly aggregationMetric: MetricName | undefined;
  readonly startIndex: number;
  readonly sliceSize: number;
  readonly includeMetrics: boolean;
}

/** What /metric_evals asks. */
export interface MetricEvalsQuery {
  readonly sessionName: string;
  readonly metricName: MetricName;
}

const camel = (key: string) => key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** A proto message in JSON: snake_case names read as camelCase, null fields as absent, other fields refused. */
function message<S extends z.ZodRawShape>(shape: S) {
  return z.preprocess((raw) => {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return raw;
    // fromEntries defines own properties: a "__proto__" key stays a field (and is refused).
    return Object.fromEntries(Object.entries(raw).flatMap(([key, value]) => (value === null ? [] : [[camel(key), value]])));
  }, z.strictObject(shape));
}

/** A proto3 JSON int32: a whole number, or one written as a string. */
const int32 = z.unknown().transform((v, ctx): number => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : NaN;
  if (Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31) return n;
  ctx.addIssue({ code: 'custom', message: `expected a 32-bit whole number, found ${JSON.stringify(v)}` });
  return z.NEVER;
});

const SPECIAL_DOUBLES: Readonly<Record<string, number>> = { NaN: NaN, Infinity: Infinity, '-Infinity': -Infinity };

/** A proto3 JSON double: a number, "NaN", "Infinity", "-Infinity", or a number written as a string. */
const double = z.unknown().transform((v, ctx): number => {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') {
    const n = Object.hasOwn(SPECIAL_DOUBLES, v) ? SPECIAL_DOUBLES[v]! : v.trim() === '' ? NaN : Number(v);
    if (!Number.isNaN(n) || v === 'NaN') return n;
  }
  ctx.addIssue({ code: 'custom', message: `expected a number, found ${JSON.stringify(v)}` });
  return z.NEVER;
});

/** An enum by name, or by number among `names`' numbers. */
function enumOf<T extends string>(names: readonly T[]) {
  return z.union([z.string(), z.number()]).transform((v, ctx): number => {
    const n = typeof v === 'number' ? v : names.indexOf(v as T);
    if (Number.isInteger(n) && n >= 0 && n < names.length) return n;
    ctx.addIssue({ code: 'custom', message: `expected one of ${names.join(', ')}, found ${JSON.stringify(v)}` });
    return z.NEVER;
  });
}

/** Status: a name, or any number (proto3 enums are open). */
const status = z.union([z.string(), z.number().int()]).transform((v, ctx): number => {
  if (typeof v === 'number') return v;
  const n = STATUSES.indexOf(v as (typeof STATUSES)[number]);
  if (n >= 0) return n;
  ctx.addIssue({ code: 'custom', message: `expected one of ${STATUSES.join(', ')}, found ${JSON.stringify(v)}` });
  return z.NEVER;
});

const metricName = message({ group: z.string().optional(), tag: z.string().optional() }).transform((m): MetricName => ({ group: m.group ?? '', tag: m.tag ?? '' }));

const interval = message({ minValue: double.optional(), maxValue: double.optional() });

const scalar = (v: unknown): v is HParamValue => typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean';

const colParams = message({
  metric: metricName.optional(),
  hparam: z.string().optional(),
  order: enumOf(SORT_ORDERS).optional(),
  missingValuesFirst: z.boolean().optional(),
  filterRegexp: z.string().optional(),
  filterInterval: interval.optional(),
  filterDiscrete: z.array(z.unknown()).optional(),
  excludeMissingValues: z.boolean().optional(),
  includeInResult: z.boolean().optional(),
}).transform((p, ctx): ColumnParams => {
  if ((p.metric === undefined) === (p.hparam === undefined)) {
    ctx.addIssue({ code: 'custom', message: `expected exactly one of "hparam" and "metric", found ${p.metric === undefined ? 'neither' : 'both'}` });
    return z.NEVER;
  }
  const filters = [p.filterRegexp, p.filterInterval, p.filterDiscrete].filter((f) => f !== undefined).length;
  if (filters > 1) {
    ctx.addIssue({ code: 'custom', message: `expected at most one of filterRegexp, filterInterval and filterDiscrete, found ${filters}` });
    return z.NEVER;
  }
  let filter: ColumnFilter | null = null;
  if (p.filterRegexp !== undefined) {
    try {
      filter = { kind: 'regexp', regex: compileRegex(p.filterRegexp, '', 'filterRegexp') };
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: (err as Error).message });
      return z.NEVER;
    }
  } else if (p.filterInterval !== undefined) {
    filter = { kind: 'interval', minValue: p.filterInterval.minValue ?? 0, maxValue: p.filterInterval.maxValue ?? 0 };
  } else if (p.filterDiscrete !== undefined) {
    // A null, list or struct never equals a column's value: leaving it out changes nothing.
    filter = { kind: 'discrete', values: p.filterDiscrete.filter(scalar) };
  }
  return {
    column: p.metric !== undefined ? { kind: 'metric', name: p.metric } : { kind: 'hparam', name: p.hparam! },
    order: SORT_ORDERS[p.order ?? 0]!,
    missingValuesFirst: p.missingValuesFirst ?? false,
    filter,
    excludeMissingValues: p.excludeMissingValues ?? false,
    includeInResult: p.includeInResult,
  };
});

/** GetExperimentRequest. */
export const experimentRequest = message({
  experimentName: z.string().optional(),
  includeMetrics: z.boolean().optional(),
  hparamsLimit: int32.optional(),
}).transform((r): ExperimentQuery => ({ includeMetrics: r.includeMetrics ?? true, hparamsLimit: r.hparamsLimit }));

/** ListSessionGroupsRequest. */
export const sessionGroupsRequest = message({
  experimentName: z.string().optional(),
  allowedStatuses: z.array(status).optional(),
  colParams: z.array(colParams).optional(),
  aggregationType: enumOf(AGGREGATION_TYPES).optional(),
  aggregationMetric: metricName.optional(),
  startIndex: int32.optional(),
  sliceSize: int32.optional(),
  includeMetrics: z.boolean().optional(),
}).transform((r, ctx): SessionGroupsQuery => {
  const aggregationType = AGGREGATION_TYPES[r.aggregationType ?? 0]!;
  const byMetric = aggregationType === 'AGGREGATION_MEDIAN' || aggregationType === 'AGGREGATION_MIN' || aggregationType === 'AGGREGATION_MAX';
  if (byMetric && r.aggregationMetric === undefined) {
    ctx.addIssue({ code: 'custom', path: ['aggregationMetric'], message: `expected the metric that picks each group's session with ${aggregationType}, found none` });
    return z.NEVER;
  }
  return {
    allowedStatuses: new Set(r.allowedStatuses ?? []),
    colParams: r.colParams ?? [],
    aggregationType,
    aggregationMetric: r.aggregationMetric,
    startIndex: r.startIndex ?? 0,
    sliceSize: r.sliceSize ?? 0,
    includeMetrics: r.includeMetrics ?? true,
  };
});

/** ListMetricEvalsRequest. */
export const metricEvalsRequest = message({
  experimentName: z.string().optional(),
  sessionName: z.string().optional(),
  metricName: metricName.optional(),
}).transform((r): MetricEvalsQuery => ({ sessionName: r.sessionName ?? '', metricName: r.metricName ?? { group: '', tag: '' } }));

/**
 * Reads `text` (a POST body, or GET's `request` field; undefined when there is none) as
 * the JSON of `typeName` with `schema`; throws an InvalidArgumentError that says what is
 * wrong and where.
 */
export function parseRequest<T>(text: string | undefined, schema: z.ZodType<T>, typeName: string): T {
  if (text === undefined || text.trim() === '') {
    throw new InvalidArgumentError(`expected a ${typeName} as JSON (the POST body, or ?request= on a GET), found ${text === undefined ? 'none' : 'an empty body'}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new InvalidArgumentError(`expected a ${typeName} as JSON, found text that does not parse (${(err as Error).message})`);
  }
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    const where = issue.path.map(String).join('.');
    return where ? `${where}: ${issue.message}` : issue.message;
  });
  throw new InvalidArgumentError(`${typeName}: ${problems.join('; ')}`);
}
