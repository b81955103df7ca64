/**
 * The `memory_curve` answer: per device, allocated and reserved memory over time (as a
 * step plot), its peak, the GPU's capacity, downsampled to at most 10240 points.
 */
import { lttb } from './lttb.js';
import type { MemoryRecord } from './records.js';
import { memoryFactor, memoryUnit, timeFactor, timeUnit, type MemoryUnit, type TimeUnit } from './units.js';

/** Query of the `memory_curve` route. */
export interface MemoryCurveQuery {
  /** us, ms (default), s. */
  readonly timeMetric?: string;
  /** B, KB, MB (default), GB. */
  readonly memoryMetric?: string;
}

/** The answer. */
export interface MemoryCurveJson {
  metadata: {
    default_device: string;
    devices: string[];
    peaks: Record<string, string>;
    totals: Record<string, number>;
    first_ts: number;
    time_metric: TimeUnit;
    memory_metric: MemoryUnit;
    time_factor: number;
    memory_factor: number;
  };
  columns: { name: string; type: 'number'; tooltip: string }[];
  rows: Record<string, number[][]>;
}

/** What the curve reads besides the records. */
export interface CurveContext {
  /** Time 0 of the curve: the earliest event of the trace. */
  readonly profilerStartTs: number;
  /** Bytes of each GPU by id (from the trace's device properties). */
  readonly gpuMemory: Readonly<Record<number, number>>;
}

/**
 * The `memory_curve` answer, or undefined when a unit is not one torch knows. As torch,
 * only events with an allocator address and totals count. `o.withoutAddr` (ours, not
 * torch's) counts every event: with its totals where written, else (Kineto before
 * PyTorch 1.10 wrote only `Bytes`) the running sum of bytes allocated since the capture
 * started, per device: memory allocated and not yet freed within the capture, not the
 * device's whole use.
 */
export function memoryCurve(records: readonly MemoryRecord[], ctx: CurveContext, q: MemoryCurveQuery = {}, o: { withoutAddr?: boolean } = {}): MemoryCurveJson | undefined {
  const tu = timeUnit(q.timeMetric, 'ms');
  const mu = memoryUnit(q.memoryMetric, 'MB');
  if (!tu || !mu) return undefined;
  const tf = timeFactor(tu);
  const mf = memoryFactor(mu);

  const curves = new Map<string, number[][]>();
  const peaks = new Map<string, number>();
  const running = new Map<string, number>();
  for (const r of records) {
    if ((r.addr === null && !o.withoutAddr) || r.device === null) continue;
    let allocated = r.totalAllocated;
    let reserved = r.totalReserved;
    if (Number.isNaN(allocated) || Number.isNaN(reserved)) {
      if (!o.withoutAddr) continue;
      allocated = (running.get(r.device) ?? 0) + r.bytes;
      running.set(r.device, allocated);
      reserved = Number.isNaN(reserved) ? allocated : reserved;
    }
    let curve = curves.get(r.device);
    if (!curve) curves.set(r.device, (curve = []));
    curve.push([tf * (r.ts - ctx.profilerStartTs), mf * allocated, mf * reserved]);
    peaks.set(r.device, Math.max(peaks.get(r.device) ?? 0, allocated));
  }

  const rows: Record<string, number[][]> = {};
  for (const [device, curve] of curves) {
    // A step plot: hold the previous values until each new point.
    const stepped: number[][] = [];
    curve.forEach((p, i) => {
      const prev = stepped[stepped.length - 1];
      if (i > 0 && prev) stepped.push([p[0]!, prev[1]!, prev[2]!]);
      stepped.push(p);
    });
    rows[device] = lttb(stepped, 10240);
  }
  const peaksText: Record<string, string> = {};
  const totals: Record<string, number> = {};
  for (const [device, peak] of peaks) {
    peaksText[device] = `Peak Memory Usage: ${(mf * peak).toFixed(1)}${mu}`;
    if (device !== 'CPU') {
      const bytes = ctx.gpuMemory[Number(device.slice(3))];
      if (bytes !== undefined) totals[device] = mf * bytes;
    }
  }
  const devices = [...curves.keys()].sort();
  return {
    metadata: {
      default_device: devices.find((d) => d.startsWith('GPU')) ?? 'CPU',
      devices,
      peaks: peaksText,
      totals,
      first_ts: ctx.profilerStartTs,
      time_metric: tu,
      memory_metric: mu,
      time_factor: tf,
      memory_factor: mf,
    },
    columns: [
      { name: `Time (${tu})`, type: 'number', tooltip: 'Time since the capture began.' },
      { name: `Allocated (${mu})`, type: 'number', tooltip: 'Memory held by live tensors.' },
      { name: `Reserved (${mu})`, type: 'number', tooltip: 'Memory the allocator holds from the device, in use or cached.' },
    ],
    rows,
  };
}
