/**
 * A real S3-compatible server for tb-core's tests and benchmarks: s3rver 3.7.1 with its
 * known faults fixed, run in a child process, plus a fault-injecting proxy.
 */
export type { S3Credentials, S3TestServer, FaultRule, FaultProxy } from './types.js';
export { startS3Server } from './server-process.js';
export { connectS3TestServer } from './connect.js';
export { startFaultProxy } from './fault-proxy.js';
