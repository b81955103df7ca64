/** A loading indicator: a spinner, or a progress bar when the fraction done is known. */

/** Props of {@link LoadingState}. */
export interface LoadingStateProps {
  /** What is loading ("Loading scalars…"). */
  readonly label?: string;
  /** Fraction done in [0, 1]; omitted: an indeterminate spinner. */
  readonly progress?: number;
  readonly testId?: string;
}

/**
 * @example <LoadingState label="Loading images…" />
 */
export function LoadingState(props: LoadingStateProps) {
  const label = props.label ?? 'Loading…';
  const p = props.progress;
  const fraction = p === undefined || !Number.isFinite(p) ? undefined : Math.min(1, Math.max(0, p));
  return (
    <div class="tb-state tb-state--loading" role="status" aria-live="polite" data-testid={props.testId}>
      {fraction === undefined ? (
        <div class="tb-spinner" aria-hidden="true" />
      ) : (
        <div
          class="tb-progress"
          role="progressbar"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(fraction * 100)}
        >
          <div class="tb-progress__bar" style={{ width: `${fraction * 100}%` }} />
        </div>
      )}
      <div>{label}</div>
    </div>
  );
}
