/** The dashboard's toolbar: offset or overlay (Histograms tab), the x axis (Distributions tab). */
import type { CardSettings, HistogramSettings } from './settings.js';

function Segmented<T extends string>(props: { label: string; value: T; options: readonly [T, string][]; onChange: (v: T) => void; testId: string }) {
  return (
    <div class="tb-hist__segmented" role="radiogroup" aria-label={props.label} data-testid={props.testId}>
      <span class="tb-hist__label">{props.label}</span>
      {props.options.map(([value, text]) => (
        <button
          type="button"
          role="radio"
          aria-checked={props.value === value}
          class={props.value === value ? 'tb-hist__option tb-hist__option--on' : 'tb-hist__option'}
          data-value={value}
          onClick={() => props.onChange(value)}
        >
          {text}
        </button>
      ))}
    </div>
  );
}

export function Toolbar(props: { settings: CardSettings; onChange: (s: HistogramSettings) => void }) {
  const { settings, onChange } = props;
  const { view: _view, ...stored } = settings;
  return (
    <div class="tb-hist__toolbar">
      {settings.view === 'histograms' ? (
        <Segmented
          label="Mode"
          testId="mode"
          value={settings.mode}
          options={[['offset', 'Offset'], ['overlay', 'Overlay']]}
          onChange={(mode) => onChange({ ...stored, mode })}
        />
      ) : (
        <Segmented
          label="Horizontal axis"
          testId="x-axis"
          value={settings.xAxis}
          options={[['step', 'Step'], ['relative', 'Relative'], ['wall', 'Wall']]}
          onChange={(xAxis) => onChange({ ...stored, xAxis })}
        />
      )}
    </div>
  );
}
