/**
 * The side panel of the selection. An op: its type, device, dtype, cost from the run
 * metadata, its outputs' shapes, its inputs and its consumers (each a link that selects
 * and reveals that op) and its attributes. A scope or series: how many ops of each type it
 * holds, on which devices, what it costs, what feeds it and what it feeds, its members.
 */
import type { ComponentChildren } from 'preact';
import { opCountText } from './box-size.js';
import { summaryOf } from './colors.js';
import { formatBytes, formatMicros } from './format.js';
import { formatShape, type GraphModel, type OpEdge } from './graph-model.js';
import { opsUnder, type Container, type OpLeaf, type ScopeTree, type TreeNode } from './scope-tree.js';

/** Props of {@link NodePanel}. */
export interface NodePanelProps {
  readonly tree: ScopeTree;
  readonly model: GraphModel;
  /** The selected node; null shows a hint. */
  readonly node: TreeNode | null;
  /** Whether the selected container is open. */
  readonly expanded: boolean;
  /** Selects a node by tree id (and reveals it). */
  readonly onSelect: (id: string) => void;
  readonly onToggle: (id: string) => void;
}

const LIST_LIMIT = 40;

function Section(props: { title: string; count?: number; children: ComponentChildren; testId?: string }) {
  return (
    <section class="tb-graph-panel__section" data-testid={props.testId}>
      <h3 class="tb-graph-panel__heading">
        {props.title}
        {props.count !== undefined && <span class="tb-graph-panel__count">{props.count}</span>}
      </h3>
      {props.children}
    </section>
  );
}

function Facts(props: { rows: readonly (readonly [string, ComponentChildren])[] }) {
  return (
    <dl class="tb-graph-panel__facts">
      {props.rows.map(([k, v]) => [<dt>{k}</dt>, <dd>{v}</dd>])}
    </dl>
  );
}

function OpLink(props: { tree: ScopeTree; model: GraphModel; op: number; onSelect: (id: string) => void }) {
  const leaf = props.tree.leaves[props.op]!;
  const op = props.model.ops[props.op]!;
  return (
    <button type="button" class="tb-graph-panel__link" title={`${op.name} (${op.op})`} onClick={() => props.onSelect(leaf.id)}>
      {op.name}
    </button>
  );
}

function More(props: { shown: number; total: number }) {
  return props.total > props.shown ? <li class="tb-graph-panel__more">… and {(props.total - props.shown).toLocaleString('en-US')} more</li> : null;
}

function tensorText(model: GraphModel, e: OpEdge): string {
  if (e.control) return 'control';
  const source = model.ops[e.from]!;
  return `${source.dtype ? `${source.dtype} ` : ''}${formatShape(source.outputShapes[e.output])}`;
}

function OpDetails(props: NodePanelProps & { leaf: OpLeaf }) {
  const { model, tree, leaf, onSelect } = props;
  const op = model.ops[leaf.op]!;
  const inputs = model.edges.filter((e) => e.to === leaf.op);
  const consumers = model.edges.filter((e) => e.from === leaf.op);
  const missing = model.missingInputs.get(leaf.op) ?? [];
  const facts: [string, ComponentChildren][] = [['Op', <code>{op.op || '(none)'}</code>]];
  if (op.device) facts.push(['Device', <code>{op.device}</code>]);
  if (op.dtype) facts.push(['Type', <code>{op.dtype}</code>]);
  if (op.stats) {
    facts.push(['Compute time', formatMicros(op.stats.computeMicros)]);
    facts.push(['Memory', formatBytes(op.stats.memoryBytes)]);
  }
  return (
    <>
      <Facts rows={facts} />
      <Section title="Outputs" count={op.outputShapes.length} testId="panel-outputs">
        {op.outputShapes.length === 0 ? (
          <p class="tb-graph-panel__empty">No output shapes recorded.</p>
        ) : (
          <ul class="tb-graph-panel__list">
            {op.outputShapes.map((shape, i) => (
              <li class="tb-graph-panel__row" data-testid="panel-output-shape">
                <span class="tb-graph-panel__port">:{i}</span>
                <code>{`${op.dtype ? `${op.dtype} ` : ''}${formatShape(shape)}`}</code>
              </li>
            ))}
          </ul>
        )}
      </Section>
      <Section title="Inputs" count={inputs.length + missing.length} testId="panel-inputs">
        <ul class="tb-graph-panel__list">
          {inputs.slice(0, LIST_LIMIT).map((e) => (
            <li class="tb-graph-panel__row">
              <OpLink tree={tree} model={model} op={e.from} onSelect={onSelect} />
              {!e.control && e.output > 0 && <span class="tb-graph-panel__port">:{e.output}</span>}
              <code class={e.control ? 'tb-graph-panel__control' : 'tb-graph-panel__shape'}>{tensorText(model, e)}</code>
            </li>
          ))}
          <More shown={Math.min(inputs.length, LIST_LIMIT)} total={inputs.length} />
          {missing.map((name) => (
            <li class="tb-graph-panel__row" title="The graph names this input but has no op of that name">
              <span class="tb-graph-panel__missing">{name}</span>
              <span class="tb-graph-panel__port">not in the graph</span>
            </li>
          ))}
        </ul>
      </Section>
      <Section title="Consumers" count={consumers.length} testId="panel-consumers">
        <ul class="tb-graph-panel__list">
          {consumers.slice(0, LIST_LIMIT).map((e) => (
            <li class="tb-graph-panel__row">
              <OpLink tree={tree} model={model} op={e.to} onSelect={onSelect} />
              <code class={e.control ? 'tb-graph-panel__control' : 'tb-graph-panel__shape'}>{e.control ? 'control' : `:${e.output} ${formatShape(op.outputShapes[e.output])}`}</code>
            </li>
          ))}
          <More shown={Math.min(consumers.length, LIST_LIMIT)} total={consumers.length} />
        </ul>
      </Section>
      <Section title="Attributes" count={op.attrs.length} testId="panel-attrs">
        {op.attrs.length === 0 ? (
          <p class="tb-graph-panel__empty">None.</p>
        ) : (
          <dl class="tb-graph-panel__attrs">
            {op.attrs.map(([k, v]) => [<dt>{k}</dt>, <dd><code>{v === '' ? '""' : v}</code></dd>])}
          </dl>
        )}
      </Section>
    </>
  );
}

