/**
 * The HParams dashboard: a hyper-parameter sweep as parallel coordinates, a table and a
 * scatter-plot matrix over one model (columns.ts), linked both ways: brushes and column
 * filters narrow every view, hovering a line, a row or a point highlights it in all
 * three, and clicking one opens its curves beside the table, from where "Show in
 * Scalars" takes its runs to the Scalars tab. Every session group is fetched once (a
 * page of 1,000 at a time); filtering and sorting then run in the page, at once.
 * Federated as `tb_plugin_hparams/Dashboard`; the shell passes {@link DashboardProps}.
 */
import {
  Card,
  EmptyState,
  ErrorState,
  LoadingState,
  errorMessage,
  loadStored,
  saveFile,
  saveStored,
  useFetched,
  type DashboardProps,
  type DownloadItem,
} from '@tb/ui';
import { useCallback, useMemo, useState } from 'preact/hooks';
import type { Status } from '../api-types.js';
import { fetchAllSessionGroups, fetchExperiment } from './api.js';
import { brushTest, type Brush } from './brush.js';
import { ColorLegend } from './ColorLegend.js';
import { metricColorScale, NO_VALUE_COLOR } from './color-scale.js';
import { buildTable, type Row } from './columns.js';
import { tableCsv, tableJson } from './downloads.js';
import { filterChecks, passesChecks, type CellCheck, type ColumnFilter } from './filters.js';
import { ParallelCoords } from './ParallelCoords.js';
import { downloadRoute, sessionGroupsRequest } from './request.js';
import { ScatterMatrix } from './ScatterMatrix.js';
import { SessionPanel } from './SessionPanel.js';
import { runsOfGroups, sessionColor } from './session-runs.js';
import { parseSettings, SETTINGS_KEY, toggled, type HParamsSettings } from './settings.js';
import { nextSort, sortRows, type SortState } from './sort.js';
import { Table } from './Table.js';
import { Toolbar } from './Toolbar.js';
import './hparams.css';

