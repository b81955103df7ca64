/**
 * The JSON the hparams routes take and give, as TensorBoard's `api.proto` serializes it
 * (proto3 JSON: camelCase field names, enums as their names). Types only: the dashboard
 * imports this file without pulling in any server code. See ../http-api.md.
 */

/** A hyperparameter's value type. */
export type DataType = 'DATA_TYPE_UNSET' | 'DATA_TYPE_STRING' | 'DATA_TYPE_BOOL' | 'DATA_TYPE_FLOAT64';

/** What data a metric was computed on. */
export type DatasetType = 'DATASET_UNKNOWN' | 'DATASET_TRAINING' | 'DATASET_VALIDATION';

/** How a session ended (STATUS_UNKNOWN when it wrote no end). */
export type Status = 'STATUS_UNKNOWN' | 'STATUS_SUCCESS' | 'STATUS_FAILURE' | 'STATUS_RUNNING';

/** A sort direction for one column. */
export type SortOrder = 'ORDER_UNSPECIFIED' | 'ORDER_ASC' | 'ORDER_DESC';

/** How the metrics of a group's repeated sessions make the group's metrics. */
export type AggregationType = 'AGGREGATION_UNSET' | 'AGGREGATION_AVG' | 'AGGREGATION_MEDIAN' | 'AGGREGATION_MIN' | 'AGGREGATION_MAX';

/** A hyperparameter value: a number, a string or a boolean. */
export type HParamValue = number | string | boolean;

/**
 * A float as proto3 JSON writes it: a number, or one of these strings for the values
 * JSON has no number for.
 */
export type JsonDouble = number | 'NaN' | 'Infinity' | '-Infinity';

/** The closed interval [minValue, maxValue]. */
export interface Interval {
  readonly minValue: number;
  readonly maxValue: number;
}

/** A metric: the scalar series `tag` in the run `<session>/<group>` (`<session>` when group is ''). */
export interface MetricName {
  readonly group: string;
  readonly tag: string;
}

/** One hyperparameter of the experiment. `domainDiscrete` or `domainInterval`, or neither. */
export interface HParamInfo {
  readonly name: string;
  /** '' when none was given: show `name`. */
  readonly displayName: string;
  readonly description: string;
  readonly type: DataType;
  /** The values it takes: as the configuration lists them, or (inferred, strings and booleans) those the sessions used, sorted. */
  readonly domainDiscrete?: readonly HParamValue[];
  /** The range of a numeric hyperparameter: the configuration's, or (inferred) the least and greatest value used. */
  readonly domainInterval?: Interval;
  /** Whether the sessions use more than one value of it. */
  readonly differs: boolean;
}

/** One metric of the experiment. */
export interface MetricInfo {
  readonly name: MetricName;
  /** '' when none was given: show `name.tag`. */
  readonly displayName: string;
  readonly description: string;
  readonly datasetType: DatasetType;
}

/** POST /experiment's answer. */
export interface Experiment {
  readonly name: string;
  readonly description: string;
  readonly user: string;
  readonly timeCreatedSecs: number;
  readonly hparamInfos: readonly HParamInfo[];
  readonly metricInfos: readonly MetricInfo[];
}

/** A metric's value in a session (its last scalar), or a group's aggregate. */
export interface MetricValue {
  readonly name: MetricName;
  readonly value: JsonDouble;
  readonly trainingStep: number;
  readonly wallTimeSecs: number;
}

/** One session: a training run with one set of hyperparameter values. */
export interface Session {
  /** The run that holds its session start info; unique in the experiment. */
  readonly name: string;
  readonly startTimeSecs: number;
  /** 0 while it runs, or when it wrote no end. */
  readonly endTimeSecs: number;
  readonly status: Status;
  readonly modelUri: string;
  readonly metricValues: readonly MetricValue[];
  readonly monitorUrl: string;
}

