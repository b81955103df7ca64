/** Opens the store a root's location names: a directory on disk, or s3://. */
import { LocalStore } from './local-store.js';
import { isS3Url } from './s3-location.js';
import type { S3Options } from './s3-options.js';
import { S3Store } from './s3-store.js';
import type { LogStore } from './store.js';

export function openStore(location: string, s3: S3Options = {}): LogStore {
  return isS3Url(location) ? new S3Store(location, s3) : new LocalStore(location);
}
