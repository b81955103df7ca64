/**
 * Shows a fetched value once it is there: a loading state before (the server may take
 * seconds to load a profile), the server's message on failure (with Retry), then
 * `children(value)`.
 */
import { ErrorState, LoadingState, type Fetched } from '@tb/ui';
import type { ComponentChildren } from 'preact';

/** Props of {@link Loaded}. */
export interface LoadedProps<T> {
  readonly fetched: Fetched<T>;
  /** What loads ("Loading operators…"). */
  readonly label: string;
  /** What failed ("Could not load the operators"). */
  readonly errorTitle: string;
  readonly testId?: string;
  readonly children: (value: T) => ComponentChildren;
}

/** @example <Loaded fetched={ops} label="Loading operators…" errorTitle="Could not load the operators">{(t) => <Table t={t} />}</Loaded> */
export function Loaded<T>(props: LoadedProps<T>) {
  const { value, error, retry } = props.fetched;
  if (error) return <ErrorState title={props.errorTitle} error={error} onRetry={retry} testId={props.testId && `${props.testId}-error`} />;
  if (value === null) return <LoadingState label={props.label} testId={props.testId && `${props.testId}-loading`} />;
  return <>{props.children(value)}</>;
}
