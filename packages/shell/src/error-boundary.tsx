/**
 * Catches an error thrown while a dashboard renders (or in its effects) so that one broken
 * plugin costs its own tab only.
 */
import { Component, type ComponentChildren } from 'preact';

/** Props of {@link ErrorBoundary}. */
export interface ErrorBoundaryProps {
  /** What to show instead of the children once they threw. */
  readonly fallback: (error: unknown, reset: () => void) => ComponentChildren;
  readonly children?: ComponentChildren;
}

interface State {
  readonly error: unknown;
  readonly failed: boolean;
}

export class ErrorBoundary extends Component<ErrorBoundaryProps, State> {
  override state: State = { error: undefined, failed: false };

  static override getDerivedStateFromError(error: unknown): Partial<State> {
    return { error, failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.error('A dashboard threw while rendering:', error);
  }

  private readonly reset = () => this.setState({ error: undefined, failed: false });

  override render() {
    return this.state.failed ? this.props.fallback(this.state.error, this.reset) : this.props.children;
  }
}
