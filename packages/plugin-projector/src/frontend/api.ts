/**
 * The projector's routes as typed calls: the run's config, an embedding's metadata,
 * bookmarks and raw tensor, and nearest neighbours in the original space.
 */
import type { PluginFetch } from '@tb/ui';
import type { InfoResponse, NeighborMetric, NeighborsResponse, RunsResponse } from '../api-types.js';
import { floatsOfBytes } from './float-data.js';

const q = (params: Record<string, string | number>) =>
  Object.entries(params)
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join('&');

/** The runs with embeddings. */
export function fetchRuns(fetch: PluginFetch): Promise<RunsResponse> {
  return fetch.json<RunsResponse>('runs');
}

/** A run's projector config. */
export function fetchInfo(fetch: PluginFetch, run: string): Promise<InfoResponse> {
  return fetch.json<InfoResponse>(`info?${q({ run })}`);
}

async function text(fetch: PluginFetch, route: string, what: string): Promise<string> {
  const res = await fetch.raw(route);
  if (!res.ok) throw new Error(`Could not load ${what}: the server answered ${res.status} ${(await res.text()).slice(0, 200)}`);
  return res.text();
}

/** The metadata TSV of an embedding, as text. */
export function fetchMetadata(fetch: PluginFetch, run: string, name: string): Promise<string> {
  return text(fetch, `metadata?${q({ run, name })}`, `the metadata of ${name}`);
}

/** The saved states of an embedding (TensorBoard's bookmarks JSON), or [] when it has none. */
export async function fetchBookmarks(fetch: PluginFetch, run: string, name: string): Promise<unknown> {
  const res = await fetch.raw(`bookmarks?${q({ run, name })}`);
  if (!res.ok) return [];
  try {
    return (await res.json()) as unknown;
  } catch {
    return [];
  }
}

/** The embedding's vectors (rows x columns, row-major). */
export async function fetchTensor(fetch: PluginFetch, run: string, name: string): Promise<Float32Array> {
  const res = await fetch.raw(`tensor?${q({ run, name })}`);
  if (!res.ok) throw new Error(`Could not load the tensor ${name}: the server answered ${res.status}`);
  return floatsOfBytes(await res.arrayBuffer());
}

/** The URL of the embedding's sprite sheet. */
export function spriteUrl(fetch: PluginFetch, run: string, name: string): string {
  return fetch.url(`sprite_image?${q({ run, name })}`);
}

/** The `k` nearest neighbours of point `index` in the original space, nearest first. */
export function fetchNeighbors(
  fetch: PluginFetch,
  o: { run: string; tensor: string; index: number; k: number; metric: NeighborMetric },
): Promise<NeighborsResponse> {
  return fetch.json<NeighborsResponse>(`neighbors?${q(o)}`);
}
