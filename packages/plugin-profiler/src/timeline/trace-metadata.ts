/**
 * Names and order of a trace's processes and threads, from Chrome's metadata events
 * ('M': process_name, process_labels, process_sort_index, thread_name,
 * thread_sort_index) and, where those are missing, from the ids themselves: Kineto's
 * GPU processes are "GPU 0", its CUDA streams "stream 7".
 */
import type { TraceEvent } from '../trace/types.js';
import type { TimelineTrack } from './types.js';

/** What the metadata says about one pid (and its tids). */
interface ProcessMeta {
  name?: string;
  labels?: string;
  sortIndex?: number;
  threadNames: Map<string, string>;
  threadSort: Map<string, number>;
}

/** The metadata events of a trace, by pid and tid (both as strings). */
export class TraceMetadata {
  private readonly byPid = new Map<string, ProcessMeta>();

  /** Reads one 'M' event; other events and malformed args are ignored. */
  add(e: TraceEvent): void {
    const args = e.args;
    if (!args) return;
    const m = this.meta(String(e.pid));
    const tid = String(e.tid);
    switch (e.name) {
      case 'process_name':
        if (typeof args.name === 'string') m.name = args.name;
        break;
      case 'process_labels':
        if (typeof args.labels === 'string') m.labels = args.labels;
        break;
      case 'process_sort_index':
        if (typeof args.sort_index === 'number') m.sortIndex = args.sort_index;
        break;
      case 'thread_name':
        if (typeof args.name === 'string') m.threadNames.set(tid, args.name);
        break;
      case 'thread_sort_index':
        if (typeof args.sort_index === 'number') m.threadSort.set(tid, args.sort_index);
        break;
    }
  }

  /** The display name of a process: "GPU 0" for a GPU, else "python (pid 25738)". */
  processName(pid: string): string {
    const m = this.byPid.get(pid);
    const gpu = [m?.labels, m?.name].find((s) => s !== undefined && GPU.test(s));
    if (gpu) return gpu;
    if (!isNumeric(pid)) return m?.name ?? pid;
    return m?.name ? `${m.name} (pid ${pid})` : `pid ${pid}`;
  }

  /** Where a process sorts: its process_sort_index, else its numeric pid; named pids ("Traces") after every number. */
  processSortIndex(pid: string): number {
    const m = this.byPid.get(pid);
    if (m?.sortIndex !== undefined) return m.sortIndex;
    return isNumeric(pid) ? Number(pid) : Number.MAX_SAFE_INTEGER;
  }

  /** Whether a process is a GPU, by its label or its name ("GPU 0"). */
  isGpuProcess(pid: string): boolean {
    const m = this.byPid.get(pid);
    return GPU.test(m?.labels ?? '') || GPU.test(m?.name ?? '');
  }

  /** The display name of a thread: its thread_name, a stream's own name, else "thread 12". */
  threadName(pid: string, tid: string): string {
    const named = this.byPid.get(pid)?.threadNames.get(tid);
    if (named) return named;
    return isNumeric(tid) ? `thread ${tid}` : tid;
  }

  /** Where a thread sorts: its thread_sort_index, else the number in its id ("stream 7": 7). */
  threadSortIndex(pid: string, tid: string): number {
    const s = this.byPid.get(pid)?.threadSort.get(tid);
    if (s !== undefined) return s;
    const n = /-?\d+(\.\d+)?/.exec(tid);
    return n ? Number(n[0]) : 0;
  }

  /** The kind of a track: a CUDA stream (by id or name) or a GPU process's thread is 'gpu', the rest 'cpu'. */
  trackKind(pid: string, tid: string): TimelineTrack['kind'] {
    return this.isGpuProcess(pid) || STREAM.test(tid) || STREAM.test(this.threadName(pid, tid)) ? 'gpu' : 'cpu';
  }

  private meta(pid: string): ProcessMeta {
    let m = this.byPid.get(pid);
    if (!m) {
      m = { threadNames: new Map(), threadSort: new Map() };
      this.byPid.set(pid, m);
    }
    return m;
  }
}

/** A GPU process's name or label: "GPU 0". */
const GPU = /^GPU\b/;
/** A CUDA stream's thread id or name: "stream 7". */
const STREAM = /^stream\b/i;

function isNumeric(s: string): boolean {
  return /^-?\d+$/.test(s);
}
