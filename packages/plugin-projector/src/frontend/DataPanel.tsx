/**
 * The data controls: which run and tensor, which metadata column colours and labels
 * the points, whether sprites are drawn, and the embedding's size.
 */
import type { EmbeddingInfo } from '../api-types.js';
import type { ViewState } from './url-state.js';

/** Props of {@link DataPanel}. */
export interface DataPanelProps {
  readonly runs: readonly string[];
  readonly run: string | null;
  readonly onRun: (run: string) => void;
  readonly embeddings: readonly EmbeddingInfo[];
  readonly tensor: string | null;
  readonly onTensor: (tensor: string) => void;
  readonly columns: readonly string[];
  /** The column in effect (null: none). */
  readonly colorBy: string | null;
  readonly labelBy: string | null;
  readonly hasSprite: boolean;
  readonly view: ViewState;
  readonly update: (patch: Partial<ViewState>) => void;
  readonly pointCount: number;
  readonly dimensions: number;
}

/** The panel. */
export function DataPanel(props: DataPanelProps) {
  const { columns, view, update } = props;
  return (
    <section class="projector-panel">
      <h3 class="projector-heading">Data</h3>
      {props.runs.length > 1 && (
        <label class="projector-field">
          <span>Run</span>
          <select class="tb-input" data-testid="projector-run" value={props.run ?? ''} onChange={(e) => props.onRun(e.currentTarget.value)}>
            {props.runs.map((r) => (
              <option value={r}>{r}</option>
            ))}
          </select>
        </label>
      )}
      <label class="projector-field">
        <span>Tensor</span>
        <select class="tb-input" data-testid="projector-tensor" value={props.tensor ?? ''} onChange={(e) => props.onTensor(e.currentTarget.value)}>
          {props.embeddings.map((e) => (
            <option value={e.tensorName}>
              {e.tensorName} ({e.tensorShape?.join(' × ') ?? '?'})
            </option>
          ))}
        </select>
      </label>
      {columns.length > 0 && (
        <>
          <label class="projector-field">
            <span>Colour by</span>
            <select class="tb-input" data-testid="projector-color-by" value={props.colorBy ?? ''} onChange={(e) => update({ colorBy: e.currentTarget.value })}>
              <option value="">No colouring</option>
              {columns.map((c) => (
                <option value={c}>{c}</option>
              ))}
            </select>
          </label>
          <label class="projector-field">
            <span>Label by</span>
            <select class="tb-input" data-testid="projector-label-by" value={props.labelBy ?? ''} onChange={(e) => update({ labelBy: e.currentTarget.value })}>
              {columns.map((c) => (
                <option value={c}>{c}</option>
              ))}
            </select>
          </label>
        </>
      )}
      {props.hasSprite && (
        <label class="projector-check">
          <input type="checkbox" data-testid="projector-sprites" checked={view.sprites} onChange={(e) => update({ sprites: e.currentTarget.checked })} />
          Show thumbnails (sprites)
        </label>
      )}
      <p class="projector-note">
        {props.pointCount.toLocaleString()} points · {props.dimensions} dimensions{props.hasSprite ? ' · sprites' : ''}
      </p>
    </section>
  );
}
