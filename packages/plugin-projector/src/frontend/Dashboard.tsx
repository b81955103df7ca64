/**
 * The Projector dashboard: an embedding's points in 3-D or 2-D (WebGL, three.js), laid
 * out by PCA, t-SNE or UMAP on the server (live, with the backend named) or by a custom
 * projection computed here, coloured and labelled by a metadata column, searched by
 * regex, with nearest neighbours of a clicked point from the original space, sprite
 * thumbnails, TensorBoard's bookmarks, and the view in a shareable link.
 * Federated as `tb_plugin_projector/Dashboard`; the shell passes {@link DashboardProps}.
 */
import { EmptyState, ErrorState, LoadingState, errorMessage, saveFile, useFetched, type DashboardProps } from '@tb/ui';
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import type { EmbeddingInfo, Neighbor, NeighborMetric, ProjectionRequest } from '../api-types.js';
import { fetchBookmarks, fetchInfo, fetchMetadata, fetchNeighbors, fetchRuns, fetchTensor, spriteUrl } from './api.js';
import { bookmarkToState, parseBookmarks, type Bookmark } from './bookmarks.js';
import { BookmarksPanel } from './BookmarksPanel.js';
import { colorByColumn } from './color-by.js';
import { DataPanel } from './DataPanel.js';
import { customProjection } from './custom-projection.js';
import { Inspector } from './Inspector.js';
import { normalizeLayout } from './layout.js';
import { Legend } from './Legend.js';
import { parseMetadata, type Metadata } from './metadata.js';
import { PointState } from './point-shader.js';
import { ProjectionPanel } from './ProjectionPanel.js';
import { Scatter } from './Scatter.js';
import { searchPoints } from './search.js';
import type { PointLabel } from './scatter-view.js';
import { useProjection } from './use-projection.js';
import type { CameraState } from './url-state.js';
import { useViewState } from './view-state.js';
import './projector.css';

/** PCA computes this many components (at most), so any can be put on an axis. */
const PCA_COMPONENTS = 10;
/** Labels drawn next to points at most (each is an element). */
const MAX_LABELS = 60;

