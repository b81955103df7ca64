/**
 * An operator's call frames (`operation/stack`): one entry per distinct Python call stack
 * that ran it, with its calls and times and the frames innermost first.
 */
import { useFetched, type PluginFetch } from '@tb/ui';
import { profileRoute, type OperatorTable, type ProfileRef } from './api.js';
import { formatCell, formatUs } from './format.js';
import { Loaded } from './Loaded.js';

/** Props of {@link CallStack}. */
export interface CallStackProps {
  readonly fetch: PluginFetch;
  readonly profile: ProfileRef;
  readonly groupBy: string;
  readonly opName: string;
  readonly inputShape?: string;
}

/** The frames of a `call_stack` string ("file(line): fn;…"), empty ones dropped. */
export function splitFrames(stack: string | undefined): string[] {
  return (stack ?? '')
    .split(';')
    .map((f) => f.trim())
    .filter(Boolean);
}

/** @example <CallStack fetch={fetch} profile={p} groupBy="Operation" opName="aten::add" /> */
export function CallStack(props: CallStackProps) {
  const { fetch, profile, groupBy, opName, inputShape } = props;
  const stacks = useFetched(
    () => fetch.json<OperatorTable>(profileRoute('operation/stack', profile, { group_by: groupBy, op_name: opName, input_shape: inputShape })),
    [fetch, profile.run, profile.worker, profile.span, groupBy, opName, inputShape],
  );
  return (
    <div class="tb-prof-stack" data-testid={`stack-${opName}`}>
      <Loaded fetched={stacks} label="Loading call frames…" errorTitle={`Could not load the call frames of ${opName}`}>
        {(t) =>
          t.data.length === 0 ? (
            <p class="tb-prof-note">No call frames were recorded for {opName}.</p>
          ) : (
            <ol class="tb-prof-stack__list">
              {t.data.map((row, i) => {
                const frames = splitFrames(row.call_stack);
                return (
                  <li key={i} class="tb-prof-stack__entry">
                    <div class="tb-prof-stack__summary">
                      {formatCell(row.calls)} calls · device self {formatUs(row.device_self_duration)} · host self {formatUs(row.host_self_duration)}
                    </div>
                    {frames.length > 0 ? (
                      <ol class="tb-prof-stack__frames">
                        {frames.map((f, j) => (
                          <li key={j}>
                            <code>{f}</code>
                          </li>
                        ))}
                      </ol>
                    ) : (
                      <p class="tb-prof-note">(no Python frames)</p>
                    )}
                  </li>
                );
              })}
            </ol>
          )
        }
      </Loaded>
    </div>
  );
}
