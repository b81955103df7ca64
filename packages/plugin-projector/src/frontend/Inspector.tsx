/**
 * The right-hand panel: regex search over a metadata column (matches highlighted and
 * counted), the selection, and the nearest neighbours of the selected point in the
 * original space with their distances; isolate shows only the selection and its
 * neighbours.
 */
import { FilterInput, formatValue } from '@tb/ui';
import type { Neighbor, NeighborMetric } from '../api-types.js';

/** Props of {@link Inspector}. */
export interface InspectorProps {
  readonly columns: readonly string[];
  readonly searchColumn: string | null;
  readonly onSearchColumn: (column: string) => void;
  readonly search: string;
  readonly onSearch: (pattern: string) => void;
  readonly matchCount: number;
  /** Makes the search's matches the selection. */
  readonly onSelectMatches: () => void;
  readonly selection: readonly number[];
  readonly onSelect: (indices: readonly number[]) => void;
  readonly labelOf: (index: number) => string;
  readonly neighbors: readonly Neighbor[] | null;
  readonly neighborsError: string | null;
  readonly k: number;
  readonly onK: (k: number) => void;
  readonly metric: NeighborMetric;
  readonly onMetric: (m: NeighborMetric) => void;
  readonly isolate: boolean;
  readonly onIsolate: (on: boolean) => void;
}

/** The panel. */
export function Inspector(props: InspectorProps) {
  const first = props.selection[0];
  return (
    <section class="projector-panel projector-inspector" data-testid="projector-inspector">
      <h3 class="projector-heading">Search</h3>
      <div class="projector-search">
        <FilterInput value={props.search} onChange={props.onSearch} placeholder="Search (regex)" testId="projector-search" />
        {props.columns.length > 1 && (
          <select class="tb-input" aria-label="Search in column" value={props.searchColumn ?? ''} onChange={(e) => props.onSearchColumn(e.currentTarget.value)}>
            {props.columns.map((c) => (
              <option value={c}>{c}</option>
            ))}
          </select>
        )}
      </div>
      <p class="projector-note" data-testid="projector-match-count" data-count={props.matchCount}>
        {props.search ? `${props.matchCount} matching point${props.matchCount === 1 ? '' : 's'}` : 'Type a pattern to highlight points.'}
        {props.search && props.matchCount > 0 && (
          <button type="button" class="tb-link-button" onClick={props.onSelectMatches}>
            select them
          </button>
        )}
      </p>

      <h3 class="projector-heading">Selection</h3>
      {props.selection.length === 0 ? (
        <p class="projector-note">Click a point, or shift-drag a box, to select.</p>
      ) : (
        <div data-testid="projector-selection" data-count={props.selection.length}>
          <p class="projector-note">
            {props.selection.length === 1 ? (
              <>
                Point <strong>#{first}</strong> · {props.labelOf(first!)}
              </>
            ) : (
              `${props.selection.length} points selected`
            )}
          </p>
          <div class="projector-buttons">
            <button type="button" class="tb-button" aria-pressed={props.isolate} data-testid="projector-isolate" onClick={() => props.onIsolate(!props.isolate)}>
              {props.isolate ? 'Show all points' : 'Isolate selection'}
            </button>
            <button type="button" class="tb-button" data-testid="projector-clear" onClick={() => props.onSelect([])}>
              Clear
            </button>
          </div>
        </div>
      )}
      {props.selection.length === 1 && (
        <>
          <h3 class="projector-heading">Nearest neighbours</h3>
          <div class="projector-neighbor-controls">
            <label class="projector-field projector-field--inline">
              <span>k</span>
              <input
                class="tb-input projector-number"
                type="number"
                min={1}
                max={100}
                value={props.k}
                onChange={(e) => props.onK(Math.min(100, Math.max(1, Math.floor(Number(e.currentTarget.value) || 10))))}
              />
            </label>
            <select class="tb-input" aria-label="Distance" value={props.metric} onChange={(e) => props.onMetric(e.currentTarget.value as NeighborMetric)}>
              <option value="cosine">cosine</option>
              <option value="euclidean">euclidean</option>
            </select>
          </div>
          {props.neighborsError ? (
            <p class="projector-error" role="alert">{props.neighborsError}</p>
          ) : !props.neighbors ? (
            <p class="projector-note">Loading neighbours…</p>
          ) : (
            <ol class="projector-neighbors" data-testid="projector-neighbors">
              {props.neighbors.map((n) => (
                <li key={n.index}>
                  <button type="button" class="projector-neighbor" data-testid="projector-neighbor" onClick={() => props.onSelect([n.index])}>
                    <span class="projector-neighbor__label">{props.labelOf(n.index)}</span>
                    <span class="projector-neighbor__index">#{n.index}</span>
                    <span class="projector-neighbor__distance">{formatValue(n.distance)}</span>
                    <span class="projector-neighbor__bar" style={{ width: `${barWidth(n.distance, props.neighbors!)}%` }} />
                  </button>
                </li>
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  );
}

function barWidth(d: number, all: readonly Neighbor[]): number {
  const max = Math.max(...all.map((n) => n.distance), 1e-12);
  return Math.max(2, (d / max) * 100);
}
