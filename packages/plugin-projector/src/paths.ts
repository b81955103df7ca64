/**
 * Paths named in a projector config, resolved as TensorBoard does (relative to the
 * config file's directory) but confined to the log root: the answer is a path relative
 * to the root for `DataProvider.readFile`, or a 400 naming the path.
 */
import { posix } from 'node:path';
import { InvalidArgumentError } from '@tb/core/plugin';

/**
 * `configured` (from a config in `configDir`, both relative to the log root) as a path
 * relative to the root. An absolute path is accepted when it lies under `logdir`.
 * @example resolveAssetPath('00000/metadata.tsv', '.', '/logs') // '00000/metadata.tsv'
 * @throws InvalidArgumentError when the path leaves the log root.
 */
export function resolveAssetPath(configured: string, configDir: string, logdir: string): string {
  const outside = (): InvalidArgumentError =>
    new InvalidArgumentError(`the path "${configured}" in ${posix.join(configDir, 'projector_config.pbtxt')} is outside the log root; expected a path relative to the config file, inside the log root`);
  let p = configured.replace(/\\/g, '/');
  if (p.startsWith('~')) throw outside();
  if (p.startsWith('/') || /^[A-Za-z]:\//.test(p) || /^s3:\/\//i.test(p)) {
    const root = logdir.replace(/\\/g, '/').replace(/\/+$/, '');
    if (!root || !(p === root || p.startsWith(`${root}/`))) throw outside();
    p = p.slice(root.length + 1) || '.';
  } else p = posix.join(configDir, p);
  const normal = posix.normalize(p);
  if (normal === '..' || normal.startsWith('../') || normal.startsWith('/')) throw outside();
  return normal;
}

/** The directory part of a relative path: `a/b/c` -> `a/b`, `c` -> `.`. */
export function dirOf(relative: string): string {
  return posix.dirname(relative);
}
