/// <reference types="node" />
/**
 * Test fixtures (tests only; never imported by the page): a PluginFetch answering from
 * torch-tb-profiler's recorded answers for the two ResNet-50 Kineto runs, and the
 * `figures` answer (which torch does not have) derived from its `overview` answer.
 */
import { PluginHttpError } from '@tb/ui';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { CATEGORIES, CATEGORY_LABELS, type Category, type Figures, type StepFigures } from './api.js';

/*
 * The corpus is read here rather than through @tb/core/testing: under happy-dom, vite's
 * web transform rewrites `new URL(…, import.meta.url)` in @tb/core's proto loader, so that
 * module cannot load in a DOM test. The layout is the same: test/corpus/reference/<root>/.
 */

/** A recorded request of the reference index. */
export interface ReferenceRequest {
  readonly path: string;
  readonly query: [string, string][];
  readonly status: number;
  readonly file: string;
}

function corpusDir(): string {
  const env = process.env['TB_CORPUS'];
  if (env) return path.resolve(env);
  for (let dir = process.cwd(); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'test', 'corpus', 'README.md'))) return path.join(dir, 'test', 'corpus');
    if (path.dirname(dir) === dir) throw new Error('the test corpus (test/corpus/) was not found');
  }
}

function referenceText(root: string, r: ReferenceRequest): string {
  const file = path.join(corpusDir(), 'reference', root, r.file);
  return (existsSync(file) ? readFileSync(file) : gunzipSync(readFileSync(`${file}.gz`))).toString('utf8');
}

const referenceJson = (root: string, r: ReferenceRequest): unknown => JSON.parse(referenceText(root, r));

function referenceRequests(root: string, prefix: string): ReferenceRequest[] {
  const index = JSON.parse(readFileSync(path.join(corpusDir(), 'reference', root, 'index.json'), 'utf8')) as ReferenceRequest[];
  return index.filter((r) => r.path.startsWith(prefix));
}

const ROOT = 'profile-kineto';
const PREFIX = '/data/plugin/pytorch_profiler/';
let all: ReferenceRequest[] | null = null;

/** The recorded request answering `route` (same path, same query pairs in any order), if any. */
export function findReference(route: string): ReferenceRequest | undefined {
  all ??= referenceRequests(ROOT, PREFIX);
  const [path, query = ''] = route.split('?') as [string, string?];
  const want = [...new URLSearchParams(query)].map(([k, v]) => `${k}=${v}`).sort();
  return all.find((r) => r.path === PREFIX + path && r.query.map(([k, v]) => `${k}=${v}`).sort().join('&') === want.join('&'));
}

/** The recorded JSON answer of `route`; a recorded error (or none recorded) rejects as the page would see it. */
export function referenceAnswer(route: string): unknown {
  if (route.startsWith('figures?')) return figuresFromOverview(referenceAnswer(`overview?${route.split('?')[1]}`) as TorchOverview);
  const r = findReference(route);
  if (!r) throw new PluginHttpError(404, `no recorded answer for ${route}`);
  if (r.status !== 200) {
    const message = /<p>(.*?)<\/p>/s.exec(referenceText(ROOT, r))?.[1] ?? `HTTP ${r.status}`;
    throw new PluginHttpError(r.status, message);
  }
  return referenceJson(ROOT, r);
}

/** The parts of torch's overview answer the figures come from. */
export interface TorchOverview {
  steps: { columns: { name?: string; role?: string }[]; rows: (string | number)[][] };
  performance: { value: number; children: { name: string; value: number; extra: number }[] }[];
  gpu_metrics?: { data: { title: string; value: string }[] };
  recommendations: string;
}

const byLabel = new Map<string, Category>(CATEGORIES.map((c) => [CATEGORY_LABELS[c], c]));

/** Our `figures` answer computed from torch's `overview` answer (µs; percentages in 0..100; GPU as fractions). */
export function figuresFromOverview(o: TorchOverview): Figures {
  const steps = o.steps.rows.map((row) => {
    const s: Record<string, number | string> = { step: String(row[0]) };
    let total = 0;
    o.steps.columns.forEach((c, i) => {
      const key = c.name && byLabel.get(c.name);
      if (key && i > 0) {
        s[key] = Number(row[i]);
        total += Number(row[i]);
      }
    });
    return { ...s, total } as unknown as StepFigures;
  });
  const perf = o.performance[0]!;
  const average: Record<string, unknown> = { total: perf.value, percent: {} };
  for (const child of perf.children) {
    const key = byLabel.get(child.name)!;
    average[key] = child.value;
    (average.percent as Record<string, number>)[key] = child.extra;
  }
  const metric = (title: string) => {
    const line = o.gpu_metrics?.data.find((d) => d.title === title);
    return line ? Number.parseFloat(line.value) / 100 : null;
  };
  const gpu = o.gpu_metrics ? { utilization: metric('GPU Utilization'), smEfficiency: metric('Est. SM Efficiency'), occupancy: metric('Est. Achieved Occupancy') } : null;
  const recommendations = [...o.recommendations.matchAll(/<li>(.*?)<\/li>/gs)].map((m) => m[1]!.replace(/<[^>]+>/g, ''));
  return { steps, average: average as Figures['average'], gpu, recommendations };
}
