/**
 * The graph drawn in SVG: expanded containers as frames, edges (dashed for control
 * dependencies, thicker for more tensors, labelled with shapes), and boxes on top. Zoom and
 * pan with the mouse (d3-zoom) and the keyboard (+/-, 0 to fit, arrow keys); click selects,
 * double-click or the +/- button opens and closes a scope. The zoom transform is set on the
 * DOM directly, so panning never re-renders the drawing.
 */
import { select } from 'd3-selection';
import { zoom, zoomIdentity, zoomTransform, type ZoomBehavior } from 'd3-zoom';
import { useLayoutEffect, useMemo, useRef } from 'preact/hooks';
import type { BoxPaint, Coloring } from './colors.js';
import { edgeText } from './edge-text.js';
import type { GraphModel } from './graph-model.js';
import { Bands, bandGradientId, Box, Edge, Frame, FrameHeader, traceRole } from './GraphShapes.js';
import { HoverCard, type HoverCardHandle } from './HoverCard.js';
import type { Scene, SceneEdge } from './scene.js';
import type { Trace } from './trace.js';
import { IN_ANCHOR, OUT_ANCHOR } from './visible-graph.js';

/** What the toolbar and the keyboard do to the view. */
export interface GraphViewHandle {
  fit(): void;
  zoomBy(factor: number): void;
  panBy(dx: number, dy: number): void;
  /** Pans (and zooms out if it must) so that the whole box is on screen. */
  ensureVisible(id: string): void;
  centreOn(id: string): void;
  svg(): SVGSVGElement | null;
}

/** A one-off request (centre on a box, keep a box in place), applied once per `seq`. */
export interface ViewRequest {
  readonly id: string;
  readonly seq: number;
}

/** Props of {@link GraphView}. */
export interface GraphViewProps {
  readonly scene: Scene;
  readonly model: GraphModel;
  readonly coloring: Coloring;
  /** The box that shows the selection. */
  readonly selected: string | null;
  readonly trace: Trace | null;
  readonly edgeLabels: boolean;
  /** The view fits the graph to the screen whenever this changes (another graph). */
  readonly fitKey: string;
  /** Centre on this box once it is in the scene. */
  readonly focus: ViewRequest | null;
  /** Keep this box where it was on screen across the next layout (the one just opened or closed), then pan so that all of it shows. */
  readonly anchor: ViewRequest | null;
  readonly onSelect: (id: string | null) => void;
  readonly onToggle: (id: string) => void;
  readonly viewRef: { current: GraphViewHandle | null };
}

const ZOOM_MIN = 0.03;
const ZOOM_MAX = 4;
const PAN_STEP = 80;
const FIT_MARGIN = 24;
/** Fitting never zooms in past this (a small graph stays at a readable size). */
const FIT_MAX = 1.2;

let instances = 0;

const isBridge = (e: SceneEdge) => e.edge.from === IN_ANCHOR || e.edge.to === OUT_ANCHOR;

