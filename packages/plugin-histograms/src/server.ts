/**
 * The histograms plugin's routes under /data/plugin/histograms/ (see ../http-api.md):
 *
 * - GET tags                                  -> {run: {tag: {displayName, description}}}
 * - GET histograms?run=&tag=[&downsample=N]   -> [[wall_time, step, [[left, right, count], ...]], ...]
 * - GET distributions?run=&tag=[&downsample=N] -> [[wall_time, step, [[basis_point, value] x 9]], ...]
 */
import type { Hono } from 'hono';
import { InvalidArgumentError, type DataProvider } from '@tb/core';
import { readDistributions, readHistograms } from './series.js';
import { tagsImpl } from './tags.js';

export function histogramsRoutes(app: Hono, data: DataProvider): void {
  app.get('/tags', (c) => c.json(tagsImpl(data)));
  app.get('/histograms', (c) => {
    const q = new URL(c.req.url).searchParams;
    return c.json(readHistograms(data, required(q, 'run'), required(q, 'tag'), downsample(q)));
  });
  app.get('/distributions', (c) => {
    const q = new URL(c.req.url).searchParams;
    return c.json(readDistributions(data, required(q, 'run'), required(q, 'tag'), downsample(q)));
  });
}

/** A field given exactly once. */
export function required(q: URLSearchParams, name: string): string {
  const values = q.getAll(name);
  if (values.length === 0) throw new InvalidArgumentError(`${name} is required (e.g. ?${name}=...), found none`);
  if (values.length > 1) throw new InvalidArgumentError(`${name} should be given once, found ${values.length} values`);
  return values[0]!;
}

/** `downsample`: the most histograms to return, a positive integer; undefined when absent. */
export function downsample(q: URLSearchParams): number | undefined {
  const raw = q.get('downsample');
  if (raw === null) return undefined;
  const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError(`downsample should be a positive integer, found ${JSON.stringify(raw)}`);
  return n;
}
