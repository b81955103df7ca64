/** The colour legend: what each colour means and how many points have it. */
import type { Coloring } from './color-by.js';

/** Props of {@link Legend}. */
export interface LegendProps {
  readonly coloring: Coloring;
  readonly column: string | null;
}

/** Swatches for a categorical column, or the two ends of a numeric ramp. */
export function Legend({ coloring, column }: LegendProps) {
  if (!column || coloring.kind === 'none') return null;
  return (
    <div class="projector-legend" data-testid="projector-legend" aria-label={`Colours by ${column}`}>
      <div class="projector-legend__title">{column}</div>
      {coloring.kind === 'numeric' ? (
        <div class="projector-legend__ramp">
          <span>{coloring.legend[0]?.label}</span>
          <span class="projector-legend__bar" style={{ background: `linear-gradient(90deg, ${coloring.legend.map((e) => e.color).join(', ')})` }} />
          <span>{coloring.legend[1]?.label}</span>
        </div>
      ) : (
        <ul>
          {coloring.legend.map((e) => (
            <li key={e.label}>
              <span class="projector-swatch" style={{ background: e.color }} />
              <span class="projector-legend__label">{e.label === '' ? '(empty)' : e.label}</span>
              <span class="projector-legend__count">{e.count}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
