/**
 * How tb-core reaches object storage: the AWS SDK's own configuration chain
 * (environment, `~/.aws/config` and `credentials`, SSO, process and instance
 * credentials; `AWS_ENDPOINT_URL_S3` / `AWS_ENDPOINT_URL` for another endpoint), with
 * `--s3_endpoint` and `--s3_path_style` on top for stores that are not AWS.
 */
import type { ReadAheadOptions } from './read-ahead.js';
import type { RetryPolicy } from './retry.js';

export interface S3Options {
  /** e.g. http://127.0.0.1:9000 (MinIO), https://<account>.r2.cloudflarestorage.com. Default: the SDK's (environment, config file, AWS). */
  readonly endpoint?: string;
  /**
   * `https://endpoint/bucket/key` rather than `https://bucket.endpoint/key`. Default:
   * on when an endpoint other than AWS's is configured (MinIO, Ceph and most local
   * stores need it), off for AWS.
   */
  readonly forcePathStyle?: boolean;
  /** Default: the SDK's (AWS_REGION, the config file), else us-east-1. */
  readonly region?: string;
  /** Fixed credentials (tests); default: the SDK's credential chain. */
  readonly credentials?: { readonly accessKeyId: string; readonly secretAccessKey: string; readonly sessionToken?: string };
  readonly retry?: RetryPolicy;
  readonly readAhead?: ReadAheadOptions;
  /** Keys per listing page (S3 answers at most 1,000). */
  readonly pageSize?: number;
  /** Connections kept open to the store. Default 64. */
  readonly maxSockets?: number;
}

/** The endpoint the SDK would use from the environment, if one is set there. */
export function endpointFromEnv(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return env.AWS_ENDPOINT_URL_S3 || env.AWS_ENDPOINT_URL || undefined;
}
