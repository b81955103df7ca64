/**
 * The metric that colours lines and points, chosen from a list, and its legend: the
 * colour ramp from the lowest value to the highest.
 */
import { formatValue } from '@tb/ui';
import type { Column } from './columns.js';
import type { ColorScale } from './color-scale.js';

/** Props of {@link ColorLegend}. */
export interface ColorLegendProps {
  readonly metrics: readonly Column[];
  readonly value: string | null;
  readonly onChange: (column: string) => void;
  readonly scale: ColorScale | null;
}

/** The select and the gradient bar. */
export function ColorLegend({ metrics, value, onChange, scale }: ColorLegendProps) {
  if (metrics.length === 0) return null;
  const gradient = scale ? `linear-gradient(to right, ${scale.stops.map((s) => `${s.color} ${s.offset * 100}%`).join(', ')})` : 'none';
  return (
    <div class="tb-hparams__legend" data-testid="hparams-legend">
      <label class="tb-hparams__label" for="tb-hparams-color-by">
        Colour by
      </label>
      <select
        id="tb-hparams-color-by"
        class="tb-input tb-hparams__select"
        value={value ?? ''}
        data-testid="hparams-color-by"
        onChange={(e) => onChange(e.currentTarget.value)}
      >
        {metrics.map((m) => (
          <option key={m.id} value={m.id}>
            {m.label}
          </option>
        ))}
      </select>
      {scale && (
        <span class="tb-hparams__ramp-wrap">
          <span class="tb-hparams__ramp-end">{formatValue(scale.domain[0])}</span>
          <span class="tb-hparams__ramp" style={{ background: gradient }} aria-hidden="true" />
          <span class="tb-hparams__ramp-end">{formatValue(scale.domain[1])}</span>
        </span>
      )}
    </div>
  );
}
