/**
 * The graphs plugin's routes as the dashboard calls them (see ../../http-api.md): `info`
 * turned into the list of graphs one can pick, and `graph_json` for one of them.
 */
import type { PluginFetch } from '@tb/ui';
import type { GraphJson } from '../graph-json.js';

/** One graph one can show: a run's op graph, a tag's op graph or profile, or a Keras model. */
export interface GraphSource {
  /** Unique among the sources: `["run"]`, `["run","tag"]`, `["run","tag","conceptual"]`. */
  readonly key: string;
  readonly run: string;
  /** The tag, or null for the run's own graph. */
  readonly tag: string | null;
  readonly conceptual: boolean;
  /** Whether the graph comes with run metadata (compute time, memory). */
  readonly profile: boolean;
  /** What the graph selector says. */
  readonly label: string;
}

/** The answer of `info`, as TensorBoard gives it. */
export type GraphsInfo = Record<
  string,
  {
    readonly run: string;
    readonly run_graph: boolean;
    readonly tags: Record<string, { readonly tag: string; readonly conceptual_graph: boolean; readonly op_graph: boolean; readonly profile: boolean }>;
  }
>;

/** Every graph of every run in `info`, runs in the order given, tags sorted. */
export function sourcesOf(info: GraphsInfo): GraphSource[] {
  const out: GraphSource[] = [];
  for (const [run, item] of Object.entries(info ?? {})) {
    if (item.run_graph) out.push({ key: JSON.stringify([run]), run, tag: null, conceptual: false, profile: false, label: 'Op graph' });
    for (const tag of Object.keys(item.tags ?? {}).sort()) {
      const t = item.tags[tag]!;
      if (t.profile) out.push({ key: JSON.stringify([run, tag]), run, tag, conceptual: false, profile: true, label: `Op graph with run metadata: ${tag}` });
      else if (t.op_graph) out.push({ key: JSON.stringify([run, tag]), run, tag, conceptual: false, profile: false, label: `Op graph: ${tag}` });
      if (t.conceptual_graph) out.push({ key: JSON.stringify([run, tag, 'conceptual']), run, tag, conceptual: true, profile: false, label: `Conceptual graph: ${tag}` });
    }
  }
  return out;
}

/** The graphs the server has. */
export async function fetchSources(fetch: PluginFetch): Promise<GraphSource[]> {
  return sourcesOf(await fetch.json<GraphsInfo>('info'));
}

/** The route of `graph_json` for a source. */
export function graphRoute(source: GraphSource): string {
  const q = new URLSearchParams({ run: source.run });
  if (source.tag !== null) q.set('tag', source.tag);
  if (source.conceptual) q.set('conceptual', 'true');
  return `graph_json?${q.toString()}`;
}

/** One graph, checked to be the shape graph-json.ts describes. */
export async function fetchGraph(fetch: PluginFetch, source: GraphSource): Promise<GraphJson> {
  const answer = await fetch.json<GraphJson>(graphRoute(source));
  if (!answer || !Array.isArray(answer.nodes)) {
    throw new Error(`graph_json for run "${source.run}" should answer an object with a nodes array, found ${answer === null ? 'null' : typeof answer}`);
  }
  return { ...answer, functions: Array.isArray(answer.functions) ? answer.functions : [] };
}

/**
 * The source to show first: the first selected run's (else the first run's) graph with run
 * metadata when it has one (the same graph, with costs), else its first graph.
 */
export function defaultSource(sources: readonly GraphSource[], selectedRuns: readonly string[]): GraphSource | null {
  const run = selectedRuns.find((r) => sources.some((s) => s.run === r)) ?? sources[0]?.run;
  const ofRun = sources.filter((s) => s.run === run);
  return ofRun.find((s) => s.profile) ?? ofRun[0] ?? null;
}
