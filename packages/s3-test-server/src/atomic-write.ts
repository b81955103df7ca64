import { randomBytes } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';

/**
 * A temporary name beside `finalPath`. It ends in '.tmp', never in s3rver's
 * '._S3rver_object' suffix, so listings never mistake it for an object.
 */
export function temporaryPathBeside(finalPath: string): string {
  return `${finalPath}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`;
}

/** Replaces a file in one step (rename), so readers never see it half-written. */
export async function writeFileAtomic(finalPath: string, data: string | Uint8Array): Promise<void> {
  const temporary = temporaryPathBeside(finalPath);
  try {
    await writeFile(temporary, data);
    await rename(temporary, finalPath);
  } catch (err) {
    await rm(temporary, { force: true });
    throw err;
  }
}
