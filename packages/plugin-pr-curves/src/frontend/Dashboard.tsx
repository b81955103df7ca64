/**
 * The PR Curves dashboard: a card per tag, grouped by the tag's prefix, each with the
 * selected runs' precision-recall curves overlaid in their colours, a step slider and a
 * hover tooltip. Federated as `tb_plugin_pr_curves/Dashboard`.
 */
import { EmptyState, ErrorState, LoadingState, TagGroups, errorMessage, runColor, useFetched, useRunVersions, type DashboardProps } from '@tb/ui';
import { useCallback, useMemo, useState } from 'preact/hooks';
import { fetchTagIndex } from './api.js';
import { PrCard } from './PrCard.js';
import './pr-curves.css';

export default function Dashboard(props: DashboardProps) {
  const { fetch, selectedRuns, runColors, reloadSignal } = props;
  const tagIndex = useFetched(() => fetchTagIndex(fetch), [fetch, reloadSignal]);
  const index = tagIndex.value;
  const [filter, setFilter] = useState('');
  const versionOf = useRunVersions(props);
  const colorOf = useCallback((run: string) => runColors[run] ?? runColor(run), [runColors]);

  /** tag -> the selected runs that have it, in the shell's order; tags no selected run has are left out. */
  const runsOf = useMemo(() => {
    const out = new Map<string, string[]>();
    for (const [tag, runs] of index?.runsByTag ?? []) {
      const chosen = selectedRuns.filter((r) => runs.has(r));
      if (chosen.length) out.set(tag, chosen);
    }
    return out;
  }, [index, selectedRuns]);
  const tags = useMemo(() => [...runsOf.keys()], [runsOf]);

  const renderTag = (tag: string) => {
    const runs = runsOf.get(tag)!;
    const version = runs.reduce((sum, r) => sum + versionOf(r), 0);
    return <PrCard key={tag} tag={tag} displayName={index?.displayNames.get(tag)} runs={runs} colorOf={colorOf} fetch={fetch} version={version} />;
  };

  let body;
  if (!index && tagIndex.error) body = <ErrorState title="Could not load the PR curve tags" error={tagIndex.error} onRetry={tagIndex.retry} testId="pr-error" />;
  else if (!index) body = <LoadingState label="Loading PR curves…" testId="pr-loading" />;
  else if (index.runsByTag.size === 0) {
    body = (
      <EmptyState title="No PR curve data" testId="pr-empty">
        No run has PR curves yet. Log some with <code>tensorboard.summary.pr_curve</code>, PyTorch's <code>add_pr_curve</code> or @tb/writer's <code>addPrCurve</code>.
      </EmptyState>
    );
  } else if (tags.length === 0) {
    body = (
      <EmptyState title="No PR curves for the selected runs" testId="pr-no-tags">
        Select runs with PR curves in the list on the left.
      </EmptyState>
    );
  } else {
    body = <TagGroups tags={tags} renderTag={renderTag} filter={filter} onFilterChange={setFilter} />;
  }

  return (
    <div class="tb-pr" data-testid="pr-curves-dashboard">
      {index && tagIndex.error ? (
        <div class="tb-pr__note" role="alert">
          Could not refresh the tags: {errorMessage(tagIndex.error)}
        </div>
      ) : null}
      {body}
    </div>
  );
}