/** The HParams dashboard (the remote's default export). */
export default function Dashboard(props: DashboardProps) {
  const { fetch, reloadSignal, runColors } = props;
  const [settings, setSettings] = useState<HParamsSettings>(() => loadStored(SETTINGS_KEY, parseSettings));
  const update = useCallback((patch: Partial<HParamsSettings>) => {
    setSettings((current) => {
      const next = { ...current, ...patch };
      saveStored(SETTINGS_KEY, next);
      return next;
    });
  }, []);

  const experiment = useFetched(() => fetchExperiment(fetch), [fetch, reloadSignal]);
  const statuses = settings.statuses;
  const groups = useFetched(() => fetchAllSessionGroups(fetch, statuses), [fetch, reloadSignal, statuses.join()]);
  const table = useMemo(
    () => (experiment.value && groups.value ? buildTable(experiment.value, groups.value) : null),
    [experiment.value, groups.value],
  );
  const columns = table?.columns ?? [];
  const allRows = table?.rows ?? [];

  const [filters, setFilters] = useState<Readonly<Record<string, ColumnFilter>>>({});
  const [brushes, setBrushes] = useState<Readonly<Record<string, Brush>>>({});
  const [sort, setSort] = useState<SortState | null>(null);
  const [hovered, setHovered] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);

  const hidden = useMemo(() => new Set(settings.hidden), [settings.hidden]);
  const logAxes = useMemo(() => new Set(settings.logAxes), [settings.logAxes]);
  const indices = useMemo(() => columns.flatMap((c, i) => (hidden.has(c.id) ? [] : [i])), [columns, hidden]);

  // Filters and brushes of hidden columns do not apply: nothing on screen would say why rows are missing.
  const visible = (check: CellCheck) => !hidden.has(columns[check.index]!.id);
  const tableChecks = useMemo(() => filterChecks(columns, filters).filter(visible), [columns, filters, hidden]);
  const brushChecks = useMemo(
    () => columns.flatMap((c, index) => (brushes[c.id] && !hidden.has(c.id) ? [{ index, test: brushTest(brushes[c.id]!) }] : [])),
    [columns, brushes, hidden],
  );
  const filtered = useMemo(() => allRows.filter((r) => passesChecks(r.cells, tableChecks)), [allRows, tableChecks]);
  const inBrush = useMemo(
    () => new Set(filtered.filter((r) => passesChecks(r.cells, brushChecks)).map((r) => r.name)),
    [filtered, brushChecks],
  );
  const sortIndex = sort ? columns.findIndex((c) => c.id === sort.column) : -1;
  const shown = useMemo(() => {
    const list = filtered.filter((r) => inBrush.has(r.name));
    return sort && sortIndex >= 0 ? sortRows(list, sortIndex, sort.direction) : list;
  }, [filtered, inBrush, sort, sortIndex]);

  const metrics = useMemo(() => columns.filter((c) => c.kind === 'metric'), [columns]);
  const colorColumn = metrics.find((c) => c.id === settings.colorBy) ?? metrics[0];
  const colorIndex = colorColumn ? columns.indexOf(colorColumn) : -1;
  const colorScale = useMemo(
    () => (colorIndex >= 0 ? metricColorScale(allRows.map((r) => r.cells[colorIndex] ?? null)) : null),
    [allRows, colorIndex],
  );
  const runColorOf = useCallback((row: Row) => sessionColor(row.group.sessions[0]?.name ?? row.name, runColors), [runColors]);
  const lineColorOf = useCallback(
    (row: Row) => (colorScale ? colorScale.color(row.cells[colorIndex] ?? null) : colorIndex >= 0 ? NO_VALUE_COLOR : runColorOf(row)),
    [colorScale, colorIndex, runColorOf],
  );

  const onBrush = useCallback((column: string, brush: Brush | null) => {
    setBrushes((current) => {
      if (!brush && !current[column]) return current;
      const next = { ...current };
      if (brush) next[column] = brush;
      else delete next[column];
      return next;
    });
  }, []);
  const onFilterChange = useCallback((column: string, filter: ColumnFilter | undefined) => {
    setFilters((current) => {
      const next = { ...current };
      if (filter) next[column] = filter;
      else delete next[column];
      return next;
    });
  }, []);
  const onToggleLog = useCallback(
    (column: string) => update({ logAxes: toggled(settings.logAxes, column, !settings.logAxes.includes(column)) }),
    [settings.logAxes, update],
  );
  const onSelect = useCallback((row: string) => setSelected((current) => (current === row ? null : row)), []);
  const runNames = useMemo(() => props.runs.map((r) => r.name), [props.runs]);
  const showInScalars = (rows: readonly Row[]) => props.selectRuns(runsOfGroups(rows.map((r) => r.group), runNames), 'scalars');

  const constraints = tableChecks.length + brushChecks.length;
  const downloads = useMemo((): DownloadItem[] => {
    if (!table) return [];
    const visibleColumns = columns.map((c) => !hidden.has(c.id));
    const shownFilters = Object.fromEntries(Object.entries(filters).filter(([id]) => !hidden.has(id)));
    const shownBrushes = Object.fromEntries(Object.entries(brushes).filter(([id]) => !hidden.has(id)));
    const request = sessionGroupsRequest(columns, { statuses, filters: shownFilters, brushes: shownBrushes, sort });
    return [
      { label: `CSV (${shown.length} shown)`, onSelect: () => saveFile(new Blob([tableCsv(columns, indices, shown)], { type: 'text/csv' }), 'hparams_table.csv') },
      {
        label: `JSON (${shown.length} shown)`,
        onSelect: () => saveFile(new Blob([tableJson(columns, indices, shown)], { type: 'application/json' }), 'hparams_table.json'),
      },
      { label: 'LaTeX (from the server)', href: fetch.url(downloadRoute('latex', visibleColumns, request)), filename: 'hparams_table.tex' },
    ];
  }, [table, columns, indices, shown, hidden, filters, brushes, statuses, sort, fetch]);

  const selectedRow = selected === null ? undefined : allRows.find((r) => r.name === selected);
  const error = experiment.error ?? groups.error;

  let body;
  if (!table && error) {
    body = (
      <ErrorState
        title="Could not load the hyperparameter sweep"
        error={error}
        onRetry={() => (experiment.error ? experiment.retry() : groups.retry())}
        testId="hparams-error"
      />
    );
  } else if (!table) {
    body = <LoadingState label="Loading the sweep…" testId="hparams-loading" />;
  } else if (columns.length === 0) {
    body = (
      <EmptyState title="No hyperparameter data" testId="hparams-empty">
        No run in the log directory logs hyperparameters. Log them with <code>hp.hparams</code> (TensorFlow), PyTorch's{' '}
        <code>SummaryWriter.add_hparams</code>, or @tb/writer's <code>addHparams</code>; each run with its values becomes a row here.
      </EmptyState>
    );
  } else {
    body = (
      <>
        <Card
          title="Parallel coordinates"
          subtitle="Drag along an axis to filter (brushes on several axes combine); click an axis name for a log scale."
          expandable={false}
          actions={<ColorLegend metrics={metrics} value={colorColumn?.id ?? null} onChange={(id) => update({ colorBy: id })} scale={colorScale} />}
          class="tb-hparams__card"
          testId="hparams-parallel-card"
        >
          <ParallelCoords
            columns={columns}
            indices={indices}
            allRows={allRows}
            rows={filtered}
            inBrush={inBrush}
            brushes={brushes}
            onBrush={onBrush}
            logAxes={logAxes}
            onToggleLog={onToggleLog}
            colorOf={lineColorOf}
            hovered={hovered}
            selected={selected}
            onHover={setHovered}
            onSelect={onSelect}
          />
        </Card>
        <div class={selectedRow ? 'tb-hparams__split tb-hparams__split--open' : 'tb-hparams__split'}>
          <Card title="Session groups" subtitle="Click a header to sort, the funnel to filter; click a row for its curves." expandable={false} class="tb-hparams__card">
            <Table
              columns={columns}
              indices={indices}
              rows={shown}
              sort={sort}
              onSort={(id) => setSort(nextSort(sort, id))}
              filters={filters}
              onFilterChange={onFilterChange}
              hovered={hovered}
              selected={selected}
              onHover={setHovered}
              onSelect={onSelect}
              colorOf={runColorOf}
            />
          </Card>
          {selectedRow && (
            <SessionPanel
              row={selectedRow}
              columns={columns}
              fetch={fetch}
              runs={runNames}
              runColors={runColors}
              reloadSignal={reloadSignal}
              onClose={() => setSelected(null)}
              onShowInScalars={() => showInScalars([selectedRow])}
            />
          )}
        </div>
        <Card title="Scatter plots" subtitle="Each metric against each hyperparameter." expandable={false} class="tb-hparams__card" testId="hparams-scatter-card">
          <ScatterMatrix
            columns={columns}
            indices={indices}
            allRows={allRows}
            rows={filtered}
            inBrush={inBrush}
            logAxes={logAxes}
            colorOf={lineColorOf}
            darkMode={props.settings.darkMode}
            hovered={hovered}
            selected={selected}
            onHover={setHovered}
            onSelect={onSelect}
          />
        </Card>
      </>
    );
  }

  return (
    <div class="tb-hparams" data-testid="hparams-dashboard">
      {table && (
        <Toolbar
          statuses={statuses}
          onStatusChange={(s: Status, on: boolean) => update({ statuses: toggled(statuses, s, on) })}
          columns={columns}
          hidden={hidden}
          onToggleColumn={(id, on) => update({ hidden: toggled(settings.hidden, id, !on) })}
          onShowAllColumns={() => update({ hidden: [] })}
          shown={shown.length}
          total={allRows.length}
          constraints={constraints}
          onClearConstraints={() => {
            setFilters({});
            setBrushes({});
          }}
          onShowInScalars={() => showInScalars(shown)}
          downloads={downloads}
        />
      )}
      {table && error ? (
        <div class="tb-hparams__note tb-hparams__note--error" role="alert">
          Could not refresh: {errorMessage(error)}
        </div>
      ) : null}
      {body}
    </div>
  );
}
