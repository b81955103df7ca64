/**
 * The Audio dashboard: a card per tag and run for the runs selected in the shell,
 * grouped by the tag's prefix, each with a step slider and, for the chosen step, a
 * player, label and download link per clip. Federated as `tb_plugin_audio/Dashboard`.
 */
import { EmptyState, ErrorState, LoadingState, TagGroups, errorMessage, runColor, useFetched, useRunVersions, type DashboardProps } from '@tb/ui';
import { useMemo, useState } from 'preact/hooks';
import { fetchTagIndex } from './api.js';
import { AudioCard } from './AudioCard.js';
import './audio.css';

export default function Dashboard(props: DashboardProps) {
  const { fetch, selectedRuns, runColors, reloadSignal } = props;
  const tagIndex = useFetched(() => fetchTagIndex(fetch), [fetch, reloadSignal]);
  const index = tagIndex.value;
  const error = tagIndex.error;
  const [filter, setFilter] = useState('');
  const versionOf = useRunVersions(props);
  const colorOf = (run: string) => runColors[run] ?? runColor(run);

  const selected = useMemo(() => new Set(selectedRuns), [selectedRuns]);
  const tags = useMemo(() => {
    if (!index) return [];
    return [...index].filter(([, runs]) => [...runs.keys()].some((r) => selected.has(r))).map(([t]) => t);
  }, [index, selected]);

  const renderTag = (tag: string) => {
    const runs = index?.get(tag);
    return selectedRuns
      .filter((run) => runs?.has(run))
      .map((run) => <AudioCard key={`${tag}\u0000${run}`} tag={tag} run={run} info={runs!.get(run)!} color={colorOf(run)} fetch={fetch} version={versionOf(run)} />);
  };

  let body;
  if (!index && error) body = <ErrorState title="Could not load the audio tags" error={error} onRetry={tagIndex.retry} testId="audio-error" />;
  else if (!index) body = <LoadingState label="Loading audio…" testId="audio-loading" />;
  else if (index.size === 0) {
    body = (
      <EmptyState title="No audio data" testId="audio-empty">
        No run has audio yet. Log some with <code>tf.summary.audio</code> or PyTorch's <code>add_audio</code>.
      </EmptyState>
    );
  } else if (tags.length === 0) {
    body = (
      <EmptyState title="No audio for the selected runs" testId="audio-no-tags">
        Select runs with audio in the list on the left.
      </EmptyState>
    );
  } else {
    body = <TagGroups tags={tags} renderTag={renderTag} filter={filter} onFilterChange={setFilter} filterPlaceholder="Filter tags (regular expressions supported)" />;
  }

  return (
    <div class="tb-audio" data-testid="audio-dashboard">
      {index && error ? (
        <div class="tb-audio__note tb-audio__note--error" role="alert">
          Could not refresh the tags: {errorMessage(error)}
        </div>
      ) : null}
      {body}
    </div>
  );
}
