/**
 * The Custom Scalars dashboard: the layout's categories as collapsible sections, each
 * chart a card that combines every tag its regexes match across the selected runs (a
 * line per run and tag), margin charts with their bounds shaded. Federated as
 * `tb_plugin_custom_scalars/Dashboard`.
 */
import { EmptyState, ErrorState, LoadingState, runColor, useFetched, useRunVersions, type DashboardProps } from '@tb/ui';
import { useState } from 'preact/hooks';
import { fetchLayout } from './api.js';
import { isOpen, loadToggled, saveToggled } from './categories.js';
import { ChartCard } from './ChartCard.js';
import './custom-scalars.css';

/** The dashboard the shell mounts for the Custom Scalars tab. */
export default function Dashboard(props: DashboardProps) {
  const { fetch, selectedRuns, runColors, reloadSignal } = props;
  const layout = useFetched(() => fetchLayout(fetch), [fetch, reloadSignal]);
  const [toggled, setToggled] = useState<ReadonlySet<string>>(loadToggled);
  const versionOf = useRunVersions(props);
  const colorOf = (run: string) => runColors[run] ?? runColor(run);

  if (layout.error && !layout.value) return <ErrorState title="Could not load the layout" error={layout.error} onRetry={layout.retry} />;
  if (!layout.value) return <LoadingState label="Loading the layout" />;
  const categories = layout.value.category;
  if (categories.length === 0) {
    return (
      <EmptyState title="No custom scalar layout" testId="cs-no-layout">
        No run wrote a layout. Write one with <code>add_custom_scalars</code> (PyTorch) or TensorBoard's custom scalar layout summary.
      </EmptyState>
    );
  }

  const toggle = (title: string) => {
    const next = new Set(toggled);
    if (!next.delete(title)) next.add(title);
    setToggled(next);
    saveToggled(next);
  };

  return (
    <div class="cs-dashboard">
      {selectedRuns.length === 0 && (
        <p class="cs-note" data-testid="cs-no-runs">
          No runs are selected: select some in the run selector to draw the charts.
        </p>
      )}
      {categories.map((category, i) => {
        const open = isOpen(category.closed, toggled.has(category.title));
        return (
          <section key={`${i}:${category.title}`} class={open ? 'tb-tag-group' : 'tb-tag-group tb-tag-group--collapsed'} data-testid="cs-category">
            <button type="button" class="tb-tag-group__header" aria-expanded={open} onClick={() => toggle(category.title)}>
              <span class="tb-tag-group__chevron" aria-hidden="true">
                ▾
              </span>
              <span class="tb-tag-group__name">{category.title || 'untitled'}</span>
              <span class="tb-tag-group__count">({category.chart.length})</span>
            </button>
            {open && (
              <div class="tb-tag-group__body tb-card-grid">
                {category.chart.map((chart, j) => (
                  <ChartCard key={j} chart={chart} runs={selectedRuns} fetch={fetch} colorOf={colorOf} versionOf={versionOf} />
                ))}
              </div>
            )}
          </section>
        );
      })}
    </div>
  );
}
