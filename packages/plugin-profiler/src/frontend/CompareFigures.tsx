/**
 * Baseline against experiment: the average step time of each as a stacked horizontal
 * bar (same scale), and a table of every category's time with the delta.
 */
import { useFetched, type PluginFetch } from '@tb/ui';
import { CATEGORIES, CATEGORY_LABELS, profileRoute, type Figures, type ProfileRef } from './api.js';
import { CATEGORY_COLORS } from './colors.js';
import { formatDelta, formatUs } from './format.js';
import { Loaded } from './Loaded.js';

/** Props of {@link CompareFigures}. */
export interface CompareFiguresProps {
  readonly fetch: PluginFetch;
  readonly base: ProfileRef;
  readonly exp: ProfileRef;
}

const describe = (p: ProfileRef) => `${p.run} · ${p.worker} · span ${p.span}`;

function Bar({ name, figures, max }: { name: string; figures: Figures; max: number }) {
  const avg = figures.average;
  return (
    <div class="tb-prof-hbar" data-testid={`compare-bar-${name}`}>
      <div class="tb-prof-hbar__label">
        {name} <span class="tb-prof-muted">{formatUs(avg.total)}</span>
      </div>
      <div class="tb-prof-hbar__track">
        {CATEGORIES.map((c) =>
          avg[c] > 0 ? (
            <span key={c} class="tb-prof-hbar__seg" style={{ width: `${(avg[c] / max) * 100}%`, background: CATEGORY_COLORS[c] }} title={`${CATEGORY_LABELS[c]}: ${formatUs(avg[c])}`} />
          ) : null,
        )}
      </div>
    </div>
  );
}

/** @example <CompareFigures fetch={fetch} base={a} exp={b} /> */
export function CompareFigures({ fetch, base, exp }: CompareFiguresProps) {
  const both = useFetched(
    () => Promise.all([fetch.json<Figures>(profileRoute('figures', base)), fetch.json<Figures>(profileRoute('figures', exp))]),
    [fetch, base.run, base.worker, base.span, exp.run, exp.worker, exp.span],
  );
  return (
    <Loaded fetched={both} label="Loading both profiles…" errorTitle="Could not load the step times to compare" testId="compare">
      {([b, e]) => {
        const max = Math.max(1, b.average.total, e.average.total);
        const rows = [{ key: 'total', label: 'Average Step Time', base: b.average.total, exp: e.average.total }, ...CATEGORIES.map((c) => ({ key: c, label: CATEGORY_LABELS[c], base: b.average[c], exp: e.average[c] }))];
        return (
          <div class="tb-prof-compare" data-testid="compare">
            <Bar name="Baseline" figures={b} max={max} />
            <Bar name="Experiment" figures={e} max={max} />
            <table class="tb-prof-kv" data-testid="compare-table">
              <thead>
                <tr>
                  <th>Category</th>
                  <th class="tb-prof-num" title={describe(base)}>Baseline (µs)</th>
                  <th class="tb-prof-num" title={describe(exp)}>Experiment (µs)</th>
                  <th class="tb-prof-num">Delta (µs)</th>
                  <th class="tb-prof-num">Delta (%)</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.key} data-category={r.key}>
                    <th scope="row">{r.label}</th>
                    <td class="tb-prof-num">{formatUs(r.base)}</td>
                    <td class="tb-prof-num">{formatUs(r.exp)}</td>
                    <td class={`tb-prof-num ${r.exp > r.base ? 'tb-prof-worse' : r.exp < r.base ? 'tb-prof-better' : ''}`}>{formatDelta(r.exp - r.base)}</td>
                    <td class="tb-prof-num">{r.base > 0 ? `${(((r.exp - r.base) / r.base) * 100).toFixed(2)} %` : '–'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        );
      }}
    </Loaded>
  );
}
