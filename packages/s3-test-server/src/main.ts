/**
 * Child-process entry: s3rver with the fixed store, on one address.
 * Run as `node --openssl-legacy-provider dist/main.js --directory DIR [--port N] [--address A]`.
 * Prints one JSON line {"endpoint": "..."} once listening.
 */
import { mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { parseArgs } from 'node:util';
import type S3rverType from 's3rver';
import { FixedFilesystemStore } from './fixed-store.js';
import { patchListingController } from './listing-controller-patch.js';

const require = createRequire(import.meta.url);
const S3rver = require('s3rver') as typeof S3rverType;

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    directory: { type: 'string' },
    address: { type: 'string', default: '127.0.0.1' },
    // Set by the launcher, whose pipe closes when it dies. Not the default, because a
    // server started by hand in the background often has stdin closed from the start.
    'exit-with-stdin': { type: 'boolean', default: false },
  },
});
if (!values.directory) {
  process.stderr.write('usage: main.js --directory DIR [--port N] [--address 127.0.0.1] [--exit-with-stdin]\n');
  process.exit(2);
}
const port = Number(values.port);
const address = values.address ?? '127.0.0.1';
await mkdir(values.directory, { recursive: true });

patchListingController();
const server = new S3rver({ port, address, directory: values.directory, silent: true });
// s3rver builds its own store in the constructor and reads it from both places.
const store = new FixedFilesystemStore(values.directory);
server.store = store;
server.context.store = store;
const listening = await server.run();

// An unspecified address is not something a client can connect to.
const host = address === '0.0.0.0' || address === '::' ? '127.0.0.1' : address.includes(':') ? `[${address}]` : address;
process.stdout.write(`${JSON.stringify({ endpoint: `http://${host}:${listening.port}` })}\n`);

let stopping = false;
function shutdown(): void {
  if (stopping) return;
  stopping = true;
  const closed = server.close();
  // Keep-alive connections from clients would hold close() open.
  server.httpServer?.closeAllConnections();
  closed.then(
    () => process.exit(0),
    () => process.exit(0),
  );
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
if (values['exit-with-stdin']) {
  process.stdin.on('end', shutdown);
  process.stdin.on('close', shutdown);
  process.stdin.on('error', shutdown);
  process.stdin.resume();
}
