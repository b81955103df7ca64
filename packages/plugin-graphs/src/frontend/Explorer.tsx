/**
 * One graph, explorable: its scope tree (series grouped), the scopes open, the selection
 * and its trace, search, the layout (off the main thread) and the drawing, the breadcrumb,
 * the legend and the node panel. Mounted once per graph shown (the Dashboard keys it), so
 * a new graph starts from a fresh view.
 */
import { errorMessage, type DownloadItem } from '@tb/ui';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { GraphJson } from '../graph-json.js';
import { Breadcrumb } from './Breadcrumb.js';
import { createColoring } from './colors.js';
import { downloadPng, downloadSvg } from './export-image.js';
import { expandTo, initialExpansion, toggled } from './expansion.js';
import { graphModelOf } from './graph-model.js';
import { GraphView, type GraphViewHandle, type ViewRequest } from './GraphView.js';
import type { LayoutClient } from './layout-client.js';
import { layoutSpecOf } from './layout-spec.js';
import { Legend } from './Legend.js';
import { NodePanel } from './NodePanel.js';
import { buildScene, type Scene } from './scene.js';
import { buildScopeTree } from './scope-tree.js';
import { SearchBox } from './SearchBox.js';
import { searchTree } from './search.js';
import { groupSeries } from './series.js';
import type { GraphSettings } from './settings.js';
import type { MeasureText } from './text-width.js';
import { Toolbar, type ToolbarProps } from './Toolbar.js';
import { traceOf } from './trace.js';
import { visibleGraph, type VisibleGraph } from './visible-graph.js';

/** Props of {@link Explorer}. */
export interface ExplorerProps {
  readonly json: GraphJson;
  /** The library function shown, '' for the main graph. */
  readonly fn: string;
  readonly settings: GraphSettings;
  readonly client: LayoutClient;
  readonly measure: MeasureText;
  /** The toolbar's run and graph pickers (the Dashboard owns them). */
  readonly toolbar: Pick<ToolbarProps, 'sources' | 'source' | 'onSource' | 'onFunction' | 'onSettings'>;
}

interface Drawn {
  readonly scene: Scene;
  readonly graph: VisibleGraph;
}

/** A name fit for a file: `adam_train-graph`. */
function fileStem(run: string): string {
  return `${run.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^_+|_+$/g, '') || 'graph'}-graph`;
}

