/**
 * Which profiles a log root holds, named the way torch-tb-profiler names them, from the
 * relative paths `DataProvider.listFiles` returns.
 *
 * - PyTorch (Kineto or autograd): `<run>/<worker>[.<timestamp>].pt.trace.json[.gz]`. The
 *   run is the file's directory relative to the root; the worker is the shortest prefix
 *   the rest of the name allows (`a.b.123.pt.trace.json` is worker `a.b`, timestamp
 *   `123`). A worker's timestamps, sorted as strings, become spans "1", "2", ...; a file
 *   without a timestamp is span "default".
 * - TensorFlow: `<run>/plugins/profile/<session>/<host>.xplane.pb` (or only a
 *   `<host>.trace.json.gz` there): run = the directory above `plugins/`, worker = the
 *   host, span = the session folder. When both files exist the XSpace is the profile and
 *   the trace is noted beside it.
 *
 * Files directly in the root belong to the run `rootName` (torch-tb-profiler uses the
 * log directory's base name there; TensorBoard's own runs call it ".").
 */
import type { LogFile } from '@tb/core/plugin';
import type { ProfileId } from './types.js';

/** How a profile is read: Chrome trace JSON (Kineto, autograd, TF's trace.json.gz) or a binary XSpace. */
export type ProfileKind = 'kineto-json' | 'xspace';

/** One profile: its (run, worker, span) and the file that holds it. */
export interface ProfileFile extends ProfileId {
  /** Relative to the log root, `/`-separated. */
  readonly path: string;
  readonly size: number;
  /** Seconds since the epoch. */
  readonly mtime: number;
  readonly kind: ProfileKind;
  /** For an XSpace: the `<host>.trace.json.gz` written beside it, when there is one. */
  readonly tracePath?: string;
}

/** One worker of a run and its spans, in torch-tb-profiler's order (span names sorted as strings). */
export interface WorkerListing {
  readonly name: string;
  readonly spans: readonly ProfileFile[];
}

/** One run and its workers, sorted by name. */
export interface RunListing {
  readonly name: string;
  readonly workers: readonly WorkerListing[];
}

/** Every profile of a log root; runs sorted by name. */
export interface ProfileListing {
  readonly runs: readonly RunListing[];
}

/** Options of {@link discoverProfiles}. */
export interface DiscoverOptions {
  /** The run name of files directly in the log root (default "."). */
  readonly rootName?: string;
}

/** Relative paths that may hold a profile: pass to `DataProvider.listFiles`. */
export const PROFILE_FILES =
  /(?:^|\/)[^/]*\.pt\.trace\.json(?:\.gz)?$|(?:^|\/)plugins\/profile\/[^/]+\/[^/]+\.(?:xplane\.pb|trace\.json\.gz)$/;

/** torch-tb-profiler's file-name rule: worker, optional timestamp, the suffix. */
const WORKER_NAME = /^(.*?)(?:\.(\d+))?\.pt\.trace\.json(?:\.gz)?$/;
const TF_FILE = /^(?:(.*)\/)?plugins\/profile\/([^/]+)\/([^/]+)\.(xplane\.pb|trace\.json\.gz)$/;

/** Name order of Python's `sorted` on str (code points; differs from `<` only past the BMP). */
export function compareNames(a: string, b: string): number {
  if (a === b) return 0;
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const x = ia.next();
    const y = ib.next();
    if (x.done) return y.done ? 0 : -1;
    if (y.done) return 1;
    const cx = x.value.codePointAt(0)!;
    const cy = y.value.codePointAt(0)!;
    if (cx !== cy) return cx - cy;
  }
}

interface Found {
  readonly run: string;
  readonly worker: string;
  /** The raw span key: a timestamp (PyTorch), the session (TF), or null (no timestamp). */
  readonly stamp: string | null;
  readonly file: LogFile;
  readonly kind: ProfileKind;
  readonly tf: boolean;
  readonly isTfTrace: boolean;
}