/** The ops outside `inside` that feed it (or that it feeds), with how many edges, most first. */
function neighbours(model: GraphModel, inside: ReadonlySet<number>, direction: 'in' | 'out'): [number, number][] {
  const counts = new Map<number, number>();
  for (const e of model.edges) {
    const [near, far] = direction === 'in' ? [e.to, e.from] : [e.from, e.to];
    if (inside.has(near) && !inside.has(far)) counts.set(far, (counts.get(far) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
}

function ContainerDetails(props: NodePanelProps & { container: Container }) {
  const { tree, model, container, onSelect } = props;
  const ops = opsUnder(container);
  const inside = new Set(ops);
  const types = [...container.opTypes].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const top = types[0]?.[1] ?? 1;
  const summary = summaryOf(tree, model, container);
  const devices = [...summary.devices].filter(([d]) => d !== '').sort((a, b) => b[1] - a[1]);
  const feeds = neighbours(model, inside, 'in');
  const fed = neighbours(model, inside, 'out');
  const scopes = container.children.filter((c) => c.kind !== 'op').length;
  const facts: [string, ComponentChildren][] = [
    ['Ops', opCountText(container.opCount)],
    [container.kind === 'series' ? 'Members' : 'Sub-scopes', String(container.kind === 'series' ? container.children.length : scopes)],
  ];
  if (summary.hasStats) {
    facts.push(['Compute time', formatMicros(summary.compute)]);
    facts.push(['Memory', formatBytes(summary.memory)]);
  }
  return (
    <>
      <Facts rows={facts} />
      <button type="button" class="tb-button tb-graph-panel__toggle" data-testid="panel-toggle" onClick={() => props.onToggle(container.id)}>
        {props.expanded ? 'Collapse' : 'Expand'}
      </button>
      {container.kind === 'series' && (
        <Section title="Members" count={container.children.length}>
          <ul class="tb-graph-panel__list">
            {container.children.map((m) => (
              <li class="tb-graph-panel__row">
                <button type="button" class="tb-graph-panel__link" onClick={() => onSelect(m.id)}>
                  {m.label}
                </button>
              </li>
            ))}
          </ul>
        </Section>
      )}
      <Section title="Op types" count={types.length} testId="panel-op-types">
        <ul class="tb-graph-panel__list">
          {types.slice(0, LIST_LIMIT).map(([type, n]) => (
            <li class="tb-graph-panel__row tb-graph-panel__bar-row" data-testid="panel-op-type">
              <span class="tb-graph-panel__bar" style={{ width: `${(100 * n) / top}%` }} />
              <code>{type}</code>
              <span class="tb-graph-panel__num">{n.toLocaleString('en-US')}</span>
            </li>
          ))}
          <More shown={Math.min(types.length, LIST_LIMIT)} total={types.length} />
        </ul>
      </Section>
      {devices.length > 0 && (
        <Section title="Devices" count={devices.length}>
          <ul class="tb-graph-panel__list">
            {devices.map(([d, n]) => (
              <li class="tb-graph-panel__row">
                <code>{d}</code>
                <span class="tb-graph-panel__num">{opCountText(n)}</span>
              </li>
            ))}
          </ul>
        </Section>
      )}
      {[
        ['Inputs from', feeds] as const,
        ['Outputs to', fed] as const,
      ].map(([title, list]) => (
        <Section title={title} count={list.length}>
          <ul class="tb-graph-panel__list">
            {list.slice(0, LIST_LIMIT).map(([op, n]) => (
              <li class="tb-graph-panel__row">
                <OpLink tree={tree} model={model} op={op} onSelect={onSelect} />
                {n > 1 && <span class="tb-graph-panel__num">×{n}</span>}
              </li>
            ))}
            <More shown={Math.min(list.length, LIST_LIMIT)} total={list.length} />
          </ul>
        </Section>
      ))}
    </>
  );
}

/** The panel of the selection. */
export function NodePanel(props: NodePanelProps) {
  const { node, model } = props;
  if (!node) {
    return (
      <aside class="tb-graph-panel" data-testid="node-panel">
        <p class="tb-graph-panel__hint">Click a box to see its details; double-click a scope to open it. Search finds ops and scopes by name.</p>
      </aside>
    );
  }
  const kind = node.kind === 'op' ? 'Operation' : node.kind === 'series' ? `Series of ${node.children.length} scopes` : 'Name scope';
  const fullName = node.kind === 'op' ? model.ops[node.op]!.name : node.id;
  return (
    <aside class="tb-graph-panel" data-testid="node-panel" data-node={node.id} data-kind={node.kind}>
      <header class="tb-graph-panel__header">
        <div class="tb-graph-panel__kind">{kind}</div>
        <h2 class="tb-graph-panel__title" data-testid="panel-title">
          {node.kind === 'series' ? `${node.label} (${node.children.length})` : node.label}
        </h2>
        <div class="tb-graph-panel__name" title={fullName}>
          {fullName}
        </div>
      </header>
      {node.kind === 'op' ? <OpDetails {...props} leaf={node} /> : <ContainerDetails {...props} container={node} />}
    </aside>
  );
}
