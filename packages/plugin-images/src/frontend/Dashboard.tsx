/**
 * The Images dashboard: a card per tag and run for the runs selected in the shell,
 * grouped by the tag's prefix, each with its step slider; shared brightness, contrast
 * and actual-size controls; click to enlarge; and a compare mode that shows two runs
 * side by side at the same step. Federated as `tb_plugin_images/Dashboard`.
 */
import { EmptyState, ErrorState, LoadingState, TagGroups, errorMessage, runColor, useFetched, useRunVersions, type DashboardProps } from '@tb/ui';
import { useCallback, useMemo, useState } from 'preact/hooks';
import { fetchTagIndex, type ImageEntry } from './api.js';
import { CompareCard } from './CompareCard.js';
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
  const [compare, setCompare] = useState<readonly [string, string] | null>(null);
  const [enlarged, setEnlarged] = useState<{ entry: ImageEntry; title: string } | null>(null);
  const versionOf = useRunVersions(props);

  const update = useCallback((s: ImageSettings) => {
    setSettings(s);
    saveSettings(s);
  }, []);
  const onEnlarge = useCallback((entry: ImageEntry, title: string) => setEnlarged({ entry, title }), []);
  const colorOf = (run: string) => runColors[run] ?? runColor(run);

  const selected = useMemo(() => new Set(selectedRuns), [selectedRuns]);
  const runsWithImages = useMemo(() => props.runs.map((r) => r.name).filter((r) => [...(index?.values() ?? [])].some((m) => m.has(r))), [index, props.runs]);
  const tags = useMemo(() => {
    if (!index) return [];
    if (compare) return [...index].filter(([, runs]) => runs.has(compare[0]) || runs.has(compare[1])).map(([t]) => t);
    return [...index].filter(([, runs]) => [...runs.keys()].some((r) => selected.has(r))).map(([t]) => t);
  }, [index, selected, compare]);

  const renderTag = (tag: string) => {
    const runs = index?.get(tag);
    if (compare) {
      const samples = Math.max(runs?.get(compare[0]) ?? 1, runs?.get(compare[1]) ?? 1);
      return (
        <CompareCard
          key={`${tag}|${compare.join('|')}`}
          tag={tag}
          runs={compare}
          colors={[colorOf(compare[0]), colorOf(compare[1])]}
          samples={samples}
          fetch={fetch}
          settings={settings}
          version={versionOf(compare[0]) + versionOf(compare[1])}
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
      <Toolbar settings={settings} onChange={update} runs={runsWithImages} compare={compare} onCompareChange={setCompare} />
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
