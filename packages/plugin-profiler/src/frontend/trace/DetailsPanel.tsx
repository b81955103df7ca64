/**
 * The selected slice's details under the timeline: name, category, track, start and
 * duration at once (from the timeline), then its args as the server answers them
 * (`timeline/detail`), the Call stack one frame per line, and links to the other end of
 * its flow arrows.
 */
import { errorMessage, type PluginFetch } from '@tb/ui';
import { useEffect, useState } from 'preact/hooks';
import type { SliceDetail } from '../../timeline/detail.js';
import type { Timeline } from '../../timeline/types.js';
import type { RelatedFlow } from './hit.js';
import { formatDuration } from './TimeAxis.js';

export interface DetailsPanelProps {
  readonly fetch: PluginFetch;
  /** The route of the trace, `run=..&worker=..&span=..`. */
  readonly query: string;
  readonly timeline: Timeline;
  readonly slice: number;
  readonly flows: readonly RelatedFlow[];
  readonly onJump: (slice: number) => void;
  readonly onClose: () => void;
}

type Args = { state: 'loading' } | { state: 'done'; args: Record<string, unknown> | null } | { state: 'error'; message: string };

/** Splits a Kineto call stack ("file(12): fn;file(3): <module>") into frames. */
export function callStackLines(value: unknown): string[] {
  return typeof value === 'string' ? value.split(';').map((s) => s.trim()).filter(Boolean) : [];
}

/** The details of `props.slice`; its args load from the server. */
export function DetailsPanel(props: DetailsPanelProps) {
  const { fetch, query, timeline: t, slice, flows } = props;
  const [args, setArgs] = useState<Args>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    setArgs({ state: 'loading' });
    fetch
      .json<SliceDetail>(`timeline/detail?${query}&slice=${slice}`)
      .then((d) => live && setArgs({ state: 'done', args: d.args }))
      .catch((e: unknown) => live && setArgs({ state: 'error', message: errorMessage(e) }));
    return () => {
      live = false;
    };
  }, [fetch, query, slice]);

  const track = t.tracks[t.slices.track[slice]!];
  const nameOf = (i: number): string => t.names[t.slices.name[i]!] ?? '';
  const rows: [string, string][] = [
    ['Category', t.categories[t.slices.cat[slice]!] ?? ''],
    ['Process', track ? (t.processes[track.process]?.name ?? '') : ''],
    ['Track', track?.name ?? ''],
    ['Start', formatDuration(t.slices.start[slice]!)],
    ['Duration', formatDuration(t.slices.dur[slice]!)],
  ];
  return (
    <section class="tb-trace-details" aria-label="Slice details">
      <header>
        <h3 title={nameOf(slice)}>{nameOf(slice)}</h3>
        <button type="button" class="tb-trace-close" aria-label="Close details" onClick={props.onClose}>
          ×
        </button>
      </header>
      <dl>
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
        {flows.map((f, i) => (
          <div key={`flow${i}`}>
            <dt>{f.outgoing ? 'Launches' : 'Launched by'}</dt>
            <dd>
              <button type="button" class="tb-trace-link" onClick={() => props.onJump(f.other)}>
                {f.outgoing ? '→' : '←'} {nameOf(f.other)}
              </button>
            </dd>
          </div>
        ))}
        {args.state === 'loading' && <div class="tb-trace-muted">Loading args…</div>}
        {args.state === 'error' && <div class="tb-trace-error">{args.message}</div>}
        {args.state === 'done' &&
          args.args &&
          Object.entries(args.args).map(([k, v]) => (
            <div key={k}>
              <dt>{k}</dt>
              <dd>
                {k === 'Call stack' ? (
                  <pre>{callStackLines(v).join('\n')}</pre>
                ) : (
                  <code>{typeof v === 'string' ? v : JSON.stringify(v)}</code>
                )}
              </dd>
            </div>
          ))}
      </dl>
    </section>
  );
}