/** The drawing, with zoom and pan. */
export function GraphView(props: GraphViewProps) {
  const { scene, coloring, trace, selected } = props;
  const wrapRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const viewportRef = useRef<SVGGElement>(null);
  const hoverRef = useRef<HoverCardHandle | null>(null);
  const zoomRef = useRef<ZoomBehavior<SVGSVGElement, unknown> | null>(null);
  const prefix = useMemo(() => `tb-graph-${++instances}`, []);
  const applied = useRef({ fitKey: '', needsFit: false, focus: 0, anchor: 0, previous: null as Scene | null });
  const sceneRef = useRef(scene);
  sceneRef.current = scene;
  const propsRef = useRef(props);
  propsRef.current = props;

  const size = () => ({ width: svgRef.current?.clientWidth ?? 0, height: svgRef.current?.clientHeight ?? 0 });
  const setTransform = (x: number, y: number, k: number) => {
    const svg = svgRef.current;
    if (svg && zoomRef.current) select(svg).call(zoomRef.current.transform, zoomIdentity.translate(x, y).scale(k));
  };
  const current = () => (svgRef.current ? zoomTransform(svgRef.current) : zoomIdentity);

  const handle: GraphViewHandle = {
    fit() {
      const { width, height } = size();
      const s = sceneRef.current;
      if (width === 0 || height === 0) {
        applied.current.needsFit = true;
        return;
      }
      applied.current.needsFit = false;
      const k = Math.min(FIT_MAX, Math.max(ZOOM_MIN, Math.min((width - 2 * FIT_MARGIN) / Math.max(1, s.width), (height - 2 * FIT_MARGIN) / Math.max(1, s.height))));
      setTransform((width - s.width * k) / 2, (height - s.height * k) / 2, k);
    },
    zoomBy(factor) {
      const svg = svgRef.current;
      const { width, height } = size();
      if (svg && zoomRef.current) select(svg).call(zoomRef.current.scaleBy, factor, [width / 2, height / 2]);
    },
    panBy(dx, dy) {
      const t = current();
      setTransform(t.x + dx, t.y + dy, t.k);
    },
    ensureVisible(id) {
      const box = sceneRef.current.byId.get(id);
      const { width, height } = size();
      if (!box || width === 0) return;
      let { x, y, k } = current();
      const fits = Math.min(k, (width - 2 * FIT_MARGIN) / box.width, (height - 2 * FIT_MARGIN) / box.height);
      if (fits < k) {
        k = Math.max(ZOOM_MIN, fits);
        setTransform(width / 2 - (box.x + box.width / 2) * k, height / 2 - (box.y + box.height / 2) * k, k);
        return;
      }
      const left = x + box.x * k;
      const top = y + box.y * k;
      const right = left + box.width * k;
      const bottom = top + box.height * k;
      if (left < FIT_MARGIN) x += FIT_MARGIN - left;
      else if (right > width - FIT_MARGIN) x -= right - (width - FIT_MARGIN);
      if (top < FIT_MARGIN) y += FIT_MARGIN - top;
      else if (bottom > height - FIT_MARGIN) y -= bottom - (height - FIT_MARGIN);
      setTransform(x, y, k);
    },
    centreOn(id) {
      const box = sceneRef.current.byId.get(id);
      const { width, height } = size();
      if (!box || width === 0) return;
      const k = Math.min(2, Math.max(current().k, 1));
      setTransform(width / 2 - (box.x + box.width / 2) * k, height / 2 - (box.y + box.height / 2) * k, k);
    },
    svg: () => svgRef.current,
  };
  props.viewRef.current = handle;

  // A layout effect, declared first: the zoom must exist before the effect below fits the view.
  useLayoutEffect(() => {
    const svg = svgRef.current!;
    const viewport = viewportRef.current!;
    const behaviour = zoom<SVGSVGElement, unknown>()
      .scaleExtent([ZOOM_MIN, ZOOM_MAX])
      .on('zoom', (event: { transform: { k: number; toString(): string } }) => {
        viewport.setAttribute('transform', event.transform.toString());
        const k = event.transform.k;
        viewport.setAttribute('data-zoom', k < 0.2 ? 'tiny' : k < 0.5 ? 'far' : 'near');
        svg.setAttribute('data-scale', k.toFixed(3));
        hoverRef.current?.hide();
      });
    zoomRef.current = behaviour;
    select(svg).call(behaviour).on('dblclick.zoom', null);
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => applied.current.needsFit && handle.fit());
    observer?.observe(svg);
    return () => {
      observer?.disconnect();
      select(svg).on('.zoom', null);
    };
  }, []);

  useLayoutEffect(() => {
    const state = applied.current;
    const { fitKey, anchor, focus } = propsRef.current;
    if (state.fitKey !== fitKey) {
      state.fitKey = fitKey;
      handle.fit();
    } else if (anchor && anchor.seq !== state.anchor) {
      state.anchor = anchor.seq;
      const before = state.previous?.byId.get(anchor.id);
      const after = scene.byId.get(anchor.id);
      if (before && after) {
        const t = current();
        setTransform(t.x - (after.x - before.x) * t.k, t.y - (after.y - before.y) * t.k, t.k);
        handle.ensureVisible(anchor.id);
      }
    }
    if (focus && focus.seq !== state.focus && scene.byId.has(focus.id)) {
      state.focus = focus.seq;
      handle.centreOn(focus.id);
    }
    state.previous = scene;
  }, [scene, props.focus]);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const keys: Record<string, () => void> = {
      '+': () => handle.zoomBy(1.25),
      '=': () => handle.zoomBy(1.25),
      '-': () => handle.zoomBy(0.8),
      _: () => handle.zoomBy(0.8),
      '0': () => handle.fit(),
      ArrowLeft: () => handle.panBy(PAN_STEP, 0),
      ArrowRight: () => handle.panBy(-PAN_STEP, 0),
      ArrowUp: () => handle.panBy(0, PAN_STEP),
      ArrowDown: () => handle.panBy(0, -PAN_STEP),
      Escape: () => props.onSelect(null),
      Enter: () => {
        const box = props.selected ? sceneRef.current.byId.get(props.selected) : undefined;
        if (box && box.vis.node.kind !== 'op') props.onToggle(box.id);
      },
    };
    const action = keys[e.key];
    if (!action) return;
    e.preventDefault();
    action();
  };

  const target = (e: Event) => {
    const el = e.target instanceof Element ? e.target : null;
    return {
      toggle: el?.closest('[data-toggle]')?.getAttribute('data-toggle') ?? null,
      box: el?.closest('[data-box]')?.getAttribute('data-box') ?? el?.closest('[data-box-header]')?.getAttribute('data-box-header') ?? null,
      edge: el?.closest('[data-edge]')?.getAttribute('data-edge') ?? null,
    };
  };
  const onClick = (e: MouseEvent) => {
    const t = target(e);
    if (t.toggle) props.onToggle(t.toggle);
    else props.onSelect(t.box);
  };
  const onDblClick = (e: MouseEvent) => {
    const t = target(e);
    const box = t.box ? sceneRef.current.byId.get(t.box) : undefined;
    if (!t.toggle && box && box.vis.node.kind !== 'op') props.onToggle(box.id);
  };
  const onMouseMove = (e: MouseEvent) => {
    const t = target(e);
    const wrap = wrapRef.current;
    if (!wrap || !hoverRef.current) return;
    const rect = wrap.getBoundingClientRect();
    const at = { x: e.clientX - rect.left, y: e.clientY - rect.top };
    const s = sceneRef.current;
    if (t.edge && !t.box) {
      const edge = edgeById.get(t.edge);
      if (edge) {
        const from = s.byId.get(edge.edge.from)?.text.fullLabel ?? 'outside';
        const to = s.byId.get(edge.edge.to)?.text.fullLabel ?? 'outside';
        hoverRef.current.show(`${from} → ${to}`, edgeText(props.model, edge.edge).details, at);
        return;
      }
    }
    const box = t.box ? s.byId.get(t.box) : undefined;
    if (box && !t.toggle) {
      const node = box.vis.node;
      const lines = node.kind === 'op' ? [props.model.ops[node.op]!.op, props.model.ops[node.op]!.name] : [box.text.sublabel ?? '', node.id, 'Double-click to ' + (box.vis.expanded ? 'collapse' : 'expand')];
      hoverRef.current.show(box.text.fullLabel, lines, at);
      return;
    }
    hoverRef.current.hide();
  };

  const edgeById = useMemo(() => new Map(scene.edges.map((e) => [e.edge.id, e])), [scene]);
  const frames = scene.boxes.filter((b) => b.vis.expanded);
  const boxes = scene.boxes.filter((b) => !b.vis.expanded);
  const paints = useMemo(() => new Map(scene.boxes.map((b) => [b.id, coloring.paint(b.vis.node)])), [scene, coloring]);
  const gradients = useMemo(() => {
    const out = new Map<string, BoxPaint>();
    for (const paint of paints.values()) {
      const id = bandGradientId(prefix, paint);
      if (id) out.set(id, paint);
    }
    return out;
  }, [paints, prefix]);
  const labels = useMemo(
    // Bridges (to and from a container's border) repeat the label of the line outside: none.
    () => new Map(props.edgeLabels ? scene.edges.filter((e) => !isBridge(e)).map((e) => [e.edge.id, edgeText(props.model, e.edge).label]) : []),
    [scene, props.model, props.edgeLabels],
  );

  return (
    <div
      ref={wrapRef}
      class="tb-graph__canvas"
      tabIndex={0}
      role="application"
      aria-label="Graph: drag to pan, wheel or +/- to zoom, 0 to fit, arrow keys to pan, Enter to expand the selection"
      data-testid="graph-canvas"
      onKeyDown={onKeyDown}
      onPointerDownCapture={() => wrapRef.current?.focus({ preventScroll: true })}
      onMouseLeave={() => hoverRef.current?.hide()}
    >
      <svg ref={svgRef} class="tb-graph__svg" data-testid="graph-svg" data-boxes={boxes.length} data-frames={frames.length} data-edges={scene.edges.length} onClick={onClick} onDblClick={onDblClick} onMouseMove={onMouseMove}>
        <defs>
          <marker id={`${prefix}-arrow`} class="tb-graph__arrow" viewBox="0 0 10 10" refX={9} refY={5} markerWidth={7} markerHeight={7} markerUnits="userSpaceOnUse" orient="auto">
            <path d="M0,1L10,5L0,9z" />
          </marker>
          <marker id={`${prefix}-arrow-traced`} class="tb-graph__arrow tb-graph__arrow--traced" viewBox="0 0 10 10" refX={9} refY={5} markerWidth={8} markerHeight={8} markerUnits="userSpaceOnUse" orient="auto">
            <path d="M0,1L10,5L0,9z" />
          </marker>
          {[...gradients].map(([id, paint]) => (
            <Bands id={id} paint={paint} />
          ))}
        </defs>
        <g ref={viewportRef} class="tb-graph__viewport">
          {frames.map((box) => (
            <Frame key={box.id} box={box} paint={paints.get(box.id)!} prefix={prefix} selected={selected === box.id} />
          ))}
          {scene.edges.map((edge) => (
            <Edge
              key={edge.edge.id}
              edge={edge}
              label={labels.get(edge.edge.id) ?? null}
              traced={trace?.edges.has(edge.edge.id) ?? false}
              dim={trace !== null && trace.shown !== edge.edge.container && !trace.inner.has(edge.edge.container)}
              marker={`${prefix}-arrow`}
            />
          ))}
          {frames.map((box) => (
            <FrameHeader key={box.id} box={box} />
          ))}
          {boxes.map((box) => (
            <Box key={box.id} box={box} paint={paints.get(box.id)!} prefix={prefix} role={traceRole(box.id, selected, trace)} />
          ))}
        </g>
      </svg>
      <HoverCard handleRef={hoverRef} />
    </div>
  );
}
