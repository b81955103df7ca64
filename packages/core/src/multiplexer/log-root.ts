/**
 * Where runs come from: a log directory, or TensorBoard's `--logdir_spec`
 * (`name1:path1,name2:path2`). A run is any directory, at any depth, holding a file
 * whose name contains `tfevents`; it is named by its path relative to its root, with
 * `/` separators, `.` for the root itself, and prefixed by the root's name in a spec.
 */
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { InvalidArgumentError } from '../errors.js';
import { isEventFileName } from './run-loader.js';

/** One root of the log directory; `name` is null for a plain `--logdir`. */
export interface LogRoot {
  readonly name: string | null;
  readonly path: string;
}

/**
 * Parses `--logdir` or `--logdir_spec` into absolute roots. Exactly one must be given.
 * In a spec, an entry without `name:` is a root of its own with no name; a single
 * letter before `:` is a Windows drive, not a name.
 */
export function parseLogRoots(logdir: string | undefined, logdirSpec: string | undefined): LogRoot[] {
  if (logdir && logdirSpec) throw new InvalidArgumentError('give --logdir or --logdir_spec, not both');
  if (logdir) return [{ name: null, path: path.resolve(logdir) }];
  if (!logdirSpec) throw new InvalidArgumentError('a log directory is needed: --logdir DIR or --logdir_spec name:DIR,...');
  const roots: LogRoot[] = [];
  for (const entry of logdirSpec.split(',').map((s) => s.trim()).filter(Boolean)) {
    const m = /^([^:]{2,}):(.+)$/.exec(entry);
    if (m && !m[2]!.startsWith('//')) roots.push({ name: m[1]!, path: path.resolve(m[2]!) });
    else roots.push({ name: null, path: path.resolve(entry) });
  }
  if (roots.length === 0) throw new InvalidArgumentError(`--logdir_spec '${logdirSpec}' names no directory`);
  const names = roots.map((r) => r.name).filter((n): n is string => n !== null);
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup) throw new InvalidArgumentError(`--logdir_spec names '${dup}' twice`);
  return roots;
}

/** The run name of `dir` under `root`. */
export function runNameOf(root: LogRoot, dir: string): string {
  const rel = path.relative(root.path, dir).split(path.sep).join('/') || '.';
  if (root.name === null) return rel;
  return rel === '.' ? root.name : `${root.name}/${rel}`;
}

/**
 * Finds every run under the roots: run name -> absolute directory. Unreadable
 * directories are passed to `onError` and skipped; symbolic links to directories are
 * not followed (they could loop).
 */
export async function discoverRuns(
  roots: readonly LogRoot[],
  onError: (dir: string, err: Error) => void,
): Promise<Map<string, string>> {
  const runs = new Map<string, string>();
  for (const root of roots) {
    const stack = [root.path];
    while (stack.length > 0) {
      const dir = stack.pop()!;
      let entries;
      try {
        entries = await readdir(dir, { withFileTypes: true });
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code !== 'ENOENT' || dir === root.path) onError(dir, err as Error);
        continue;
      }
      let isRun = false;
      for (const e of entries) {
        if (e.isDirectory()) stack.push(path.join(dir, e.name));
        else if (!isRun && (e.isFile() || e.isSymbolicLink()) && isEventFileName(e.name)) isRun = true;
      }
      if (isRun) runs.set(runNameOf(root, dir), dir);
    }
  }
  return runs;
}
