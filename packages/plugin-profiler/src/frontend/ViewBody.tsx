/** The selected view's content, for one profile. */
import { EmptyState, type PluginFetch } from '@tb/ui';
import type { ProfileRef } from './api.js';
import { DiffView } from './DiffView.js';
import { KernelView } from './KernelView.js';
import { LoadGate } from './LoadGate.js';
import { MemoryView } from './MemoryView.js';
import { ModuleView } from './ModuleView.js';
import { OperatorView } from './OperatorView.js';
import { Overview } from './Overview.js';
import { TraceTab } from './TraceTab.js';
import { OpStatsView, StepTimeView } from './XplaneViews.js';

/** Props of {@link ViewBody}. */
export interface ViewBodyProps {
  readonly view: string;
  readonly profile: ProfileRef;
  readonly runs: readonly string[];
  readonly fetch: PluginFetch;
  readonly reloadSignal: number;
  readonly darkMode: boolean;
}

/** @example <ViewBody view="Overview" profile={p} runs={runs} fetch={fetch} reloadSignal={0} darkMode={false} /> */
export function ViewBody(props: ViewBodyProps) {
  // The diff loads its own two profiles; every other view waits for this one's.
  if (props.view === 'Diff') return <DiffView fetch={props.fetch} runs={props.runs} current={props.profile} />;
  return (
    <LoadGate fetch={props.fetch} profile={props.profile}>
      <ProfileView {...props} />
    </LoadGate>
  );
}

function ProfileView(props: ViewBodyProps) {
  const common = { fetch: props.fetch, profile: props.profile, reloadSignal: props.reloadSignal };
  switch (props.view) {
    case 'Overview':
      return <Overview {...common} />;
    case 'Operator':
      return <OperatorView {...common} />;
    case 'Kernel':
      return <KernelView {...common} />;
    case 'Memory':
      return <MemoryView {...common} />;
    case 'Module':
      return <ModuleView {...common} />;
    case 'Trace':
      return <TraceTab fetch={props.fetch} profile={props.profile} darkMode={props.darkMode} />;
    case 'Op Stats':
      return <OpStatsView {...common} />;
    case 'Step Time':
      return <StepTimeView {...common} />;
    default:
      return (
        <EmptyState title={`The ${props.view} view is not available here`} testId="view-unsupported">
          tb-core shows this profile's Overview, Operator, Kernel, Memory and Trace views; the {props.view} view of torch-tb-profiler is not part of it yet.
        </EmptyState>
      );
  }
}
