/**
 * Run, Worker and Span selects for one profile. Workers and spans load from the server
 * as the run or worker changes; a choice the new list lacks falls back to its first entry.
 */
import { useFetched, type PluginFetch } from '@tb/ui';
import { useEffect } from 'preact/hooks';
import { fetchSpans, fetchWorkers, type ProfileRef } from './api.js';

/** A profile as chosen so far (worker and span may still be loading). */
export interface PartialProfile {
  readonly run: string;
  readonly worker?: string;
  readonly span?: string;
}

/** Props of {@link ProfilePicker}. */
export interface ProfilePickerProps {
  readonly fetch: PluginFetch;
  readonly runs: readonly string[];
  readonly value: PartialProfile;
  readonly onChange: (value: PartialProfile) => void;
  /** The view the workers are asked for (torch lists workers per view). */
  readonly view?: string;
  /** While true nothing is fetched (e.g. until the view is known). */
  readonly waiting?: boolean;
  readonly reloadSignal?: number;
  /** Prefix of the selects' test ids ("base" → base-run, base-worker, base-span). */
  readonly testId: string;
  readonly label?: string;
}

/** Whether every part of `p` is chosen. */
export function isComplete(p: PartialProfile): p is ProfileRef {
  return !!p.run && p.worker !== undefined && p.span !== undefined;
}

function Select(props: { label: string; value: string | undefined; options: readonly string[] | null; onChange: (v: string) => void; testId: string }) {
  return (
    <label class="tb-prof-field">
      <span>{props.label}</span>
      <select class="tb-input" value={props.value ?? ''} disabled={!props.options} data-testid={props.testId} onChange={(e) => props.onChange(e.currentTarget.value)}>
        {!props.options && <option value="">Loading…</option>}
        {props.options?.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </label>
  );
}

/** @example <ProfilePicker fetch={fetch} runs={runs} value={sel} onChange={setSel} testId="main" /> */
export function ProfilePicker(props: ProfilePickerProps) {
  const { fetch, value, onChange } = props;
  // Each list remembers what it was fetched for, so that a stale one is never combined with a new run.
  const workers = useFetched(
    () => fetchWorkers(fetch, value.run, props.view).then((list) => ({ key: value.run, list })),
    [fetch, value.run, props.view, props.reloadSignal],
    !!value.run && !props.waiting,
  );
  const workerList = workers.value?.key === value.run ? workers.value.list : null;
  const worker = value.worker !== undefined && workerList?.includes(value.worker) ? value.worker : workerList?.[0];
  const spanKey = `${value.run}\u0000${worker}`;
  const spans = useFetched(
    () => fetchSpans(fetch, value.run, worker!).then((list) => ({ key: spanKey, list })),
    [fetch, spanKey, props.reloadSignal],
    worker !== undefined,
  );
  const spanList = spans.value?.key === spanKey ? spans.value.list : null;
  const span = value.span !== undefined && spanList?.includes(value.span) ? value.span : spanList?.[0];

  useEffect(() => {
    if (!workerList || !spanList) return;
    if (worker !== value.worker || span !== value.span) onChange({ run: value.run, worker, span });
  }, [workerList, spanList, worker, span, value.run, value.worker, value.span]);

  const error = workers.error ?? spans.error;
  return (
    <div class="tb-prof-picker" role="group" aria-label={props.label ?? 'Profile'}>
      {props.label && <span class="tb-prof-picker__label">{props.label}</span>}
      <Select label="Run" value={value.run} options={props.runs} onChange={(run) => onChange({ run })} testId={`${props.testId}-run`} />
      <Select label="Worker" value={worker} options={workerList} onChange={(w) => onChange({ run: value.run, worker: w })} testId={`${props.testId}-worker`} />
      <Select label="Span" value={span} options={spanList} onChange={(s) => onChange({ run: value.run, worker, span: s })} testId={`${props.testId}-span`} />
      {error ? (
        <span class="tb-prof-picker__error" role="alert">
          {error instanceof Error ? error.message : String(error)}
        </span>
      ) : null}
    </div>
  );
}
