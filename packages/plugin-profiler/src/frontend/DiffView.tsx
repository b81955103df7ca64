/**
 * The Diff view: pick a baseline and an experiment (run, worker, span each; by default
 * the current profile and another run), then compare their step times side by side and
 * their operator trees node by node.
 */
import { Card, EmptyState, LoadingState, type PluginFetch } from '@tb/ui';
import { useEffect, useState } from 'preact/hooks';
import { fetchViews, type ProfileRef } from './api.js';
import { CompareFigures } from './CompareFigures.js';
import { DiffTree } from './DiffTree.js';
import { isComplete, ProfilePicker, type PartialProfile } from './ProfilePicker.js';

/** Props of {@link DiffView}. */
export interface DiffViewProps {
  readonly fetch: PluginFetch;
  /** The runs that have profiles. */
  readonly runs: readonly string[];
  /** The profile selected in the page's selectors: the default baseline. */
  readonly current: ProfileRef;
}

/**
 * The default experiment: the run after the baseline's in the list (wrapping round), so
 * that `x_0` is compared with `x_1`; the baseline's own run when it is the only one.
 */
export function defaultExperiment(runs: readonly string[], base: string): string {
  const at = runs.indexOf(base);
  if (at < 0) return runs[0] ?? base;
  return runs.length > 1 ? runs[(at + 1) % runs.length]! : base;
}

/**
 * The runs that can be compared: those with an Overview (trace profiles; an XSpace has
 * none). Null while their views load.
 */
function useComparableRuns(fetch: PluginFetch, runs: readonly string[]): readonly string[] | null {
  const [comparable, setComparable] = useState<readonly string[] | null>(null);
  useEffect(() => {
    let live = true;
    void Promise.all(runs.map((r) => fetchViews(fetch, r).then((v) => v.includes('Overview'), () => false))).then((ok) => {
      if (live) setComparable(runs.filter((_, i) => ok[i]));
    });
    return () => {
      live = false;
    };
  }, [fetch, runs.join('\u0000')]);
  return comparable;
}

const key = (p: ProfileRef) => `${p.run}\u0000${p.worker}\u0000${p.span}`;

/** @example <DiffView fetch={fetch} runs={runs} current={profile} /> */
export function DiffView({ fetch, runs, current }: DiffViewProps) {
  const comparable = useComparableRuns(fetch, runs);
  if (!comparable) return <LoadingState label="Finding the runs that can be compared" />;
  if (comparable.length === 0) return <EmptyState title="Nothing to compare">No run has a PyTorch trace profile; the diff compares those.</EmptyState>;
  return <DiffPickers fetch={fetch} runs={comparable} current={current} />;
}

function DiffPickers({ fetch, runs, current }: DiffViewProps) {
  const [base, setBase] = useState<PartialProfile>(runs.includes(current.run) ? current : { run: runs[0]! });
  const [exp, setExp] = useState<PartialProfile>({ run: defaultExperiment(runs, base.run) });
  const ready = isComplete(base) && isComplete(exp);
  return (
    <div class="tb-prof-view" data-testid="diff-view">
      <div class="tb-prof-toolbar tb-prof-toolbar--wrap">
        {/* Each swatch stays beside its picker when the toolbar wraps. */}
        <div class="tb-prof-diff-side">
          <span class="tb-prof-legend__swatch tb-prof-diff-base" aria-hidden="true" />
          <ProfilePicker fetch={fetch} runs={runs} value={base} onChange={setBase} view="Overview" label="Baseline" testId="base" />
        </div>
        <div class="tb-prof-diff-side">
          <span class="tb-prof-legend__swatch tb-prof-diff-exp" aria-hidden="true" />
          <ProfilePicker fetch={fetch} runs={runs} value={exp} onChange={setExp} view="Overview" label="Experiment" testId="exp" />
        </div>
      </div>
      {ready ? (
        <>
          <Card title="Step Time Comparison" subtitle={`${base.run} against ${exp.run}`} expandable={false}>
            <CompareFigures fetch={fetch} base={base} exp={exp} />
          </Card>
          <Card title="Execution Comparison" subtitle="Open a node to compare what ran inside it" expandable={false}>
            <DiffTree key={`${key(base)}\u0001${key(exp)}`} fetch={fetch} base={base} exp={exp} />
          </Card>
        </>
      ) : null}
    </div>
  );
}
