/**
 * Where runs come from: a log directory or an `s3://bucket/prefix`, or TensorBoard's
 * `--logdir_spec` (`name1:path1,name2:s3://...`). A run is any directory, at any depth,
 * holding a file whose name contains `tfevents`; it is named by its path relative to its
 * root, with `/` separators, `.` for the root itself, and prefixed by the root's name in
 * a spec.
 */
import path from 'node:path';
import { InvalidArgumentError } from '../errors.js';
import { isS3Url, parseS3Url } from '../storage/s3-location.js';
import type { LogStore } from '../storage/store.js';

/** A root as the flags name it: `location` is an absolute directory or an s3:// URL. */
export interface LogRootSpec {
  readonly name: string | null;
  readonly location: string;
}

/** One root of the log directory, opened; `name` is null for a plain `--logdir`. */
export interface LogRoot extends LogRootSpec {
  readonly store: LogStore;
}

/**
 * Parses `--logdir` or `--logdir_spec` into roots. Exactly one must be given. In a spec,
 * an entry without `name:` is a root of its own with no name; a single letter before `:`
 * is a Windows drive, not a name; `s3://...` is object storage, named or not.
 */
export function parseLogRoots(logdir: string | undefined, logdirSpec: string | undefined): LogRootSpec[] {
  if (logdir && logdirSpec) throw new InvalidArgumentError('give --logdir or --logdir_spec, not both');
  if (logdir) return [{ name: null, location: locationOf(logdir) }];
  if (!logdirSpec) throw new InvalidArgumentError('a log directory is needed: --logdir DIR or --logdir_spec name:DIR,...');
  const roots: LogRootSpec[] = [];
  for (const entry of logdirSpec.split(',').map((s) => s.trim()).filter(Boolean)) {
    const m = /^([^:]{2,}):(.+)$/.exec(entry);
    if (m && !m[2]!.startsWith('//') && !isS3Url(entry)) roots.push({ name: m[1]!, location: locationOf(m[2]!) });
    else roots.push({ name: null, location: locationOf(entry) });
  }
  if (roots.length === 0) throw new InvalidArgumentError(`--logdir_spec '${logdirSpec}' names no directory`);
  const names = roots.map((r) => r.name).filter((n): n is string => n !== null);
  const dup = names.find((n, i) => names.indexOf(n) !== i);
  if (dup) throw new InvalidArgumentError(`--logdir_spec names '${dup}' twice`);
  return roots;
}

/** An s3:// URL checked and kept as written (less a trailing slash), or an absolute directory. */
function locationOf(place: string): string {
  if (isS3Url(place)) {
    const loc = parseS3Url(place);
    return `s3://${loc.bucket}${loc.prefix ? `/${loc.prefix.slice(0, -1)}` : ''}`;
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(place) && !/^[a-z]:/i.test(place)) {
    throw new InvalidArgumentError(`'${place}': only local directories and s3:// URLs can be read (for GCS, use its S3 interface: s3:// with --s3_endpoint https://storage.googleapis.com)`);
  }
  return path.resolve(place);
}

/** The run name of the directory `dirKey` ('' for the root itself) under `root`. */
export function runNameOf(root: LogRootSpec, dirKey: string): string {
  const rel = dirKey === '' ? '.' : dirKey;
  if (root.name === null) return rel;
  return rel === '.' ? root.name : `${root.name}/${rel}`;
}
