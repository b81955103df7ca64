/** An error message (what failed, the error's text) with an optional retry button. */
import type { ComponentChildren } from 'preact';

/** Props of {@link ErrorState}. */
export interface ErrorStateProps {
  /** What failed ("Could not load scalars for train/loss"). */
  readonly title?: ComponentChildren;
  /** The error; an Error shows its message. Rendered as text, never as HTML. */
  readonly error: unknown;
  /** Shows a Retry button calling this. */
  readonly onRetry?: () => void;
  readonly testId?: string;
}

/** The text to show for any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  if (typeof error === 'string') return error;
  try {
    return JSON.stringify(error) ?? String(error);
  } catch {
    return String(error);
  }
}

/**
 * @example <ErrorState title="Could not load tags" error={err} onRetry={reload} />
 */
export function ErrorState(props: ErrorStateProps) {
  return (
    <div class="tb-state tb-state--error" role="alert" data-testid={props.testId}>
      <h2 class="tb-state__title">{props.title ?? 'Something went wrong'}</h2>
      <p class="tb-state__message">{errorMessage(props.error)}</p>
      {props.onRetry && (
        <div class="tb-state__actions">
          <button type="button" class="tb-button" onClick={props.onRetry}>
            Retry
          </button>
        </div>
      )}
    </div>
  );
}
