/** The Module view: the model's modules as a tree table (time per module, occurrences). */
import { Card, useFetched, type PluginFetch } from '@tb/ui';
import { useState } from 'preact/hooks';
import { profileRoute, type ProfileRef } from './api.js';
import { formatCell } from './format.js';
import { Loaded } from './Loaded.js';
import { visibleModules, type ModuleAnswer } from './module-tree.js';

/** Props of {@link ModuleView}. */
export interface ModuleViewProps {
  readonly fetch: PluginFetch;
  readonly profile: ProfileRef;
  readonly reloadSignal: number;
}

/** @example <ModuleView fetch={fetch} profile={p} reloadSignal={0} /> */
export function ModuleView({ fetch, profile, reloadSignal }: ModuleViewProps) {
  const modules = useFetched(() => fetch.json<ModuleAnswer>(profileRoute('module', profile)), [fetch, profile.run, profile.worker, profile.span, reloadSignal]);
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) => {
    const next = new Set(open);
    if (!next.delete(id)) next.add(id);
    setOpen(next);
  };
  return (
    <div class="tb-prof-view" data-testid="module-view">
      <Loaded fetched={modules} label="Loading modules…" errorTitle="Could not load the module view" testId="module">
        {(m) => {
          const cols = m.columns.filter((c) => c.key !== 'name');
          return (
            <Card title="Modules" expandable={false}>
              <div class="tb-prof-table__scroll">
                <table class="tb-prof-table__table">
                  <thead>
                    <tr>
                      <th>Module Name</th>
                      {cols.map((c) => (
                        <th key={c.key} class={c.type === 'number' ? 'tb-prof-num' : undefined}>
                          {c.name}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {visibleModules(m.data, open).map((r) => (
                      <tr key={r.id} data-module={r.id}>
                        <td style={{ paddingLeft: `${8 + r.depth * 16}px` }}>
                          {r.hasChildren ? (
                            <button type="button" class="tb-prof-tree__toggle" aria-expanded={open.has(r.id)} aria-label={`${open.has(r.id) ? 'Collapse' : 'Expand'} ${r.node.name}`} onClick={() => toggle(r.id)}>
                              {open.has(r.id) ? '▾' : '▸'}
                            </button>
                          ) : (
                            <span class="tb-prof-tree__leaf" />
                          )}
                          {r.node.name}
                        </td>
                        {cols.map((c) => (
                          <td key={c.key} class={c.type === 'number' ? 'tb-prof-num' : undefined}>
                            {formatCell(r.node[c.key])}
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </Card>
          );
        }}
      </Loaded>
    </div>
  );
}
