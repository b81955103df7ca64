/**
 * The clicked session group beside the table: its hyperparameters and metric values,
 * a small chart of each metric over steps for each of its sessions, then of its other
 * scalars (from the Scalars plugin, in the runs' colours), and "Show in Scalars", which
 * selects its runs in every tab and opens the Scalars tab.
 */
import type { PluginFetch } from '@tb/ui';
import { useEffect, useRef, useState } from 'preact/hooks';
import { fetchCurve, fetchScalarSeries, fetchScalarTags, type CurvePoint } from './api.js';
import type { Column, Row } from './columns.js';
import { CurveFigure, type CurveState } from './CurveFigure.js';
import { formatCell, statusLabel } from './format.js';
import { otherCharts, type TagChart } from './session-curves.js';
import { metricRun, runsOfGroups, sessionColor } from './session-runs.js';
import { useSize } from './use-size.js';

/** Props of {@link SessionPanel}. */
export interface SessionPanelProps {
  readonly row: Row;
  readonly columns: readonly Column[];
  readonly fetch: PluginFetch;
  /** Every run, to find the session's. */
  readonly runs: readonly string[];
  readonly runColors: Readonly<Record<string, string>>;
  /** Changes when data may have changed: the curves are fetched again. */
  readonly reloadSignal: number;
  readonly onClose: () => void;
  readonly onShowInScalars: () => void;
}

const curveKey = (run: string, tag: string) => JSON.stringify([run, tag]);

/** The panel. */
export function SessionPanel({ row, columns, fetch, runs, runColors, reloadSignal, onClose, onShowInScalars }: SessionPanelProps) {
  const box = useRef<HTMLDivElement>(null);
  const { width } = useSize(box);
  const metrics = columns.filter((c) => c.kind === 'metric');
  const sessions = row.group.sessions;
  const [curves, setCurves] = useState<ReadonlyMap<string, CurveState>>(new Map());
  const [others, setOthers] = useState<readonly TagChart[]>([]);

  useEffect(() => {
    const controller = new AbortController();
    const live = () => !controller.signal.aborted;
    const store = (k: string, curve: CurveState) => live() && setCurves((m) => new Map(m).set(k, curve));
    const load = (k: string, points: Promise<readonly CurvePoint[]>) =>
      points.then(
        (p) => store(k, p),
        (error: unknown) => store(k, { error }),
      );
    setCurves(new Map());
    setOthers([]);
    // The metrics of every session of the group.
    for (const s of sessions) for (const c of metrics) load(curveKey(metricRun(s.name, c.metric!), c.metric!.tag), fetchCurve(fetch, s.name, c.metric!, controller.signal));
    // Then the session's other scalars: the Scalars plugin's tags of its runs, less the metrics.
    const metricPairs = sessions.flatMap((s) => metrics.map((c) => [metricRun(s.name, c.metric!), c.metric!.tag] as const));
    fetchScalarTags(fetch, controller.signal)
      .then((tags) => {
        if (!live()) return;
        const charts = otherCharts(tags, runsOfGroups([row.group], runs), metricPairs);
        setOthers(charts);
        for (const chart of charts) {
          for (const run of chart.runs) load(curveKey(run, chart.tag), fetchScalarSeries(fetch, run, chart.tag, controller.signal).then((p) => p ?? []));
        }
      })
      .catch(() => undefined);
    return () => controller.abort();
  }, [row.name, fetch, reloadSignal, runs, metrics.map((c) => c.id).join()]);

  const firstSession = sessions[0]?.name ?? row.name;
  const color = sessionColor(firstSession, runColors);
  const runLine =
    sessions.length === 1 ? (firstSession === row.name ? null : `Run ${firstSession}`) : `${sessions.length} sessions: ${sessions.map((s) => s.name).join(', ')}`;
  const hparams = columns.map((c, i) => [c, row.cells[i] ?? null] as const).filter(([c]) => c.kind === 'hparam');
  return (
    <aside class="tb-hparams__session" data-testid="hparams-session" data-session={row.name} aria-label={`Session group ${row.name}`}>
      <header class="tb-hparams__session-header">
        <span class="tb-swatch" style={{ background: color }} aria-hidden="true" />
        <div class="tb-hparams__session-titles">
          <h3 class="tb-hparams__session-title" title={row.name}>
            {row.name}
          </h3>
          {runLine && (
            <p class="tb-hparams__session-runs" title={runLine}>
              {runLine}
            </p>
          )}
        </div>
        <button type="button" class="tb-icon-button" aria-label="Close the session" title="Close" data-testid="hparams-session-close" onClick={onClose}>
          <svg viewBox="0 0 20 20" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" aria-hidden="true">
            <path d="M5 5l10 10 M15 5l-10 10" />
          </svg>
        </button>
      </header>
      <div class="tb-hparams__session-meta">
        <span>{statusLabel(row.status)}</span>
        <span class="tb-hparams__spacer" />
        <button type="button" class="tb-button tb-button--primary" data-testid="hparams-show-in-scalars" onClick={onShowInScalars}>
          Show in Scalars
        </button>
      </div>
      <dl class="tb-hparams__kv">
        {hparams.map(([c, v]) => (
          <div key={c.id} class="tb-hparams__kv-row">
            <dt title={c.description || c.label}>{c.label}</dt>
            <dd>{formatCell(v)}</dd>
          </div>
        ))}
      </dl>
      <div class="tb-hparams__curves" ref={box}>
        {metrics.map((c) => (
          <CurveFigure
            key={c.id}
            title={c.label}
            hint={c.description || undefined}
            value={formatCell(row.cells[columns.indexOf(c)] ?? null)}
            width={width}
            testId={`hparams-curve-${c.id}`}
            lines={sessions.map((s) => {
              const run = metricRun(s.name, c.metric!);
              return { id: run, color: sessionColor(s.name, runColors), curve: curves.get(curveKey(run, c.metric!.tag)) };
            })}
          />
        ))}
        {others.map((chart) => (
          <CurveFigure
            key={`other:${chart.tag}`}
            title={chart.tag}
            value="scalar"
            width={width}
            testId={`hparams-scalar-${chart.tag}`}
            lines={chart.runs.map((run) => ({ id: run, color: sessionColor(run, runColors), curve: curves.get(curveKey(run, chart.tag)) }))}
          />
        ))}
      </div>
    </aside>
  );
}