/** Sessions that share their hyperparameter values (the same `group_name`). */
export interface SessionGroup {
  readonly name: string;
  /** Hyperparameter name -> value; a session may lack some. */
  readonly hparams: Readonly<Record<string, HParamValue>>;
  /** One per metric the group has, aggregated over its sessions. */
  readonly metricValues: readonly MetricValue[];
  readonly sessions: readonly Session[];
  readonly monitorUrl: string;
}

/** Filtering and sorting of one column: a hyperparameter (`hparam`) or a metric (`metric`). */
export interface ColParams {
  readonly hparam?: string;
  readonly metric?: MetricName;
  /** Columns with an order sort the groups, the first given the most significant. */
  readonly order?: SortOrder;
  /** Missing values sort first rather than last. */
  readonly missingValuesFirst?: boolean;
  /** Keep groups whose (string) value has a match of this RE2 pattern anywhere in it. */
  readonly filterRegexp?: string;
  /** Keep groups whose (numeric) value lies in this closed interval. */
  readonly filterInterval?: Interval;
  /** Keep groups whose value is one of these. */
  readonly filterDiscrete?: readonly HParamValue[];
  /** Drop groups that lack this column. */
  readonly excludeMissingValues?: boolean;
  /** false leaves this hyperparameter out of the answer's `hparams` (TensorBoard's include_in_result). */
  readonly includeInResult?: boolean;
}

/** POST /experiment's body. */
export interface GetExperimentRequest {
  /** '' (TensorBoard serves one experiment per log root). */
  readonly experimentName?: string;
  /** false leaves metricInfos empty (no scalar scan); true or absent lists them. */
  readonly includeMetrics?: boolean;
  /** At most this many hparamInfos, those that differ first; absent or 0: all. */
  readonly hparamsLimit?: number;
}

/** POST /session_groups's body (also download_data's `request`). */
export interface ListSessionGroupsRequest {
  readonly experimentName?: string;
  /** Sessions with another status are left out; an empty list leaves out every session. */
  readonly allowedStatuses?: readonly Status[];
  readonly colParams?: readonly ColParams[];
  readonly aggregationType?: AggregationType;
  /** The metric whose min, max or median picks a group's representative session. */
  readonly aggregationMetric?: MetricName;
  /** 0-based index of the first group to return. */
  readonly startIndex?: number;
  /** How many groups to return; 0 or absent returns none (only totalSize), as in TensorBoard. */
  readonly sliceSize?: number;
  /** false leaves out metric values; true or absent includes them. */
  readonly includeMetrics?: boolean;
}

/** POST /session_groups's answer: one page of groups and how many pass the filters. */
export interface ListSessionGroupsResponse {
  readonly sessionGroups: readonly SessionGroup[];
  readonly totalSize: number;
}

/** POST /metric_evals's body. */
export interface ListMetricEvalsRequest {
  readonly experimentName?: string;
  readonly sessionName: string;
  readonly metricName: MetricName;
}

/** One point of a metric: [wall time in seconds, step, value]. */
export type MetricEval = readonly [wallTime: number, step: number, value: number];

/** POST /metric_evals's answer: the metric's whole series in the session. */
export type ListMetricEvalsResponse = readonly MetricEval[];

/** download_data's formats. */
export type DownloadFormat = 'csv' | 'json' | 'latex';

/**
 * GET /download_data's query (POST takes the request as its body, the rest in the query):
 * `format`, `columnsVisibility` (a JSON list of booleans, one per hparam then metric
 * column of the experiment) and `request` (a {@link ListSessionGroupsRequest} as JSON).
 */
export interface DownloadDataQuery {
  readonly format: DownloadFormat;
  readonly columnsVisibility: string;
  readonly request?: string;
}

/** download_data's answer in the json format: the visible columns' names and the rows. */
export interface DownloadJson {
  readonly header: readonly string[];
  /** A cell is a hparam value, a metric value, '' for a missing hparam or null for a missing metric. */
  readonly rows: readonly (readonly (HParamValue | null)[])[];
}
