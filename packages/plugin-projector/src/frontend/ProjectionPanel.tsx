/**
 * The projection controls: PCA (a component per axis, the variance each explains),
 * t-SNE (perplexity, learning rate, 2-D/3-D, pause/resume, re-run), UMAP (neighbours,
 * 2-D/3-D) and custom (two regex queries per axis), with the progress of the running
 * computation and the compute backend that ran it.
 */
import type { ComponentChildren } from 'preact';
import type { JobStatus } from './use-projection.js';
import type { ProjectionMethod, ViewState } from './url-state.js';

/** Props of {@link ProjectionPanel}. */
export interface ProjectionPanelProps {
  readonly view: ViewState;
  readonly update: (patch: Partial<ViewState>) => void;
  /** How many PCA components the result has. */
  readonly componentCount: number;
  readonly variance: readonly number[] | null;
  readonly status: JobStatus;
  readonly paused: boolean;
  readonly onPause: (paused: boolean) => void;
  readonly onRerun: () => void;
  readonly onStop: () => void;
  readonly customError: string | null;
}

const METHODS: readonly { id: ProjectionMethod; label: string }[] = [
  { id: 'pca', label: 'PCA' },
  { id: 'tsne', label: 't-SNE' },
  { id: 'umap', label: 'UMAP' },
  { id: 'custom', label: 'Custom' },
];

function Field(props: { label: string; children: ComponentChildren }) {
  return (
    <label class="projector-field">
      <span>{props.label}</span>
      {props.children}
    </label>
  );
}

function NumberInput(props: { value: number; min: number; max: number; step?: number; testId: string; onChange: (v: number) => void }) {
  return (
    <input
      class="tb-input projector-number"
      type="number"
      min={props.min}
      max={props.max}
      step={props.step ?? 1}
      value={props.value}
      data-testid={props.testId}
      onChange={(e) => {
        const v = Number(e.currentTarget.value);
        if (Number.isFinite(v)) props.onChange(Math.min(props.max, Math.max(props.min, v)));
      }}
    />
  );
}

const pct = (v: number | undefined) => (v === undefined ? '–' : `${(v * 100).toFixed(1)}%`);

