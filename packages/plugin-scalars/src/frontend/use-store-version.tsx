/**
 * Re-renders a component whenever the {@link SeriesStore} reports a change for one tag
 * (data arrived, loading started or ended, an error), by counting the reports.
 */
import { useEffect, useState } from 'preact/hooks';
import type { SeriesStore } from './series-store.js';

/** A number that changes with every change the store reports for `tag`. */
export function useStoreVersion(store: SeriesStore, tag: string): number {
  const [version, setVersion] = useState(0);
  useEffect(() => store.subscribe(tag, () => setVersion((v) => v + 1)), [store, tag]);
  return version;
}
