/**
 * The Overview view: configuration and GPU summary, the average step-time breakdown
 * (donut and table of µs and %), the per-step stacked breakdown, and the performance
 * recommendations. Numbers come from `figures`; environment and device lines from
 * torch's `overview`.
 */
import { Card, useFetched, type PluginFetch } from '@tb/ui';
import { CATEGORIES, CATEGORY_LABELS, profileRoute, type Figures, type OverviewAnswer, type ProfileRef } from './api.js';
import { CATEGORY_COLORS } from './colors.js';
import { formatFraction, formatPercent, formatUs } from './format.js';
import { Loaded } from './Loaded.js';
import { Pie } from './Pie.js';
import { StepChart } from './StepChart.js';

/** Props of {@link Overview}. */
export interface OverviewProps {
  readonly fetch: PluginFetch;
  readonly profile: ProfileRef;
  readonly reloadSignal: number;
}

/** The percentage of `c` in the average: the server's, else computed from the times. */
function percentOf(avg: Figures['average'], c: (typeof CATEGORIES)[number]): number {
  const p = avg.percent?.[c];
  if (typeof p === 'number' && Number.isFinite(p)) return p;
  return avg.total > 0 ? (avg[c] / avg.total) * 100 : Number.NaN;
}

function Breakdown({ figures }: { figures: Figures }) {
  const avg = figures.average;
  return (
    <div class="tb-prof-split">
      <Pie slices={CATEGORIES.map((c) => ({ label: CATEGORY_LABELS[c], value: avg[c], color: CATEGORY_COLORS[c] }))} format={formatUs} testId="breakdown-pie" />
      <table class="tb-prof-kv" data-testid="breakdown-table">
        <thead>
          <tr>
            <th>Category</th>
            <th class="tb-prof-num">Time Duration (µs)</th>
            <th class="tb-prof-num">Percentage (%)</th>
          </tr>
        </thead>
        <tbody>
          <tr data-category="total">
            <th scope="row">Average Step Time</th>
            <td class="tb-prof-num">{formatUs(avg.total)}</td>
            <td class="tb-prof-num">{formatPercent(100)}</td>
          </tr>
          {CATEGORIES.map((c) => (
            <tr key={c} data-category={c}>
              <th scope="row">
                <span class="tb-prof-legend__swatch" style={{ background: CATEGORY_COLORS[c] }} />
                {CATEGORY_LABELS[c]}
              </th>
              <td class="tb-prof-num">{formatUs(avg[c])}</td>
              <td class="tb-prof-num">{formatPercent(percentOf(avg, c))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Facts({ figures, overview }: { figures: Figures; overview: OverviewAnswer | null }) {
  const gpu = figures.gpu;
  const lines = overview?.gpu_metrics?.data ?? [];
  return (
    <div class="tb-prof-facts">
      <Card title="Configuration" expandable={false} testId="environment">
        <dl class="tb-prof-dl">
          {(overview?.environments ?? []).map((e) => [<dt key={`t${e.title}`}>{e.title}</dt>, <dd key={`v${e.title}`}>{e.value}</dd>])}
        </dl>
      </Card>
      {(gpu || lines.length > 0) && (
        <Card title="GPU Summary" subtitle={overview?.gpu_metrics?.tooltip ? <span title={overview.gpu_metrics.tooltip}>What these mean ⓘ</span> : undefined} expandable={false} testId="gpu-summary">
          <dl class="tb-prof-dl">
            {lines
              .filter((l) => !/utilization|efficiency|occupancy/i.test(l.title))
              .map((l) => [<dt key={`t${l.title}`}>{l.title}</dt>, <dd key={`v${l.title}`}>{l.value}</dd>])}
            {gpu && [
              <dt key="u">GPU Utilization</dt>,
              <dd key="uv" data-testid="gpu-utilization">{formatFraction(gpu.utilization)}</dd>,
              <dt key="s">Est. SM Efficiency</dt>,
              <dd key="sv">{formatFraction(gpu.smEfficiency)}</dd>,
              <dt key="o">Est. Achieved Occupancy</dt>,
              <dd key="ov">{formatFraction(gpu.occupancy)}</dd>,
            ]}
          </dl>
        </Card>
      )}
    </div>
  );
}

/** @example <Overview fetch={fetch} profile={{ run, worker, span }} reloadSignal={0} /> */
export function Overview({ fetch, profile, reloadSignal }: OverviewProps) {
  const deps = [fetch, profile.run, profile.worker, profile.span, reloadSignal];
  const figures = useFetched(() => fetch.json<Figures>(profileRoute('figures', profile)), deps);
  const overview = useFetched(() => fetch.json<OverviewAnswer>(profileRoute('overview', profile)), deps);
  return (
    <div class="tb-prof-view" data-testid="overview">
      <Loaded fetched={figures} label="Loading the profile…" errorTitle="Could not load the overview" testId="overview">
        {(f) => (
          <>
            <Facts figures={f} overview={overview.value} />
            <Card title="Execution Summary" subtitle="Average step time by category" expandable={false}>
              <Breakdown figures={f} />
            </Card>
            <Card title="Step Time Breakdown" subtitle={`${f.steps.length} steps`} expandable={false}>
              {f.steps.length > 0 ? <StepChart steps={f.steps} testId="step-chart" /> : <p class="tb-prof-note">This profile has no step markers.</p>}
            </Card>
            <Card title="Performance Recommendations" expandable={false} testId="recommendations">
              {f.recommendations.length > 0 ? (
                <ul class="tb-prof-recommendations">
                  {f.recommendations.map((r) => (
                    <li key={r}>{r}</li>
                  ))}
                </ul>
              ) : (
                <p class="tb-prof-note">Nothing stands out in this profile.</p>
              )}
            </Card>
          </>
        )}
      </Loaded>
    </div>
  );
}
