/**
 * `s3://bucket/prefix` as the log root on object storage: the bucket, and the key prefix
 * under which the runs lie ('' or ending in '/').
 */
import { InvalidArgumentError } from '../errors.js';

export interface S3Location {
  readonly bucket: string;
  /** '' for the whole bucket, else the prefix with one trailing '/'. */
  readonly prefix: string;
}

/** Whether `location` names object storage rather than a directory. */
export function isS3Url(location: string): boolean {
  return /^s3:\/\//i.test(location);
}

/** Parses `s3://bucket[/prefix[/]]`; throws a message that says what is wrong. */
export function parseS3Url(url: string): S3Location {
  const m = /^s3:\/\/([^/]*)(?:\/(.*))?$/i.exec(url);
  if (!m) throw new InvalidArgumentError(`'${url}' is not an s3:// URL (s3://bucket/prefix)`);
  const bucket = m[1]!;
  // Bucket naming rules, loosened to what S3-compatible stores accept (dots, underscores, capitals in older buckets).
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{1,254}$/.test(bucket)) {
    throw new InvalidArgumentError(`'${url}': '${bucket}' is not a bucket name (3 or more letters, digits, '.', '-' or '_')`);
  }
  const rest = (m[2] ?? '').replace(/\/+$/, '');
  if (rest !== '' && rest.split('/').some((s) => s === '' || s === '.' || s === '..')) {
    throw new InvalidArgumentError(`'${url}': the prefix '${rest}' has an empty, '.' or '..' segment`);
  }
  return { bucket, prefix: rest === '' ? '' : `${rest}/` };
}

/** The URL of `key` under `loc`. */
export function s3Url(loc: S3Location, key = ''): string {
  return `s3://${loc.bucket}/${loc.prefix}${key}`;
}
