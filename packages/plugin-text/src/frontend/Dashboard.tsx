/**
 * The Text dashboard: a card per tag and run for the runs selected in the shell, grouped
 * by the tag's prefix, each with a step slider and that step's text (markdown rendered
 * and sanitized by the server, as TensorBoard does; string tensors as tables). A
 * toolbar switch shows the text as written instead. Federated as `tb_plugin_text/Dashboard`.
 */
import { EmptyState, ErrorState, LoadingState, TagGroups, errorMessage, runColor, useFetched, useRunVersions, type DashboardProps } from '@tb/ui';
import { useCallback, useMemo, useState } from 'preact/hooks';
import { fetchTagIndex } from './api.js';
import { loadSettings, saveSettings, type TextSettings } from './settings.js';
import { TextCard } from './TextCard.js';
import './text.css';

export default function Dashboard(props: DashboardProps) {
  const { fetch, selectedRuns, runColors, reloadSignal } = props;
  const tagIndex = useFetched(() => fetchTagIndex(fetch), [fetch, reloadSignal]);
  const index = tagIndex.value;
  const error = tagIndex.error;
  const [settings, setSettings] = useState<TextSettings>(loadSettings);
  const [filter, setFilter] = useState('');
  const versionOf = useRunVersions(props);

  const update = useCallback((s: TextSettings) => {
    setSettings(s);
    saveSettings(s);
  }, []);
  const colorOf = (run: string) => runColors[run] ?? runColor(run);

  const selected = useMemo(() => new Set(selectedRuns), [selectedRuns]);
  const tags = useMemo(() => {
    if (!index) return [];
    return [...index].filter(([, runs]) => [...runs].some((r) => selected.has(r))).map(([t]) => t);
  }, [index, selected]);

  const renderTag = (tag: string) => {
    const runs = index?.get(tag);
    return selectedRuns
      .filter((run) => runs?.has(run))
      .map((run) => <TextCard key={`${tag}\u0000${run}`} tag={tag} run={run} color={colorOf(run)} fetch={fetch} markdown={settings.markdown} version={versionOf(run)} />);
  };

  let body;
  if (!index && error) body = <ErrorState title="Could not load the text tags" error={error} onRetry={tagIndex.retry} testId="text-error" />;
  else if (!index) body = <LoadingState label="Loading text…" testId="text-loading" />;
  else if (index.size === 0) {
    body = (
      <EmptyState title="No text data" testId="text-empty">
        No run has text yet. Log some with <code>tf.summary.text</code> or PyTorch's <code>add_text</code>; markdown is rendered, and a
        vector or matrix of strings shows as a table.
      </EmptyState>
    );
  } else if (tags.length === 0) {
    body = (
      <EmptyState title="No text for the selected runs" testId="text-no-tags">
        Select runs with text in the list on the left.
      </EmptyState>
    );
  } else {
    body = <TagGroups tags={tags} renderTag={renderTag} filter={filter} onFilterChange={setFilter} filterPlaceholder="Filter tags (regular expressions supported)" />;
  }

  return (
    <div class="tb-text" data-testid="text-dashboard">
      <div class="tb-text__toolbar">
        <label class="tb-text__control" title="Off: each text as it was written (TensorBoard's markdown=false), only made safe">
          <input type="checkbox" checked={settings.markdown} data-testid="markdown" onChange={(e) => update({ ...settings, markdown: e.currentTarget.checked })} />
          <span>Render markdown</span>
        </label>
      </div>
      {index && error ? (
        <div class="tb-text__note tb-text__note--error" role="alert">
          Could not refresh the tags: {errorMessage(error)}
        </div>
      ) : null}
      {body}
    </div>
  );
}
