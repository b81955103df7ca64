/**
 * Typed fetchers for the profiler's routes (relative to the plugin's base). Every route of
 * one profile takes `run`, `worker` and `span`; {@link route} builds the query string.
 */
import type { PluginFetch } from '@tb/ui';

/** The profile a view shows: a run, one of its workers and one of its spans. */
export interface ProfileRef {
  readonly run: string;
  readonly worker: string;
  readonly span: string;
}

/** `path?k=v&…` with the defined params in the order given, URL-encoded. */
export function route(path: string, params: Readonly<Record<string, string | number | undefined>>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) q.append(k, String(v));
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

/** `route(path, {run, worker, span, ...extra})`. */
export function profileRoute(path: string, ref: ProfileRef, extra: Readonly<Record<string, string | number | undefined>> = {}): string {
  return route(path, { run: ref.run, worker: ref.worker, span: ref.span, ...extra });
}

/** The `runs` answer. */
export interface RunsAnswer {
  readonly runs: string[];
  /** True while the server is still loading profiles. */
  readonly loading: boolean;
}

/** The breakdown categories of a step, in the order they stack. */
export const CATEGORIES = ['kernel', 'memcpy', 'memset', 'runtime', 'dataLoader', 'cpuExec', 'other'] as const;
/** One step-time category key. */
export type Category = (typeof CATEGORIES)[number];
/** What a person reads for each category. */
export const CATEGORY_LABELS: Readonly<Record<Category, string>> = {
  kernel: 'Kernel',
  memcpy: 'Memcpy',
  memset: 'Memset',
  runtime: 'Runtime',
  dataLoader: 'DataLoader',
  cpuExec: 'CPU Exec',
  other: 'Other',
};

/** One step's times (µs). */
export type StepFigures = { readonly step: string; readonly total: number } & Readonly<Record<Category, number>>;

/** The `figures` answer: the overview as numbers and sentences. */
export interface Figures {
  readonly steps: StepFigures[];
  readonly average: { readonly total: number; readonly percent: Readonly<Record<Category, number>> } & Readonly<Record<Category, number>>;
  readonly gpu: { readonly utilization: number | null; readonly smEfficiency: number | null; readonly occupancy: number | null } | null;
  readonly recommendations: string[];
}

/** A titled value (environment, GPU summary lines). */
export interface TitledValue {
  readonly title: string;
  readonly value: string;
}

/** The parts of torch's `overview` answer the page shows. */
export interface OverviewAnswer {
  readonly environments?: TitledValue[];
  readonly gpu_metrics?: { readonly title: string; readonly data: TitledValue[]; readonly tooltip?: string };
}

/** A column of a {columns, rows} table. */
export interface TableColumn {
  readonly name: string;
  readonly type: string;
  readonly tooltip?: string;
}

/** A {columns, rows} table (kernel/table's `data`, xplane/op_stats's `data`). */
export interface ColumnTable {
  readonly columns: TableColumn[];
  readonly rows: (string | number | boolean | null)[][];
}

/** A name/value pie (`operation`'s entries, `kernel`'s and `kernel/tc_pie`'s `total`). */
export interface PieData {
  readonly title?: string;
  readonly columns: TableColumn[];
  readonly rows: [string, number][];
}

/** The `operation` answer: four name/value tables. */
export interface OperationPies {
  readonly device_self_time?: PieData;
  readonly device_total_time?: PieData;
  readonly host_self_time?: PieData;
  readonly host_total_time?: PieData;
}

/** A row of `operation/table` or `operation/stack`. */
export interface OperatorRow {
  readonly name: string;
  readonly input_shape?: string;
  readonly calls: number;
  readonly device_self_duration?: number;
  readonly device_total_duration?: number;
  readonly host_self_duration: number;
  readonly host_total_duration: number;
  readonly tc_eligible?: string;
  readonly tc_self_ratio?: number;
  readonly tc_total_ratio?: number;
  readonly has_call_stack?: boolean;
  readonly call_stack?: string;
}

/** `operation/table` and `operation/stack`. */
export interface OperatorTable {
  readonly metadata: { readonly sort?: string; readonly tooltips?: Readonly<Record<string, string>> };
  readonly data: OperatorRow[];
}

/** `kernel/table`, `xplane/op_stats`. */
export interface TableAnswer {
  readonly metadata: { readonly sort?: string; readonly title?: string };
  readonly data: ColumnTable;
}

/** `memory`: a table per device. */
export interface MemoryAnswer {
  readonly metadata: { readonly default_device?: string; readonly sort?: string; readonly search?: string };
  readonly columns: TableColumn[];
  readonly rows: Readonly<Record<string, (string | number)[][]>>;
}

/** `memory_curve`: [time, allocated, reserved] per device. */
export interface MemoryCurveAnswer {
  readonly metadata: {
    readonly default_device?: string;
    readonly devices?: string[];
    readonly first_ts: number;
    readonly time_factor: number;
    readonly time_metric?: string;
    readonly memory_metric?: string;
    readonly peaks?: Readonly<Record<string, number>>;
  };
  readonly columns: TableColumn[];
  readonly rows: Readonly<Record<string, number[][]>>;
}

/** One operator's aggregate on one side of a diff node. */
export interface DiffAgg {
  readonly name: string;
  readonly calls: number;
  readonly host_duration: number;
  readonly device_duration: number;
  readonly self_host_duration: number;
  readonly self_device_duration: number;
}

/** One side of a diff node. */
export interface DiffSide {
  readonly name: string;
  readonly duration: number;
  readonly device_duration: number;
  readonly total_duration: number;
  readonly aggs: DiffAgg[];
}

/** `diff` / `diffnode`: a node of the operator-tree comparison. */
export interface DiffNode {
  readonly left: DiffSide;
  readonly right: DiffSide;
  readonly path?: string;
  readonly children?: DiffNode[];
}

/** `xplane/steps`. */
export interface XplaneSteps {
  readonly steps: { readonly step: string | number; readonly durationUs: number }[];
}

/** The run list. */
export const fetchRuns = (f: PluginFetch) => f.json<RunsAnswer>('runs');
/** The views a run offers. */
export const fetchViews = (f: PluginFetch, run: string) => f.json<string[]>(route('views', { run }));
/** The workers of a run (for a view). */
export const fetchWorkers = (f: PluginFetch, run: string, view?: string) => f.json<string[]>(route('workers', { run, view }));
/** The spans of a run's worker. */
export const fetchSpans = (f: PluginFetch, run: string, worker: string) => f.json<string[]>(route('spans', { run, worker }));
