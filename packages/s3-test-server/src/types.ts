export interface S3Credentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
}

export interface S3TestServer {
  /** e.g. http://127.0.0.1:41234 */
  readonly endpoint: string;
  readonly region: string;
  readonly credentials: S3Credentials;
  /** Environment for a child tb-core process or the AWS SDK: AWS_ENDPOINT_URL, AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_REGION. */
  env(): Record<string, string>;
  /** Creates a bucket; without a name, a fresh unique valid name (lowercase, 3-63 chars). Returns the name. */
  createBucket(name?: string): Promise<string>;
  putObject(bucket: string, key: string, body: Uint8Array | string): Promise<void>;
  deleteObject(bucket: string, key: string): Promise<void>;
  /** Uploads every regular file under localDir (recursively) to bucket under prefix ('' or 'a/b/', keys use '/'), 8 uploads at a time. */
  uploadDir(localDir: string, bucket: string, prefix: string): Promise<{ objects: number; bytes: number }>;
  /** Stops the server if this handle started it (a shared server from TB_TEST_S3_ENDPOINT is left running). */
  stop(): Promise<void>;
}

export interface FaultRule {
  /** How many matching requests fail; then the rule is spent. */
  count: number;
  /** Which requests: default all. Gets the method and the path+query (e.g. '/bucket/key?list-type=2'). */
  match?: (method: string, url: string, headers: Record<string, string | string[] | undefined>) => boolean;
  /** 'reset': destroy the client socket without answering; otherwise an HTTP status with an S3 XML error body. */
  fault: 'reset' | { status: number; code: string };
}

export interface FaultProxy {
  readonly endpoint: string;
  inject(rule: FaultRule): void;
  /** Requests seen, and how many of them were failed on purpose. */
  readonly stats: { requests: number; failed: number };
  stop(): Promise<void>;
}