/** The explorer of one graph. */
export function Explorer(props: ExplorerProps) {
  const { json, fn, settings, client, measure } = props;
  const model = useMemo(() => graphModelOf(json, fn ? { kind: 'function', name: fn } : { kind: 'main' }), [json, fn]);
  const tree = useMemo(() => {
    const t = buildScopeTree(model);
    groupSeries(t);
    return t;
  }, [model]);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => initialExpansion(tree));
  const [selected, setSelected] = useState<string | null>(null);
  const [pattern, setPattern] = useState('');
  const [focus, setFocus] = useState<ViewRequest | null>(null);
  const [anchor, setAnchor] = useState<ViewRequest | null>(null);
  const [drawn, setDrawn] = useState<Drawn | null>(null);
  const [layout, setLayout] = useState<{ busy: boolean; error: unknown; ms: number; done: number }>({ busy: true, error: null, ms: 0, done: 0 });
  const [legendCollapsed, setLegendCollapsed] = useState(false);
  const viewRef = useRef<GraphViewHandle | null>(null);
  const seq = useRef(0);

  const graph = useMemo(() => visibleGraph(tree, model, expanded), [tree, model, expanded]);
  useEffect(() => {
    let live = true;
    const started = performance.now();
    const input = layoutSpecOf(graph, measure);
    setLayout((l) => ({ ...l, busy: true }));
    client.layout(input.spec).then(
      (result) => {
        if (!live) return;
        setDrawn({ scene: buildScene(graph, result, input.texts), graph });
        setLayout((l) => ({ busy: false, error: null, ms: Math.round(performance.now() - started), done: l.done + 1 }));
      },
      (error: unknown) => live && setLayout((l) => ({ busy: false, error, ms: 0, done: l.done })),
    );
    return () => {
      live = false;
    };
  }, [graph, client, measure]);

  const shownGraph = drawn?.graph ?? graph;
  const coloring = useMemo(() => createColoring(settings.colorBy, tree, model, shownGraph), [settings.colorBy, tree, model, shownGraph]);
  const trace = useMemo(() => (selected ? traceOf(tree, model, shownGraph, selected) : null), [tree, model, shownGraph, selected]);
  const result = useMemo(() => searchTree(tree, model, pattern), [tree, model, pattern]);
  const node = selected ? (tree.byId.get(selected) ?? null) : null;

  const reveal = (id: string) => {
    setExpanded((e) => expandTo(tree, e, id));
    setSelected(id);
    setFocus({ id, seq: ++seq.current });
  };
  const toggle = (id: string) => {
    setExpanded((e) => toggled(e, id));
    setAnchor({ id, seq: ++seq.current });
  };
  const view = () => viewRef.current;
  const stem = fileStem(props.toolbar.source.run);
  const [notice, setNotice] = useState<string | null>(null);
  const save = (kind: 'PNG' | 'SVG') => {
    const svg = view()?.svg();
    if (!svg) return;
    setNotice(null);
    const done = kind === 'PNG' ? downloadPng(svg, `${stem}.png`) : Promise.resolve(downloadSvg(svg, `${stem}.svg`));
    done.catch((e: unknown) => setNotice(`Could not save the ${kind}: ${errorMessage(e)}`));
  };
  const downloads: DownloadItem[] = [
    { label: 'PNG image of the view', onSelect: () => save('PNG') },
    { label: 'SVG image of the view', onSelect: () => save('SVG') },
  ];

  return (
    <div
      class="tb-graph__explorer"
      data-testid="graph-explorer"
      data-state={drawn ? 'ready' : 'layout'}
      data-layout-busy={layout.busy ? 'true' : 'false'}
      data-layout-ms={layout.ms}
      data-layouts={layout.done}
      data-layout-mode={client.mode()}
      data-ops={model.ops.length}
    >
      <Toolbar
        {...props.toolbar}
        functions={json.functions.map((f) => f.name)}
        fn={fn}
        settings={settings}
        hasStats={model.hasStats}
        hasDevices={model.devices.length > 0}
        onFit={() => view()?.fit()}
        onZoom={(k) => view()?.zoomBy(k)}
        onCollapseAll={() => {
          setExpanded(new Set());
          setFocus(null);
        }}
        downloads={downloads}
        search={<SearchBox pattern={pattern} result={result} onPattern={setPattern} onPick={reveal} />}
      />
      <Breadcrumb
        node={node}
        onSelect={reveal}
        onRoot={() => {
          setSelected(null);
          view()?.fit();
        }}
      />
      <div class="tb-graph__main">
        <div class="tb-graph__stage">
          {drawn ? (
            <GraphView
              scene={drawn.scene}
              model={model}
              coloring={coloring}
              selected={trace?.shown ?? null}
              trace={trace}
              edgeLabels={settings.edgeLabels}
              fitKey={`${props.toolbar.source.key}\u0000${fn}`}
              focus={focus}
              anchor={anchor}
              onSelect={setSelected}
              onToggle={toggle}
              viewRef={viewRef}
            />
          ) : null}
          {layout.busy && (
            <div class="tb-graph__status" role="status" data-testid="graph-layout-busy">
              <span class="tb-spinner tb-graph__spinner" aria-hidden="true" />
              Laying out {graph.nodes.size.toLocaleString('en-US')} boxes…
            </div>
          )}
          {notice && (
            <div class="tb-graph__status tb-graph__status--error" role="alert" data-testid="graph-notice">
              {notice}
            </div>
          )}
          {layout.error != null && (
            <div class="tb-graph__status tb-graph__status--error" role="alert">
              Could not lay out the graph: {errorMessage(layout.error)}
            </div>
          )}
          {json.elided.count > 0 && (
            <div class="tb-graph__note" title="Tensor contents and long strings are left out of the page">
              {json.elided.count.toLocaleString('en-US')} large attribute values not shown
            </div>
          )}
        </div>
        <div class="tb-graph__side">
          <NodePanel tree={tree} model={model} node={node} expanded={node ? expanded.has(node.id) : false} onSelect={reveal} onToggle={toggle} />
          <Legend legend={coloring.legend} collapsed={legendCollapsed} onToggle={() => setLegendCollapsed(!legendCollapsed)} />
        </div>
      </div>
    </div>
  );
}
