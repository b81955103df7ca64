/**
 * The `overview` answer in torch-tb-profiler's shape: `steps` (a Google-Charts table
 * with an html tooltip beside each figure), `performance` (the average step),
 * `recommendations` (an html list), `environments`, and `gpu_metrics` when a GPU ran kernels.
 */
import type { GpuSummary } from '../gpu/summary.js';
import { pyFloat, pyIntOrFloat, pyRound } from '../gpu/py-number.js';
import type { Role, StepCosts } from './breakdown.js';
import type { OverviewProfile } from './profile.js';

type Column = { type: 'string' | 'number'; name?: string; role?: 'tooltip'; p?: { html: 'true' } };

/** One child of `performance`. */
export interface PerformanceItem {
  name: string;
  description: string;
  value: number;
  extra: number;
  children?: PerformanceItem[];
}

/** The whole answer. */
export interface TorchOverview {
  steps: { columns: Column[]; rows: (string | number)[][] };
  performance: PerformanceItem[];
  recommendations: string;
  environments: { title: string; value: string }[];
  gpu_metrics?: GpuSummary;
}

const TOOLTIP: Column = { type: 'string', role: 'tooltip', p: { html: 'true' } };

/** The parts shown, in torch's order: role key and display name. */
function parts(p: OverviewProfile): [Role | 'Other', string][] {
  const out: [Role | 'Other', string][] = [];
  if (p.usesGpu) out.push(['Kernel', 'Kernel'], ['Memcpy', 'Memcpy'], ['Memset', 'Memset']);
  if (p.hasCommunication) out.push(['Communication', 'Communication']);
  if (p.usesGpu) out.push(['Runtime', 'Runtime']);
  out.push(['DataLoader', 'DataLoader'], ['CpuOp', 'CPU Exec'], ['Other', 'Other']);
  return out;
}

function tooltip(step: string, costs: StepCosts, label: string, value: number): string {
  const pct = costs.Total === 0 ? 0 : pyRound((100 * value) / costs.Total, 2);
  return `<div class="visualization-tooltip" style="white-space: nowrap;">Step ${step}<br>Total: ${pyIntOrFloat(costs.Total)}us<br><b>${label}: ${pyIntOrFloat(value)}us</b><br>Percentage: ${pyFloat(pct)}%</div>`;
}

/** The `overview` answer for `p`; `workerCount` is the number of workers in its run. */
export function overviewJson(p: OverviewProfile, o: { workerCount: number }): TorchOverview {
  const shown = parts(p);
  const columns: Column[] = [{ type: 'string', name: 'Step' }];
  for (const [, label] of shown) columns.push({ type: 'number', name: label }, TOOLTIP);
  const rows = p.steps.map(({ name, costs }) => {
    const row: (string | number)[] = [name];
    for (const [key, label] of shown) row.push(costs[key], tooltip(name, costs, label, costs[key]));
    return row;
  });
  const avg = p.average;
  const children: PerformanceItem[] = shown.map(([key, label]) => ({
    name: label,
    description: '',
    value: pyRound(avg[key]),
    extra: avg.Total === 0 ? 0 : pyRound((100 * avg[key]) / avg.Total, 2),
  }));
  const items = p.recommendationsHtml.length === 0 ? '<li>N/A</li>' : p.recommendationsHtml.map((r) => `<li>${r}</li>`).join('');
  const out: TorchOverview = {
    steps: { columns, rows },
    performance: [{ name: 'Average Step Time', description: '', value: pyRound(avg.Total), extra: 100, children }],
    recommendations: `<ul>${items}</ul>`,
    environments: [
      { title: 'Number of Worker(s)', value: String(o.workerCount) },
      { title: 'Device Type', value: p.usesGpu ? 'GPU' : 'CPU' },
    ],
  };
  if (p.gpu.summary) out.gpu_metrics = p.gpu.summary;
  return out;
}
