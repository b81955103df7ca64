/**
 * The counter events torch-tb-profiler inserts at the head of `traceEvents` when it
 * serves a trace, so the trace viewer draws "GPU N Utilization" and "GPU N Est. SM
 * Efficiency" tracks; written as the same JSON text torch writes.
 */
import type { GpuMetrics } from './metrics.js';
import { pyFloat, pyIntOrFloat } from './py-number.js';

function utilCounter(gpu: number, ts: string, value: string): string {
  return `{"ph":"C", "name":"GPU ${gpu} Utilization", "pid":${gpu}, "ts":${ts}, "args":{"GPU Utilization":${value}}}`;
}

function smCounter(gpu: number, ts: string, value: string): string {
  return `{"ph":"C", "name":"GPU ${gpu} Est. SM Efficiency", "pid":${gpu}, "ts":${ts}, "args":{"Est. SM Efficiency":${value}}}`;
}

/**
 * The counter events (of a {@link GpuMetrics} or a profile holding one), one JSON text each: per GPU a 1 and a 0 baseline then its
 * utilization buckets; then per GPU a 1/0 baseline and a start/end pair per SM-efficiency range.
 */
export function gpuMetricsTraceEvents(source: GpuMetrics | { readonly metrics: GpuMetrics }): string[] {
  const metrics = 'gpus' in source ? source : source.metrics;
  const out: string[] = [];
  for (const g of metrics.gpus) {
    const first = g.buckets[0];
    if (first) {
      const ts = pyIntOrFloat(first[0]);
      out.push(utilCounter(g.id, ts, '1'), utilCounter(g.id, ts, '0'));
    }
    const last = g.buckets.length - 1;
    g.buckets.forEach(([ts, value], i) => {
      // The closing bucket carries torch's literal int 0; the others are float ratios.
      out.push(utilCounter(g.id, pyIntOrFloat(ts), i === last ? '0' : pyFloat(value)));
    });
  }
  for (const g of metrics.gpus) {
    const first = g.buckets[0];
    if (g.smRanges.length > 0 && first) {
      const ts = pyIntOrFloat(first[0]);
      out.push(smCounter(g.id, ts, '1'), smCounter(g.id, ts, '0'));
    }
    for (const [start, end, value] of g.smRanges) {
      out.push(smCounter(g.id, pyIntOrFloat(start), pyFloat(value)), smCounter(g.id, pyIntOrFloat(end), '0'));
    }
  }
  return out;
}

/** The exact text torch inserts right after `"traceEvents": [` (counters joined by ", ", then ","). */
export function gpuMetricsInsertText(source: GpuMetrics | { readonly metrics: GpuMetrics }): string {
  const events = gpuMetricsTraceEvents(source);
  return events.length === 0 ? '' : `${events.join(', ')},`;
}

/**
 * `traceJson` with the counters inserted after its `"traceEvents": [` (either quote
 * style, any spacing), as torch serves it; unchanged when there is nothing to insert
 * or no such key.
 */
export function insertGpuMetrics(traceJson: string, source: GpuMetrics | { readonly metrics: GpuMetrics }): string {
  const text = gpuMetricsInsertText(source);
  if (text === '') return traceJson;
  const m = /(['"])traceEvents\1\s*:\s*\[/.exec(traceJson);
  if (!m) return traceJson;
  const at = m.index + m[0].length;
  return traceJson.slice(0, at) + text + traceJson.slice(at);
}
