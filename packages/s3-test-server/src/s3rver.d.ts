// s3rver 3.7.1 ships no type definitions. These declare only the parts this
// package uses; they describe s3rver's CommonJS modules as loaded by require().

declare module 's3rver' {
  import type { AddressInfo } from 'node:net';
  import type { Server } from 'node:http';
  import type FilesystemStore from 's3rver/lib/stores/filesystem';

  interface S3rverOptions {
    address?: string;
    port?: number;
    directory?: string;
    silent?: boolean;
    resetOnClose?: boolean;
    allowMismatchedSignatures?: boolean;
    vhostBuckets?: boolean;
  }

  class S3rver {
    constructor(options?: S3rverOptions);
    store: FilesystemStore;
    context: { store: FilesystemStore };
    httpServer?: Server;
    run(): Promise<AddressInfo>;
    close(): Promise<void>;
  }
  export = S3rver;
}

declare module 's3rver/lib/models/object' {
  import type { Readable } from 'node:stream';

  class S3Object {
    constructor(bucket: string, key: string, content: Readable | Buffer | null, metadata: Record<string, unknown>);
    bucket: string;
    key: string;
    content: Readable | Buffer | null;
    metadata: Record<string, string>;
    range?: { start: number; end: number };
    readonly size: number;
    static ALLOWED_METADATA: string[];
  }
  export = S3Object;
}

declare module 's3rver/lib/stores/filesystem' {
  import type S3Object from 's3rver/lib/models/object';

  interface ListObjectsOptions {
    delimiter?: string;
    startAfter?: string;
    prefix?: string;
    maxKeys?: number;
  }
  interface ListObjectsResult {
    objects: S3Object[];
    commonPrefixes: string[];
    isTruncated: boolean;
  }

  class FilesystemStore {
    constructor(rootDirectory: string);
    rootDirectory: string;
    static decodeKeyPath(keyPath: string): string;
    getBucketPath(bucket: string): string;
    getResourcePath(bucket: string, key: string | undefined, resource: string): string;
    getMetadata(bucket: string, key: string): Promise<Record<string, string | number>>;
    putMetadata(bucket: string, key: string, metadata: Record<string, string>, md5?: string): Promise<void>;
    putBucket(bucket: string): Promise<unknown>;
    listObjects(bucket: string, options: ListObjectsOptions): Promise<ListObjectsResult>;
    getObject(bucket: string, key: string, options?: { start?: number; end?: number }): Promise<S3Object | null>;
    putObject(object: S3Object): Promise<{ size: number; md5: string }>;
  }
  export = FilesystemStore;
}

declare module 's3rver/lib/controllers/bucket' {
  // A Koa context; only the fields the listing patch reads are typed.
  interface ListingContext {
    query: Record<string, string | undefined>;
    params: { bucket: string };
    body: unknown;
  }
  export let getBucket: (ctx: ListingContext) => Promise<void>;
}
