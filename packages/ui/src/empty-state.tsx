/** The "nothing here (yet)" message of a dashboard or a card, with a hint what to do. */
import type { ComponentChildren } from 'preact';

/** Props of {@link EmptyState}. */
export interface EmptyStateProps {
  readonly title: ComponentChildren;
  /** The explanation: why it is empty and how to get data. */
  readonly children?: ComponentChildren;
  readonly testId?: string;
}

/**
 * @example <EmptyState title="No scalar data">Log some with <code>tf.summary.scalar</code>.</EmptyState>
 */
export function EmptyState(props: EmptyStateProps) {
  return (
    <div class="tb-state tb-state--empty" data-testid={props.testId}>
      <h2 class="tb-state__title">{props.title}</h2>
      {props.children != null && <div class="tb-state__body">{props.children}</div>}
    </div>
  );
}
