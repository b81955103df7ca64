/** One slice's details, as the `timeline/detail` route answers them. */
import { detailAt } from './details.js';
import type { Timeline } from './types.js';

/** What the details panel shows of one slice. */
export interface SliceDetail {
  readonly name: string;
  readonly category: string;
  /** The track's name ("thread 25738 (python)", "stream 7"). */
  readonly track: string;
  /** The process's name ("python (pid 25738)", "GPU 0"). */
  readonly process: string;
  /** Microseconds since the timeline origin. */
  readonly start: number;
  /** Microseconds. */
  readonly dur: number;
  /** The slice's args (Call stack, Input Dims, grid, ...), or null when it has none. */
  readonly args: Record<string, unknown> | null;
}

/** The details of slice `index`; throws a RangeError when there is no such slice. */
export function sliceDetail(t: Timeline, index: number): SliceDetail {
  const n = t.slices.start.length;
  if (!Number.isInteger(index) || index < 0 || index >= n) throw new RangeError(`no slice ${index} (the timeline has ${n})`);
  const track = t.tracks[t.slices.track[index]!]!;
  const text = detailAt(t.details, index);
  let args: Record<string, unknown> | null = null;
  if (text) {
    try {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) args = parsed as Record<string, unknown>;
    } catch {
      args = null; // a corrupt detail costs only its args
    }
  }
  return {
    name: t.names[t.slices.name[index]!] ?? '',
    category: t.categories[t.slices.cat[index]!] ?? '',
    track: track.name,
    process: t.processes[track.process]?.name ?? '',
    start: t.slices.start[index]!,
    dur: t.slices.dur[index]!,
    args,
  };
}