/** The panel. */
export function ProjectionPanel(props: ProjectionPanelProps) {
  const { view, update, status } = props;
  const setParam = (name: string, value: number) => update({ params: { ...view.params, [name]: value } });
  const dimsToggle = (
    <Field label="Dimensions">
      <div class="projector-segmented" role="group" aria-label="Dimensions">
        {([2, 3] as const).map((d) => (
          <button type="button" class="tb-button" aria-pressed={view.dims === d} data-testid={`projector-dims-${d}`} onClick={() => update({ dims: d })}>
            {d}-D
          </button>
        ))}
      </div>
    </Field>
  );
  const axes = view.dims === 3 ? (['x', 'y', 'z'] as const) : (['x', 'y'] as const);
  const count = Math.max(props.componentCount, 1);
  return (
    <section class="projector-panel" data-testid="projector-projection-panel">
      <div class="projector-tabs" role="tablist" aria-label="Projection">
        {METHODS.map((m) => (
          <button
            type="button"
            role="tab"
            class="projector-tab"
            aria-selected={view.method === m.id}
            data-testid={`projector-method-${m.id}`}
            onClick={() => update({ method: m.id, dims: m.id === 'custom' ? 2 : view.dims })}
          >
            {m.label}
          </button>
        ))}
      </div>
      {view.method === 'pca' && (
        <div class="projector-controls">
          {dimsToggle}
          {axes.map((axis, a) => (
            <Field label={`Component for ${axis}`}>
              <select
                class="tb-input"
                data-testid={`projector-pca-${axis}`}
                value={view.components[a]}
                onChange={(e) => {
                  const c = [...view.components] as [number, number, number];
                  c[a] = Number(e.currentTarget.value);
                  update({ components: c });
                }}
              >
                {Array.from({ length: count }, (_, i) => (
                  <option value={i}>
                    Component #{i + 1} {props.variance ? `(${pct(props.variance[i])})` : ''}
                  </option>
                ))}
              </select>
            </Field>
          ))}
          {props.variance && (
            <p class="projector-note" data-testid="projector-variance">
              Variance explained by the shown components:{' '}
              <strong>{pct(axes.reduce((s, _, a) => s + (props.variance![view.components[a]!] ?? 0), 0))}</strong>
            </p>
          )}
        </div>
      )}
      {view.method === 'tsne' && (
        <div class="projector-controls">
          {dimsToggle}
          <Field label="Perplexity">
            <NumberInput value={view.params['perplexity'] ?? 30} min={2} max={100} testId="projector-perplexity" onChange={(v) => setParam('perplexity', v)} />
          </Field>
          <Field label="Learning rate">
            <NumberInput value={view.params['learningRate'] ?? 10} min={0.1} max={1000} step={0.1} testId="projector-learning-rate" onChange={(v) => setParam('learningRate', v)} />
          </Field>
          <div class="projector-buttons">
            <button type="button" class="tb-button" data-testid="projector-pause" disabled={!(status.phase === 'running') && !props.paused} onClick={() => props.onPause(!props.paused)}>
              {props.paused ? 'Resume' : 'Pause'}
            </button>
            <button type="button" class="tb-button" data-testid="projector-rerun" onClick={props.onRerun}>
              Re-run
            </button>
            <button type="button" class="tb-button" data-testid="projector-stop" disabled={!(status.phase === 'running')} onClick={props.onStop}>
              Stop
            </button>
          </div>
          <p class="projector-note">
            Pause stops drawing the server's layouts while the job keeps running; Resume shows its latest layout and follows it again.
          </p>
        </div>
      )}
      {view.method === 'umap' && (
        <div class="projector-controls">
          {dimsToggle}
          <Field label="Neighbours">
            <NumberInput value={view.params['neighbors'] ?? 15} min={2} max={200} testId="projector-neighbors-param" onChange={(v) => setParam('neighbors', v)} />
          </Field>
          <div class="projector-buttons">
            <button type="button" class="tb-button" onClick={props.onRerun}>
              Re-run
            </button>
          </div>
        </div>
      )}
      {view.method === 'custom' && (
        <div class="projector-controls">
          {(['x', 'y'] as const).map((axis, a) => (
            <div class="projector-custom-axis">
              <span class="projector-axis-name">{axis}</span>
              {(['towards', 'away from'] as const).map((side, s) => (
                <input
                  class="tb-input"
                  type="search"
                  placeholder={`${side} (regex)`}
                  aria-label={`${axis} axis: ${side}`}
                  data-testid={`projector-custom-${axis}-${s === 0 ? 'positive' : 'negative'}`}
                  value={view.custom[a * 2 + s]}
                  onInput={(e) => {
                    const c = [...view.custom] as [string, string, string, string];
                    c[a * 2 + s] = e.currentTarget.value;
                    update({ custom: c });
                  }}
                />
              ))}
            </div>
          ))}
          <p class="projector-note">Each axis runs from the mean of the points matching the second query to the mean of those matching the first (searched in the label column).</p>
          {props.customError && <p class="projector-error" role="alert">{props.customError}</p>}
        </div>
      )}
      <Progress status={status} paused={props.paused} />
    </section>
  );
}

function Progress({ status, paused }: { status: JobStatus; paused: boolean }) {
  if (status.phase === 'idle') return null;
  const label =
    status.phase === 'error'
      ? `Failed: ${status.message}`
      : `${status.label}${status.phase === 'running' ? ` · step ${status.step}` : ' · done'}${paused ? ' · paused' : ''}${status.backend ? ` · on ${status.backend}` : ''}`;
  return (
    <div class="projector-progress" data-testid="projector-progress" data-phase={status.phase} data-backend={status.backend ?? ''}>
      <div class="tb-progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(status.fraction * 100)}>
        <div class="tb-progress__bar" style={{ width: `${status.fraction * 100}%` }} />
      </div>
      <span class={status.phase === 'error' ? 'projector-error' : undefined}>{label}</span>
    </div>
  );
}
