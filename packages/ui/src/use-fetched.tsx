/**
 * Data a dashboard fetches: loads with `load` whenever `deps` change (the reload signal
 * among them), keeps the last good value while a refetch runs or fails, and offers a
 * retry. A load that finishes after a newer one started is ignored.
 */
import { useEffect, useState } from 'preact/hooks';

export interface Fetched<T> {
  /** The last value loaded; null before the first. */
  readonly value: T | null;
  /** The last load's error; null once a load succeeds. */
  readonly error: unknown;
  retry(): void;
}

/** @example const tags = useFetched(() => fetch.json('tags'), [fetch, reloadSignal]); */
export function useFetched<T>(load: () => Promise<T>, deps: readonly unknown[], enabled = true): Fetched<T> {
  const [value, setValue] = useState<T | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    load().then(
      (v) => {
        if (!live) return;
        setValue(() => v);
        setError(null);
      },
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [...deps, enabled, attempt]);
  return { value, error, retry: () => setAttempt((a) => a + 1) };
}
