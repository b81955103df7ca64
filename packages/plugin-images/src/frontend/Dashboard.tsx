/**
 * The Images dashboard: a card per tag and run for the runs selected in the shell,
 * grouped by the tag's prefix, each with its step slider; shared brightness, contrast
 * and actual-size controls; click to enlarge; and a compare mode that shows, per tag, two
 * runs that have it side by side at the same step (by default the first two selected
 * ones; each card can pick others). Federated as `tb_plugin_images/Dashboard`.
 */
import { EmptyState, ErrorState, LoadingState, TagGroups, errorMessage, runColor, useFetched, useRunVersions, type DashboardProps } from '@tb/ui';
import { useCallback, useMemo, useState } from 'preact/hooks';
import { fetchTagIndex, type ImageEntry } from './api.js';
import { CompareCard } from './CompareCard.js';
import { comparePair } from './compare-pair.js';
import { ImageCard } from './ImageCard.js';
import { Lightbox } from './Lightbox.js';
import { loadSettings, saveSettings, type ImageSettings } from './settings.js';
import { Toolbar } from './Toolbar.js';
import './images.css';

export default function Dashboard(props: DashboardProps) {
  const { fetch, selectedRuns, runColors, reloadSignal } = props;
  const tagIndex = useFetched(() => fetchTagIndex(fetch), [fetch, reloadSignal]);
  const index = tagIndex.value;
  const error = tagIndex.error;
  const [settings, setSettings] = useState<ImageSettings>(loadSettings);
  const [filter, setFilter] = useState('');
  const [compare, setCompare] = useState(false);
  /** tag -> the pair the user picked on its compare card. */
  const [picks, setPicks] = useState<ReadonlyMap<string, readonly [string, string]>>(new Map());
  const [enlarged, setEnlarged] = useState<{ entry: ImageEntry; title: string } | null>(null);
  const versionOf = useRunVersions(props);

  const update = useCallback((s: ImageSettings) => {
    setSettings(s);
    saveSettings(s);
  }, []);
  const onEnlarge = useCallback((entry: ImageEntry, title: string) => setEnlarged({ entry, title }), []);
  const colorOf = (run: string) => runColors[run] ?? runColor(run);
  const onPick = useCallback((tag: string, pair: readonly [string, string]) => setPicks((p) => new Map(p).set(tag, pair)), []);

  const selected = useMemo(() => new Set(selectedRuns), [selectedRuns]);
  const tags = useMemo(() => {
    if (!index) return [];
    return [...index].filter(([, runs]) => [...runs.keys()].some((r) => selected.has(r))).map(([t]) => t);
  }, [index, selected]);
  /** The runs that have `tag`, in run order (runs the shell does not list yet last). */
  const runsWithTag = (tag: string): string[] => {
    const runs = index?.get(tag);
    if (!runs) return [];
    const ordered = props.runs.map((r) => r.name).filter((r) => runs.has(r));
    const listed = new Set(ordered);
    return [...ordered, ...[...runs.keys()].filter((r) => !listed.has(r))];
  };
  const canCompare = [...(index?.values() ?? [])].some((runs) => runs.size >= 2);

  const renderTag = (tag: string) => {
    const runs = index?.get(tag);
    if (compare) {
      const choices = runsWithTag(tag);
      const pair = comparePair(choices, selectedRuns, picks.get(tag));
      if (!pair) return null;
      const [left, right] = pair;
      return (
        <CompareCard
          key={`${tag}|${left}|${right ?? ''}`}
          tag={tag}
          choices={choices}
          pair={pair}
          onPick={(p) => onPick(tag, p)}
          colorOf={colorOf}
          samples={Math.max(runs?.get(left) ?? 1, right === null ? 1 : (runs?.get(right) ?? 1))}
          fetch={fetch}
          settings={settings}
          version={versionOf(left) + (right === null ? 0 : versionOf(right))}
          onEnlarge={onEnlarge}
        />
      );
    }
    return selectedRuns
      .filter((run) => runs?.has(run))
      .map((run) => (
        <ImageCard key={`${tag}\u0000${run}`} tag={tag} run={run} samples={runs!.get(run)!} color={colorOf(run)} fetch={fetch} settings={settings} version={versionOf(run)} onEnlarge={onEnlarge} />
      ));
  };

  let body;
  if (!index && error) body = <ErrorState title="Could not load the image tags" error={error} onRetry={tagIndex.retry} testId="images-error" />;
  else if (!index) body = <LoadingState label="Loading images…" testId="images-loading" />;
  else if (index.size === 0) {
    body = (
      <EmptyState title="No image data" testId="images-empty">
        No run has images yet. Log some with <code>tf.summary.image</code> or PyTorch's <code>add_image</code>, <code>add_images</code> or <code>add_figure</code>.
      </EmptyState>
    );
  } else if (tags.length === 0) {
    body = (
      <EmptyState title="No images for the selected runs" testId="images-no-tags">
        Select runs with images in the list on the left.
      </EmptyState>
    );
  } else {
    body = <TagGroups tags={tags} renderTag={renderTag} filter={filter} onFilterChange={setFilter} filterPlaceholder="Filter tags (regular expressions supported)" />;
  }

  return (
    <div class="tb-img" data-testid="images-dashboard">
      <Toolbar settings={settings} onChange={update} canCompare={canCompare} compare={compare} onCompareChange={setCompare} />
      {index && error ? (
        <div class="tb-img__note tb-img__note--error" role="alert">
          Could not refresh the tags: {errorMessage(error)}
        </div>
      ) : null}
      {body}
      {enlarged && <Lightbox entry={enlarged.entry} title={enlarged.title} settings={settings} onClose={() => setEnlarged(null)} />}
    </div>
  );
}
