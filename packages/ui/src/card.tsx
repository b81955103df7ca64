/**
 * A dashboard card: title, optional subtitle, an actions slot (downloads, toggles) and a
 * button that widens the card to the full row, as TensorBoard's chart cards do.
 */
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';

/** Props of {@link Card}. */
export interface CardProps {
  readonly title: ComponentChildren;
  readonly subtitle?: ComponentChildren;
  /** Extra controls in the header, before the expand button. */
  readonly actions?: ComponentChildren;
  /** Whether to offer the expand toggle (default true). */
  readonly expandable?: boolean;
  /** Starts expanded (default false). */
  readonly defaultExpanded?: boolean;
  /** Told when the user expands or shrinks the card (e.g. to redraw a chart wider). */
  readonly onExpandedChange?: (expanded: boolean) => void;
  readonly class?: string;
  readonly testId?: string;
  readonly children?: ComponentChildren;
}

/**
 * A card in a `tb-card-grid`; expanded, it spans the whole row.
 *
 * @example <Card title="train/loss" actions={<DownloadMenu items={items} />}><Chart /></Card>
 */
export function Card(props: CardProps) {
  const [expanded, setExpanded] = useState(props.defaultExpanded ?? false);
  const toggle = () => {
    const next = !expanded;
    setExpanded(next);
    props.onExpandedChange?.(next);
  };
  const classes = ['tb-card', expanded && 'tb-card--expanded', props.class].filter(Boolean).join(' ');
  return (
    <section class={classes} data-testid={props.testId} data-expanded={expanded ? 'true' : 'false'}>
      <header class="tb-card__header">
        <div class="tb-card__titles">
          <h3 class="tb-card__title">{props.title}</h3>
          {props.subtitle != null && <p class="tb-card__subtitle">{props.subtitle}</p>}
        </div>
        <div class="tb-card__actions">
          {props.actions}
          {(props.expandable ?? true) && (
            <button
              type="button"
              class="tb-icon-button tb-card__expand"
              aria-pressed={expanded}
              aria-label={expanded ? 'Shrink card' : 'Expand card to full width'}
              title={expanded ? 'Shrink' : 'Expand to full width'}
              onClick={toggle}
            >
              <ExpandIcon expanded={expanded} />
            </button>
          )}
        </div>
      </header>
      <div class="tb-card__body">{props.children}</div>
    </section>
  );
}

function ExpandIcon({ expanded }: { expanded: boolean }) {
  const d = expanded ? 'M3 9h5v5 M8 9l-5 5 M15 9h-5V4 M10 9l5-5' : 'M3 10v4h4 M3 14l5-5 M17 10V6h-4 M17 6l-5 5';
  return (
    <svg viewBox="0 0 20 20" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" aria-hidden="true">
      <path d={d} />
    </svg>
  );
}
