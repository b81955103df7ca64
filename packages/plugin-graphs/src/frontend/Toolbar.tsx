/**
 * The dashboard's controls: which run and graph (op graph, op graph with run metadata,
 * conceptual graph; a function of the library), what colours the boxes, edge labels, and
 * the view buttons (fit, zoom, collapse all, downloads).
 */
import { DownloadMenu, type DownloadItem } from '@tb/ui';
import type { ComponentChildren } from 'preact';
import type { GraphSource } from './api.js';
import type { ColorBy } from './colors.js';
import type { GraphSettings } from './settings.js';

/** Props of {@link Toolbar}. */
export interface ToolbarProps {
  readonly sources: readonly GraphSource[];
  readonly source: GraphSource;
  readonly onSource: (key: string) => void;
  /** Library functions one can show instead of the main graph. */
  readonly functions: readonly string[];
  /** The function shown, or '' for the main graph. */
  readonly fn: string;
  readonly onFunction: (name: string) => void;
  readonly settings: GraphSettings;
  readonly onSettings: (s: GraphSettings) => void;
  readonly hasStats: boolean;
  readonly hasDevices: boolean;
  readonly onFit: () => void;
  readonly onZoom: (factor: number) => void;
  readonly onCollapseAll: () => void;
  readonly downloads: readonly DownloadItem[];
  readonly search: ComponentChildren;
}

function Field(props: { label: string; children: ComponentChildren }) {
  return (
    <label class="tb-graph__field">
      <span class="tb-graph__field-label">{props.label}</span>
      {props.children}
    </label>
  );
}

function IconButton(props: { label: string; d: string; onClick: () => void; testId: string }) {
  return (
    <button type="button" class="tb-icon-button" aria-label={props.label} title={props.label} data-testid={props.testId} onClick={props.onClick}>
      <svg viewBox="0 0 20 20" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" aria-hidden="true">
        <path d={props.d} />
      </svg>
    </button>
  );
}

/** The toolbar above the drawing. */
export function Toolbar(props: ToolbarProps) {
  const { sources, source, settings } = props;
  const runs = [...new Set(sources.map((s) => s.run))];
  const ofRun = sources.filter((s) => s.run === source.run);
  const colorOptions: [ColorBy, string, boolean][] = [
    ['structure', 'Structure', true],
    ['device', 'Device', props.hasDevices],
    ['compute', 'Compute time', props.hasStats],
    ['memory', 'Memory', props.hasStats],
  ];
  return (
    <div class="tb-graph__toolbar">
      <Field label="Run">
        <select
          class="tb-graph__select"
          data-testid="graph-run"
          value={source.run}
          onChange={(e) => props.onSource(sources.find((s) => s.run === e.currentTarget.value && s.profile)?.key ?? sources.find((s) => s.run === e.currentTarget.value)!.key)}
        >
          {runs.map((run) => (
            <option value={run}>{run}</option>
          ))}
        </select>
      </Field>
      <Field label="Graph">
        <select class="tb-graph__select" data-testid="graph-tag" value={source.key} onChange={(e) => props.onSource(e.currentTarget.value)}>
          {ofRun.map((s) => (
            <option value={s.key}>{s.label}</option>
          ))}
        </select>
      </Field>
      {props.functions.length > 0 && (
        <Field label="Function">
          <select class="tb-graph__select" data-testid="graph-function" value={props.fn} onChange={(e) => props.onFunction(e.currentTarget.value)}>
            <option value="">(main graph)</option>
            {props.functions.map((f) => (
              <option value={f}>{f}</option>
            ))}
          </select>
        </Field>
      )}
      <Field label="Colour">
        <select class="tb-graph__select" data-testid="graph-color" value={settings.colorBy} onChange={(e) => props.onSettings({ ...settings, colorBy: e.currentTarget.value as ColorBy })}>
          {colorOptions.map(([value, text, available]) => (
            <option value={value} disabled={!available && settings.colorBy !== value}>
              {available ? text : `${text} (no data)`}
            </option>
          ))}
        </select>
      </Field>
      <label class="tb-graph__check">
        <input type="checkbox" checked={settings.edgeLabels} data-testid="graph-edge-labels" onChange={(e) => props.onSettings({ ...settings, edgeLabels: e.currentTarget.checked })} />
        <span>Edge labels</span>
      </label>
      <div class="tb-graph__spacer" />
      {props.search}
      <div class="tb-graph__buttons">
        <IconButton label="Fit to screen (0)" testId="graph-fit" d="M3 7V3h4 M13 3h4v4 M17 13v4h-4 M7 17H3v-4" onClick={props.onFit} />
        <IconButton label="Zoom out (-)" testId="graph-zoom-out" d="M4 10h12" onClick={() => props.onZoom(0.8)} />
        <IconButton label="Zoom in (+)" testId="graph-zoom-in" d="M4 10h12 M10 4v12" onClick={() => props.onZoom(1.25)} />
        <IconButton label="Collapse all scopes" testId="graph-collapse-all" d="M5 8l5-4 5 4 M5 16l5-4 5 4" onClick={props.onCollapseAll} />
        <DownloadMenu items={props.downloads} label="Download the view" testId="graph-download" />
      </div>
    </div>
  );
}