/** The Projector dashboard (the remote's default export). */
export default function Dashboard(props: DashboardProps) {
  const { fetch, reloadSignal } = props;
  const { view, update, fromLink } = useViewState();
  const runs = useFetched(() => fetchRuns(fetch), [fetch, reloadSignal]);
  const run = runs.value ? (view.run !== null && runs.value.includes(view.run) ? view.run : runs.value[0] ?? null) : null;
  const info = useFetched(() => fetchInfo(fetch, run!), [fetch, run, reloadSignal], run !== null);
  const embeddings = info.value?.embeddings ?? [];
  const embedding: EmbeddingInfo | undefined = embeddings.find((e) => e.tensorName === view.tensor) ?? embeddings[0];
  const tensor = embedding?.tensorName ?? null;
  const n = embedding?.tensorShape?.[0] ?? 0;
  const dim = embedding?.tensorShape?.[1] ?? 0;

  const metadataText = useFetched(() => (embedding?.metadataPath ? fetchMetadata(fetch, run!, tensor!) : Promise.resolve('')), [fetch, run, tensor], tensor !== null);
  const metadata: Metadata = useMemo(() => parseMetadata(metadataText.value ?? '', n), [metadataText.value, n]);
  const bookmarksRaw = useFetched(() => (embedding?.bookmarksPath ? fetchBookmarks(fetch, run!, tensor!) : Promise.resolve([])), [fetch, run, tensor], tensor !== null);
  const bookmarks = useMemo(() => parseBookmarks(bookmarksRaw.value), [bookmarksRaw.value]);
  const sprite = useSprite(embedding?.sprite ? spriteUrl(fetch, run!, tensor!) : null, embedding?.sprite?.singleImageDim);

  const columns = metadata.columns;
  const colorBy = view.colorBy === null ? columns[0] ?? null : columns.includes(view.colorBy) ? view.colorBy : null;
  const labelBy = view.labelBy !== null && columns.includes(view.labelBy) ? view.labelBy : columns[0] ?? null;
  const columnValues = useCallback((c: string | null) => (c === null ? null : metadata.values[columns.indexOf(c)] ?? null), [metadata, columns]);
  const labels = columnValues(labelBy);
  const labelOf = useCallback((i: number) => (labels ? labels[i] ?? '' : `#${i}`), [labels]);

  // The projection: PCA, t-SNE and UMAP on the server; custom here.
  const [rerun, setRerun] = useState(0);
  const [paused, setPaused] = useState(false);
  const [bookmarkLayout, setBookmarkLayout] = useState<{ data: Float32Array; width: number; key: string } | null>(null);
  const request = useMemo((): ProjectionRequest | null => {
    if (run === null || tensor === null || view.method === 'custom' || bookmarkLayout) return null;
    const p = view.params;
    if (view.method === 'pca') return { run, tensor, method: 'pca', params: { dims: 3, components: Math.min(PCA_COMPONENTS, dim || PCA_COMPONENTS) } };
    if (view.method === 'tsne') return { run, tensor, method: 'tsne', params: { dims: view.dims, perplexity: p['perplexity'] ?? 30, learningRate: p['learningRate'] ?? 10 } };
    return { run, tensor, method: 'umap', params: { dims: view.dims, neighbors: p['neighbors'] ?? 15 } };
  }, [run, tensor, dim, view.method, view.dims, view.params, bookmarkLayout]);
  const projection = useProjection(fetch, request, rerun, paused);

  const vectors = useFetched(() => fetchTensor(fetch, run!, tensor!), [fetch, run, tensor], view.method === 'custom' && tensor !== null);
  const custom = useMemo(() => {
    if (view.method !== 'custom' || !vectors.value || !dim) return null;
    const [xp, xn, yp, yn] = view.custom;
    if (!xp || !xn || !yp || !yn) return { error: 'Type two queries per axis to lay the points out.', data: null };
    try {
      return { error: null, data: customProjection(vectors.value, dim, labels ?? Array.from({ length: n }, (_, i) => String(i)), { positive: xp, negative: xn }, { positive: yp, negative: yn }) };
    } catch (e) {
      return { error: errorMessage(e), data: null };
    }
  }, [view.method, vectors.value, dim, view.custom, labels, n]);

  const serverResult = projection.result && n > 0 && projection.result.data.length === n * projection.result.width ? projection.result : null;
  const customData = custom?.data ?? null;
  const layout = useMemo(
    () => bookmarkLayout ?? (view.method === 'custom' ? (customData ? { data: customData, width: 2, key: `custom:${tensor}` } : null) : serverResult),
    [bookmarkLayout, view.method, customData, tensor, serverResult],
  );
  const effectiveDims: 2 | 3 = view.method === 'custom' ? 2 : bookmarkLayout ? (bookmarkLayout.width === 2 ? 2 : 3) : view.dims;
  const axes = useMemo(() => {
    if (!layout) return [];
    if (view.method === 'pca' && !bookmarkLayout) return view.components.slice(0, effectiveDims).map((c) => Math.min(c, layout.width - 1));
    return Array.from({ length: Math.min(effectiveDims, layout.width) }, (_, i) => i);
  }, [layout, view.method, view.components, effectiveDims, bookmarkLayout]);
  const positions = useMemo(() => (layout ? normalizeLayout(layout.data, layout.width, axes) : new Float32Array(0)), [layout, axes]);
  const pointCount = positions.length / 3;

  // Colour, search, selection, neighbours.
  const coloring = useMemo(() => colorByColumn(columnValues(colorBy), pointCount), [columnValues, colorBy, pointCount]);
  const [searchColumn, setSearchColumn] = useState<string | null>(null);
  const searchIn = searchColumn !== null && columns.includes(searchColumn) ? searchColumn : labelBy;
  const search = useMemo(
    () => searchPoints(columnValues(searchIn) ?? Array.from({ length: pointCount }, (_, i) => String(i)), view.search),
    [columnValues, searchIn, view.search, pointCount],
  );
  const selection = useMemo(() => view.selection.filter((i) => i < pointCount), [view.selection, pointCount]);
  const [k, setK] = useState(10);
  const [metric, setMetric] = useState<NeighborMetric>('cosine');
  const [isolate, setIsolate] = useState(false);
  const [hovered, setHovered] = useState<number | null>(null);
  const focusPoint = selection.length === 1 ? selection[0]! : null;
  const neighbors = useFetched(
    () => fetchNeighbors(fetch, { run: run!, tensor: tensor!, index: focusPoint!, k, metric }),
    [fetch, run, tensor, focusPoint, k, metric],
    focusPoint !== null && run !== null && tensor !== null,
  );
  const neighborList: readonly Neighbor[] | null = focusPoint !== null && neighbors.value?.index === focusPoint ? neighbors.value.neighbors : null;

  const states = useMemo(() => {
    const s = new Float32Array(pointCount);
    for (const i of search.matches) s[i] = PointState.match;
    for (const nb of neighborList ?? []) if (nb.index < pointCount) s[nb.index] = PointState.neighbor;
    for (const i of selection) s[i] = PointState.selected;
    if (isolate && selection.length > 0) for (let i = 0; i < pointCount; i++) if (s[i] === PointState.normal || s[i] === PointState.match) s[i] = PointState.hidden;
    return s;
  }, [pointCount, search.matches, neighborList, selection, isolate]);
  const focus = search.matches.length > 0 || selection.length > 0;

  const pointLabels = useMemo((): PointLabel[] => {
    const out: PointLabel[] = [];
    const seen = new Set<number>();
    const add = (index: number, strong: boolean) => {
      if (seen.has(index) || out.length >= MAX_LABELS) return;
      seen.add(index);
      out.push({ index, text: labelOf(index), strong });
    };
    if (hovered !== null) add(hovered, true);
    for (const i of selection) add(i, true);
    for (const nb of neighborList ?? []) add(nb.index, false);
    if (search.matches.length <= 20) for (const i of search.matches) add(i, false);
    return out;
  }, [hovered, selection, neighborList, search.matches, labelOf]);

  // Camera: from a link or a bookmark, once; remembered as it moves.
  const [cameraGoal, setCameraGoal] = useState<CameraState | null>(() => (fromLink ? view.camera : null));
  const onCamera = useCallback((camera: CameraState) => update({ camera }), [update]);
  const select = useCallback((indices: readonly number[]) => update({ selection: [...indices] }), [update]);
  const onPick = useCallback(
    (i: number | null, additive: boolean) => {
      if (i === null) return additive ? undefined : select([]);
      if (!additive) return select([i]);
      select(view.selection.includes(i) ? view.selection.filter((x) => x !== i) : [...view.selection, i]);
    },
    [select, view.selection],
  );
  const onBox = useCallback(
    (indices: number[], additive: boolean) => select(additive ? [...new Set([...view.selection, ...indices])] : indices),
    [select, view.selection],
  );

  const loadBookmark = (b: Bookmark) => {
    const width = b.dims;
    setBookmarkLayout(b.positions && b.positions.length / width === n ? { data: b.positions, width, key: `bookmark:${b.label}:${Date.now()}` } : null);
    update({
      method: b.method,
      dims: b.dims,
      ...(b.pcaComponents.length >= 2 ? { components: [b.pcaComponents[0]!, b.pcaComponents[1]!, b.pcaComponents[2] ?? 2] as [number, number, number] } : {}),
      selection: [...b.selection],
      ...(b.colorBy !== null ? { colorBy: b.colorBy } : {}),
      ...(b.labelBy ? { labelBy: b.labelBy } : {}),
    });
    if (b.camera) setCameraGoal(b.camera);
  };
  const updateProjection = (patch: Parameters<typeof update>[0]) => {
    setBookmarkLayout(null);
    setPaused(false);
    update(patch);
  };
  const saveView = () => {
    const current: Bookmark = {
      label: `${tensor} · ${view.method} · ${new Date().toISOString()}`,
      method: view.method,
      dims: effectiveDims,
      positions: layout ? pickColumns(layout.data, layout.width, axes) : null,
      pcaComponents: view.method === 'pca' ? axes : [],
      camera: view.camera,
      selection,
      colorBy,
      labelBy,
    };
    const states = [...(Array.isArray(bookmarksRaw.value) ? bookmarksRaw.value : []), bookmarkToState(current, pointCount, dim)];
    saveFile(new Blob([JSON.stringify(states)], { type: 'application/json' }), 'bookmarks.json');
  };
  const [linkCopied, setLinkCopied] = useState(false);
  useEffect(() => setLinkCopied(false), [view]);
  const copyLink = () => {
    void navigator.clipboard?.writeText(location.href).then(() => setLinkCopied(true), () => undefined);
  };

  const error = runs.error ?? info.error ?? metadataText.error;
  if (error) return <ErrorState title="Could not load the projector's data" error={error} onRetry={() => (runs.retry(), info.retry(), metadataText.retry())} testId="projector-error" />;
  if (!runs.value) return <LoadingState label="Loading embeddings…" />;
  if (runs.value.length === 0 || (info.value && embeddings.length === 0)) {
    return (
      <EmptyState title="No embeddings" testId="projector-empty">
        Write a <code>projector_config.pbtxt</code> next to your logs (PyTorch's <code>add_embedding</code> or TensorFlow's projector plugin does).
      </EmptyState>
    );
  }

  return (
    <div class="projector" data-testid="projector-dashboard">
      <aside class="projector-side">
        <DataPanel
          runs={runs.value}
          run={run}
          onRun={(r) => (setBookmarkLayout(null), update({ run: r, tensor: null, selection: [] }))}
          embeddings={embeddings}
          tensor={tensor}
          onTensor={(t) => (setBookmarkLayout(null), update({ tensor: t, selection: [] }))}
          columns={columns}
          colorBy={colorBy}
          labelBy={labelBy}
          hasSprite={sprite !== null}
          view={view}
          update={update}
          pointCount={n}
          dimensions={dim}
        />
        <ProjectionPanel
          view={view}
          update={updateProjection}
          componentCount={view.method === 'pca' && layout ? layout.width : Math.min(PCA_COMPONENTS, dim)}
          variance={view.method === 'pca' && projection.result?.variance ? projection.result.variance : null}
          status={bookmarkLayout ? { phase: 'done', label: 'From a bookmark', fraction: 1, step: 0, backend: null, message: '' } : view.method === 'custom' ? { ...projection.status, phase: 'idle' } : projection.status}
          paused={paused}
          onPause={setPaused}
          onRerun={() => (setBookmarkLayout(null), setPaused(false), setRerun((r) => r + 1))}
          onStop={projection.stop}
          customError={view.method === 'custom' ? (vectors.error ? errorMessage(vectors.error) : custom?.error ?? null) : null}
        />
      </aside>
      <div class="projector-stage">
        {layout ? (
          <Scatter
            positions={positions}
            dims={effectiveDims}
            frameKey={`${layout.key}|${effectiveDims}|${axes.join()}`}
            colors={coloring.rgb}
            states={states}
            focus={focus}
            sprite={view.sprites ? sprite : null}
            framed={coloring.kind !== 'none'}
            dark={props.settings.darkMode}
            labels={pointLabels}
            camera={cameraGoal}
            matchCount={search.matches.length}
            selectedCount={selection.length}
            onPick={onPick}
            onBox={onBox}
            onHover={setHovered}
            onCamera={onCamera}
          />
        ) : (
          <LoadingState label={view.method === 'custom' ? custom?.error ?? 'Loading the vectors…' : 'Computing the projection…'} progress={projection.status.phase === 'running' ? projection.status.fraction : undefined} />
        )}
        <Legend coloring={coloring} column={colorBy} />
        <div class="projector-hint">
          {effectiveDims === 3 ? 'Drag to orbit · right-drag to pan' : 'Drag to pan'} · wheel to zoom · click to select · shift-drag to select a box
        </div>
      </div>
      <aside class="projector-side">
        <Inspector
          columns={columns}
          searchColumn={searchIn}
          onSearchColumn={setSearchColumn}
          search={view.search}
          onSearch={(search) => update({ search })}
          matchCount={search.matches.length}
          onSelectMatches={() => select(search.matches)}
          selection={selection}
          onSelect={select}
          labelOf={labelOf}
          neighbors={neighborList}
          neighborsError={neighbors.error ? errorMessage(neighbors.error) : null}
          k={k}
          onK={setK}
          metric={metric}
          onMetric={setMetric}
          isolate={isolate}
          onIsolate={setIsolate}
        />
        <BookmarksPanel bookmarks={bookmarks} onLoad={loadBookmark} onSave={saveView} onCopyLink={copyLink} linkCopied={linkCopied} />
      </aside>
    </div>
  );
}

/** The `axes` columns of `data` (rows of `width`), row-major. */
function pickColumns(data: Float32Array, width: number, axes: readonly number[]): Float32Array {
  const rows = data.length / width;
  const out = new Float32Array(rows * axes.length);
  for (let i = 0; i < rows; i++) axes.forEach((c, a) => (out[i * axes.length + a] = data[i * width + c]!));
  return out;
}

/** The sprite sheet as a loaded image, or null (none, or not loaded yet). */
function useSprite(url: string | null, cell: readonly number[] | undefined) {
  const [sprite, setSprite] = useState<{ image: HTMLImageElement; cell: readonly number[] } | null>(null);
  const cellKey = cell?.join() ?? '';
  useEffect(() => {
    setSprite(null);
    if (!url || !cell || cell.length === 0) return;
    const image = new Image();
    image.crossOrigin = 'anonymous';
    let live = true;
    image.onload = () => live && setSprite({ image, cell });
    image.src = url;
    return () => {
      live = false;
    };
  }, [url, cellKey]);
  return sprite;
}
