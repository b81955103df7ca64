/** Brightness, contrast (with reset), actual size, and the run pair to compare. */
import type { ImageSettings } from './settings.js';
import { DEFAULT_SETTINGS } from './settings.js';

export interface ToolbarProps {
  readonly settings: ImageSettings;
  readonly onChange: (s: ImageSettings) => void;
  /** Runs with images, for the compare pickers. */
  readonly runs: readonly string[];
  readonly compare: readonly [string, string] | null;
  readonly onCompareChange: (pair: readonly [string, string] | null) => void;
}

export function Toolbar(props: ToolbarProps) {
  const { settings, onChange, runs, compare } = props;
  const slider = (key: 'brightness' | 'contrast', label: string) => (
    <label class="tb-img__control">
      <span>{label}</span>
      <input type="range" min={0} max={300} step={5} value={settings[key]} aria-label={label} data-testid={key} onInput={(e) => onChange({ ...settings, [key]: Number(e.currentTarget.value) })} />
      <span class="tb-img__value">{settings[key]}%</span>
    </label>
  );
  const pick = (i: 0 | 1, value: string) => {
    const pair: [string, string] = [compare?.[0] ?? runs[0] ?? '', compare?.[1] ?? runs[1] ?? runs[0] ?? ''];
    pair[i] = value;
    props.onCompareChange(pair);
  };
  const select = (i: 0 | 1) => (
    <select class="tb-img__select" aria-label={i === 0 ? 'Left run' : 'Right run'} data-testid={`compare-run-${i}`} value={compare?.[i]} onChange={(e) => pick(i, e.currentTarget.value)}>
      {runs.map((r) => (
        <option key={r} value={r}>
          {r}
        </option>
      ))}
    </select>
  );
  return (
    <div class="tb-img__toolbar">
      {slider('brightness', 'Brightness')}
      {slider('contrast', 'Contrast')}
      <button
        type="button"
        class="tb-img__button"
        disabled={settings.brightness === 100 && settings.contrast === 100}
        onClick={() => onChange({ ...settings, brightness: DEFAULT_SETTINGS.brightness, contrast: DEFAULT_SETTINGS.contrast })}
      >
        Reset
      </button>
      <label class="tb-img__control">
        <input type="checkbox" checked={settings.actualSize} data-testid="actual-size" onChange={(e) => onChange({ ...settings, actualSize: e.currentTarget.checked })} />
        <span>Actual size</span>
      </label>
      <label class="tb-img__control">
        <input
          type="checkbox"
          checked={compare !== null}
          disabled={runs.length < 2}
          data-testid="compare"
          onChange={(e) => props.onCompareChange(e.currentTarget.checked ? [runs[0]!, runs[1]!] : null)}
        />
        <span>Compare two runs</span>
      </label>
      {compare && (
        <span class="tb-img__control">
          {select(0)}
          <span>vs</span>
          {select(1)}
        </span>
      )}
    </div>
  );
}
