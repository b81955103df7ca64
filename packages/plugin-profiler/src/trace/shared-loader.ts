/**
 * The process's one {@link ProfileLoader}: every log root's profile store shares its
 * worker pool, so the number of parsing threads stays bounded however many roots load.
 */
import { ProfileLoader } from './loader.js';

let shared: ProfileLoader | null = null;

/** The shared loader, started on first use. */
export function sharedLoader(): ProfileLoader {
  return (shared ??= new ProfileLoader());
}

/** Closes the shared loader (tests, shutdown); the next {@link sharedLoader} starts a new one. */
export async function closeSharedLoader(): Promise<void> {
  const l = shared;
  shared = null;
  await l?.close();
}
