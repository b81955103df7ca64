/**
 * Where a session's metrics live, with TensorBoard's path rules (Python's posixpath):
 * the metric `{group, tag}` of session `s` is the scalar series `tag` of run
 * `join(s, group)`; a scalar run belongs to the session that is its longest ancestor
 * path, and its group is its path relative to that session.
 */

/**
 * The run holding metric `group` of `session`: `session/group`, `session` for an
 * empty group, `group` itself when it starts with '/', as `os.path.join` (with the
 * trailing '/' TensorBoard strips).
 *
 * @example metricRun('sweep/trial-1', 'validation') === 'sweep/trial-1/validation'
 */
export function metricRun(session: string, group: string): string {
  let run: string;
  if (group.startsWith('/')) run = group;
  else if (session === '' || session.endsWith('/')) run = session + group;
  else run = `${session}/${group}`;
  return run.endsWith('/') ? run.slice(0, -1) : run;
}

/** Python's `posixpath.dirname`: everything before the last '/', trailing slashes dropped unless all are. */
export function dirname(path: string): string {
  const i = path.lastIndexOf('/') + 1;
  const head = path.slice(0, i);
  return head && head !== '/'.repeat(head.length) ? head.replace(/\/+$/, '') : head;
}

/**
 * The longest path among `sessions` that is `run` or an ancestor of it, by repeated
 * `dirname`; null when none is.
 */
export function longestSessionPath(sessions: ReadonlySet<string>, run: string): string | null {
  let path = run;
  while (!sessions.has(path)) {
    if (!path) return null;
    const parent = dirname(path);
    if (parent === path) return null;
    path = parent;
  }
  return path;
}

/**
 * The metric group of scalar run `run` under session `session` (an ancestor path or
 * the run itself): the relative path, '' for the session itself (unless the run's name
 * ends with '.', as TensorBoard keeps '.' then).
 */
export function metricGroup(run: string, session: string): string {
  const rel = relativePath(run, session);
  return rel === '.' && !run.endsWith('.') ? '' : rel;
}

/** Python's `posixpath.relpath(path, start)` for relative paths. */
function relativePath(path: string, start: string): string {
  const parts = (p: string) => p.split('/').filter((s) => s !== '' && s !== '.');
  const a = parts(path);
  const b = parts(start);
  let common = 0;
  while (common < a.length && common < b.length && a[common] === b[common]) common++;
  const rel = [...Array<string>(b.length - common).fill('..'), ...a.slice(common)];
  return rel.length ? rel.join('/') : '.';
}
