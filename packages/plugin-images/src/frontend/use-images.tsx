/** Fetches the images of (run, tag, sample) while `enabled`, again when `version` changes. */
import { useFetched, type Fetched, type PluginFetch } from '@tb/ui';
import { fetchImages, type ImageEntry } from './api.js';

export function useImages(fetch: PluginFetch, run: string, tag: string, sample: number, version: number, enabled: boolean): Fetched<ImageEntry[]> {
  return useFetched(() => fetchImages(fetch, run, tag, sample), [fetch, run, tag, sample, version], enabled);
}
