/**
 * The operator-tree comparison (`diff`, then `diffnode?path=` to drill in): the current
 * node's children with baseline and experiment durations as paired bars, each a button
 * that opens it; a breadcrumb leads back; the node's operators compare in a table.
 */
import { useFetched, type PluginFetch } from '@tb/ui';
import { useState } from 'preact/hooks';
import { profileRoute, type DiffNode, type ProfileRef } from './api.js';
import { childLabels } from './diff-rows.js';
import { DiffOpsTable } from './DiffOpsTable.js';
import { formatUs } from './format.js';
import { Loaded } from './Loaded.js';

/** Props of {@link DiffTree}. */
export interface DiffTreeProps {
  readonly fetch: PluginFetch;
  readonly base: ProfileRef;
  readonly exp: ProfileRef;
}

/** The path of a node's `i`th child: its own, else the parent's with the index appended. */
export function childPath(parent: DiffNode, child: DiffNode, i: number): string {
  return child.path ?? `${parent.path ?? '0'}-${i}`;
}

/** @example <DiffTree fetch={fetch} base={a} exp={b} /> */
export function DiffTree({ fetch, base, exp }: DiffTreeProps) {
  const [trail, setTrail] = useState<{ path: string; label: string }[]>([]);
  const path = trail.at(-1)?.path;
  const query = { exp_run: exp.run, exp_worker: exp.worker, exp_span: exp.span, path };
  const node = useFetched(
    () => fetch.json<DiffNode>(profileRoute(path ? 'diffnode' : 'diff', base, query)),
    [fetch, base.run, base.worker, base.span, exp.run, exp.worker, exp.span, path],
  );
  return (
    <div class="tb-prof-difftree" data-testid="diff-tree">
      <nav class="tb-prof-crumbs" aria-label="Position in the operator tree">
        <button type="button" class="tb-button tb-button--flat" disabled={trail.length === 0} onClick={() => setTrail([])}>
          All steps
        </button>
        {trail.map((t, i) => (
          <span key={t.path}>
            {' › '}
            <button type="button" class="tb-button tb-button--flat" disabled={i === trail.length - 1} onClick={() => setTrail(trail.slice(0, i + 1))}>
              {t.label}
            </button>
          </span>
        ))}
      </nav>
      <Loaded fetched={node} label="Comparing the operator trees…" errorTitle="Could not compare the profiles" testId="diff">
        {(n) => {
          const children = n.children ?? [];
          const labels = childLabels(children);
          const max = Math.max(1, ...children.map((c) => Math.max(c.left?.duration ?? 0, c.right?.duration ?? 0)));
          return (
            <>
              {children.length > 0 && (
                <ol class="tb-prof-diffbars" data-testid="diff-children">
                  {children.map((c, i) => (
                    <li key={i}>
                      <button
                        type="button"
                        class="tb-prof-diffbars__item"
                        data-path={childPath(n, c, i)}
                        title={`Baseline ${formatUs(c.left?.duration)}, experiment ${formatUs(c.right?.duration)}: open`}
                        onClick={() => setTrail([...trail, { path: childPath(n, c, i), label: labels[i]! }])}
                      >
                        <span class="tb-prof-diffbars__label">{labels[i]}</span>
                        <span class="tb-prof-diffbars__bars">
                          <span class="tb-prof-diffbars__base" style={{ width: `${((c.left?.duration ?? 0) / max) * 100}%` }} />
                          <span class="tb-prof-diffbars__exp" style={{ width: `${((c.right?.duration ?? 0) / max) * 100}%` }} />
                        </span>
                      </button>
                    </li>
                  ))}
                </ol>
              )}
              <DiffOpsTable node={n} />
            </>
          );
        }}
      </Loaded>
    </div>
  );
}
