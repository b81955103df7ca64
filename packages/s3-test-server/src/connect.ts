import { createServerHandle } from './client-handle.js';
import { startS3Server } from './server-process.js';
import type { S3TestServer } from './types.js';

/** The server named by env TB_TEST_S3_ENDPOINT (started by CI's script) if set, else startS3Server(). */
export async function connectS3TestServer(): Promise<S3TestServer> {
  const shared = process.env['TB_TEST_S3_ENDPOINT'];
  if (shared) {
    // Someone else owns that server: stop() only releases this handle's client.
    return createServerHandle(shared.replace(/\/+$/, ''), async () => {});
  }
  return startS3Server();
}