/** The profiles of a log root, from its file list (other files are ignored). */
export function discoverProfiles(files: readonly LogFile[], options: DiscoverOptions = {}): ProfileListing {
  const rootName = options.rootName ?? '.';
  const found: Found[] = [];
  for (const file of files) {
    const f = classify(file, rootName);
    if (f) found.push(f);
  }
  // (run, worker) → found files
  const byWorker = new Map<string, Map<string, Found[]>>();
  for (const f of found) {
    let workers = byWorker.get(f.run);
    if (!workers) byWorker.set(f.run, (workers = new Map()));
    let list = workers.get(f.worker);
    if (!list) workers.set(f.worker, (list = []));
    list.push(f);
  }
  const runs: RunListing[] = [];
  for (const [run, workers] of byWorker) {
    const workerListings: WorkerListing[] = [];
    for (const [worker, list] of workers) workerListings.push({ name: worker, spans: spansOf(run, worker, list) });
    workerListings.sort((a, b) => compareNames(a.name, b.name));
    runs.push({ name: run, workers: workerListings });
  }
  runs.sort((a, b) => compareNames(a.name, b.name));
  return { runs };
}

/** The profile named by `id` in `listing`, if any. */
export function findProfile(listing: ProfileListing, id: ProfileId): ProfileFile | undefined {
  return listing.runs
    .find((r) => r.name === id.run)
    ?.workers.find((w) => w.name === id.worker)
    ?.spans.find((s) => s.span === id.span);
}

function classify(file: LogFile, rootName: string): Found | null {
  const path = file.path;
  const slash = path.lastIndexOf('/');
  const dir = slash < 0 ? '' : path.slice(0, slash);
  const base = path.slice(slash + 1);
  const torch = WORKER_NAME.exec(base);
  if (torch) {
    return { run: dir || rootName, worker: torch[1]!, stamp: torch[2] ?? null, file, kind: 'kineto-json', tf: false, isTfTrace: false };
  }
  const tf = TF_FILE.exec(path);
  if (!tf) return null;
  const run = tf[1] || rootName;
  const isTrace = tf[4] === 'trace.json.gz';
  return { run, worker: tf[3]!, stamp: tf[2]!, file, kind: isTrace ? 'kineto-json' : 'xspace', tf: true, isTfTrace: isTrace };
}

function spansOf(run: string, worker: string, list: readonly Found[]): ProfileFile[] {
  const bySpan = new Map<string, ProfileFile>();
  const torch = list.filter((f) => !f.tf);
  // torch-tb-profiler numbers a worker's distinct timestamps 1, 2, ... in string order.
  const stamps = [...new Set(torch.flatMap((f) => (f.stamp === null ? [] : [f.stamp])))].sort(compareNames);
  const index = new Map(stamps.map((s, i) => [s, String(i + 1)]));
  // Sorted by path so that, of two files for one span (x.json and x.json.gz), the last wins as it does there.
  for (const f of [...torch].sort((a, b) => compareNames(a.file.path, b.file.path))) {
    const span = f.stamp === null ? 'default' : index.get(f.stamp)!;
    bySpan.set(span, profileFile(run, worker, span, f, undefined));
  }
  const sessions = new Map<string, { xspace?: Found; trace?: Found }>();
  for (const f of list) {
    if (!f.tf) continue;
    const s = sessions.get(f.stamp!) ?? {};
    if (f.isTfTrace) s.trace = f;
    else s.xspace = f;
    sessions.set(f.stamp!, s);
  }
  for (const [session, { xspace, trace }] of sessions) {
    if (bySpan.has(session)) continue; // a PyTorch span of the same name came first
    const main = xspace ?? trace!;
    bySpan.set(session, profileFile(run, worker, session, main, xspace && trace ? trace.file.path : undefined));
  }
  return [...bySpan.values()].sort((a, b) => compareNames(a.span, b.span));
}

function profileFile(run: string, worker: string, span: string, f: Found, tracePath: string | undefined): ProfileFile {
  return {
    run,
    worker,
    span,
    path: f.file.path,
    size: f.file.size,
    mtime: f.file.mtime,
    kind: f.kind,
    ...(tracePath !== undefined ? { tracePath } : {}),
  };
}
