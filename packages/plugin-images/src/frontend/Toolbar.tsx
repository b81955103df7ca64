/** Brightness, contrast (with reset), actual size, and compare mode (each card then picks its two runs). */
import type { ImageSettings } from './settings.js';
import { DEFAULT_SETTINGS } from './settings.js';

export interface ToolbarProps {
  readonly settings: ImageSettings;
  readonly onChange: (s: ImageSettings) => void;
  /** Whether some tag has images in two runs (else compare mode is offered disabled). */
  readonly canCompare: boolean;
  readonly compare: boolean;
  readonly onCompareChange: (compare: boolean) => void;
}

export function Toolbar(props: ToolbarProps) {
  const { settings, onChange } = props;
  const slider = (key: 'brightness' | 'contrast', label: string) => (
    <label class="tb-img__control">
      <span>{label}</span>
      <input type="range" min={0} max={300} step={5} value={settings[key]} aria-label={label} data-testid={key} onInput={(e) => onChange({ ...settings, [key]: Number(e.currentTarget.value) })} />
      <span class="tb-img__value">{settings[key]}%</span>
    </label>
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
      <label class="tb-img__control" title="Each card then shows two runs that have its tag, side by side; pick them on the card">
        <input type="checkbox" checked={props.compare} disabled={!props.canCompare && !props.compare} data-testid="compare" onChange={(e) => props.onCompareChange(e.currentTarget.checked)} />
        <span>Compare two runs</span>
      </label>
    </div>
  );
}
