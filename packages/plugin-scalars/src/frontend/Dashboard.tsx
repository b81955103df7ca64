/**
 * The Scalars dashboard: a chart card per tag for the runs selected in the shell, in
 * one grid of cards as wide as the card-width setting says (groups of one card flow
 * together; see card-sections.ts), under shared chart settings. Cards fetch and draw
 * only while in view; a reload refetches what changed and keeps every zoom.
 * Federated as `tb_plugin_scalars/Dashboard`; the shell passes {@link DashboardProps}.
 */
import {
  EmptyState,
  ErrorState,
  LoadingState,
  compileFilter,
  errorMessage,
  loadStored,
  runColor,
  saveStored,
  type DashboardProps,
  type DownloadItem,
} from '@tb/ui';
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { exportRoute, fetchMultirun, fetchTags } from './api.js';
import { CardFlow } from './CardFlow.js';
import { cardSizeStyle } from './card-width.js';
import { PinnedGroup } from './PinnedGroup.js';
import { PINS_KEY, parsePins, togglePin } from './pins.js';
import { saveFile } from '@tb/ui';
import { ScalarCard } from './ScalarCard.js';
import { SeriesStore } from './series-store.js';
import { parseSettings, SETTINGS_KEY, type ScalarSettings } from './settings.js';
import { indexTags, runsWithTag, tagsOfRuns, type TagInfo } from './tag-index.js';
import { Toolbar } from './Toolbar.js';
import './scalars.css';

/** The Scalars dashboard (the remote's default export). */
export default function Dashboard(props: DashboardProps) {
  const { fetch, selectedRuns, runColors, reloadSignal } = props;
  const [index, setIndex] = useState<Map<string, TagInfo> | null>(null);
  const [tagsError, setTagsError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const [settings, setSettings] = useState<ScalarSettings>(() => loadStored(SETTINGS_KEY, parseSettings));
  const [pins, setPins] = useState<string[]>(() => loadStored(PINS_KEY, parsePins));
  const [filter, setFilter] = useState('');
  const store = useMemo(() => new SeriesStore((tag, runs, downsample) => fetchMultirun(fetch, tag, runs, downsample)), [fetch]);

  useEffect(() => {
    let live = true;
    fetchTags(fetch)
      .then((answer) => {
        if (!live) return;
        setIndex(indexTags(answer));
        setTagsError(null);
      })
      .catch((e: unknown) => live && setTagsError(e));
    return () => {
      live = false;
    };
  }, [fetch, reloadSignal, attempt]);

  // A reload marks the changed runs' series stale; cards in view refetch them.
  const lastSignal = useRef(reloadSignal);
  useEffect(() => {
    if (lastSignal.current === reloadSignal) return;
    lastSignal.current = reloadSignal;
    store.invalidate(props.changedRuns);
  }, [reloadSignal, store]);

  const updateSettings = useCallback((next: ScalarSettings) => {
    setSettings(next);
    saveStored(SETTINGS_KEY, next);
  }, []);
  const onTogglePin = useCallback((tag: string) => {
    setPins((current) => {
      const next = togglePin(current, tag);
      saveStored(PINS_KEY, next);
      return next;
    });
  }, []);
  const colorOf = useCallback((run: string) => runColors[run] ?? runColor(run), [runColors]);

  const tags = useMemo(() => (index ? tagsOfRuns(index, selectedRuns) : []), [index, selectedRuns]);
  const pinnedShown = useMemo(() => pins.filter((t) => tags.includes(t)), [pins, tags]);
  const unpinned = useMemo(() => {
    const pinned = new Set(pinnedShown);
    return tags.filter((t) => !pinned.has(t));
  }, [tags, pinnedShown]);

  const shownTags = useMemo(() => {
    const matcher = compileFilter(filter);
    return [...pinnedShown, ...unpinned.filter(matcher.test)];
  }, [pinnedShown, unpinned, filter]);
  const [exportError, setExportError] = useState<string | null>(null);
  const exportItems = useMemo((): DownloadItem[] => {
    if (tags.length === 0) return [];
    const saveShown = () => {
      setExportError(null);
      const body = new URLSearchParams();
      for (const run of selectedRuns) body.append('runs', run);
      for (const tag of shownTags) body.append('tags', tag);
      fetch
        .raw('export', { method: 'POST', body })
        .then(async (res) => {
          if (!res.ok) throw new Error(`the server answered ${res.status} ${res.statusText}`);
          saveFile(await res.blob(), 'scalars-shown.csv');
        })
        .catch((e: unknown) => setExportError(`Export failed: ${errorMessage(e)}`));
    };
    return [
      { label: `CSV: selected runs, shown tags (${shownTags.length})`, onSelect: saveShown },
      { label: 'CSV: selected runs, all tags', href: fetch.url(exportRoute(selectedRuns, [])), filename: 'scalars.csv' },
    ];
  }, [fetch, selectedRuns, tags.length, shownTags]);

  const renderTag = (tag: string) => (
    <ScalarCard
      key={tag}
      tag={tag}
      info={index?.get(tag)}
      runs={runsWithTag(index?.get(tag), selectedRuns)}
      store={store}
      fetch={fetch}
      colorOf={colorOf}
      settings={settings}
      darkMode={props.settings.darkMode}
      pinned={pinnedShown.includes(tag)}
      onTogglePin={onTogglePin}
    />
  );

  let body;
  if (!index && tagsError) {
    body = <ErrorState title="Could not load the scalar tags" error={tagsError} onRetry={() => setAttempt(attempt + 1)} testId="scalars-error" />;
  } else if (!index) {
    body = <LoadingState label="Loading scalars…" testId="scalars-loading" />;
  } else if (index.size === 0) {
    body = (
      <EmptyState title="No scalar data" testId="scalars-empty">
        No run in the log directory has scalars yet. Log some with <code>tf.summary.scalar</code> or PyTorch's{' '}
        <code>SummaryWriter.add_scalar</code>; they appear here while training writes them.
      </EmptyState>
    );
  } else if (selectedRuns.length === 0) {
    body = (
      <EmptyState title="No runs selected" testId="scalars-no-runs">
        Select runs in the list on the left to chart their scalars.
      </EmptyState>
    );
  } else if (tags.length === 0) {
    body = (
      <EmptyState title="No scalars for the selected runs" testId="scalars-no-tags">
        The selected runs have no scalar tags. Select other runs, or wait for training to write some.
      </EmptyState>
    );
  } else {
    body = (
      <>
        <PinnedGroup tags={pinnedShown} renderTag={renderTag} />
        <CardFlow
          tags={unpinned}
          renderTag={renderTag}
          filter={filter}
          onFilterChange={setFilter}
          empty={<p class="tb-scalars__note">Every tag is pinned above.</p>}
        />
      </>
    );
  }

  return (
    <div class="tb-scalars" data-testid="scalars-dashboard" data-card-width={settings.cardWidth} style={cardSizeStyle(settings.cardWidth)}>
      <Toolbar settings={settings} onChange={updateSettings} downloads={exportItems} />
      {index && tagsError ? (
        <div class="tb-scalars__note tb-scalars__note--error" role="alert">
          Could not refresh the tags: {errorMessage(tagsError)}
        </div>
      ) : null}
      {exportError && (
        <div class="tb-scalars__note tb-scalars__note--error" role="alert">
          {exportError}
        </div>
      )}
      {body}
    </div>
  );
}
