/**
 * The pieces of the drawing: frames of expanded containers, boxes (ops, scopes, series),
 * edges and the +/- buttons. Boxes and edges render again only when their own props change,
 * so selecting a node in a graph of thousands of boxes redraws only the few it touches.
 */
import { Component, type JSX } from 'preact';
import { BOX } from './box-size.js';
import type { BoxPaint } from './colors.js';
import { edgePath } from './edge-path.js';
import type { SceneBox, SceneEdge } from './scene.js';
import type { Trace } from './trace.js';

/** The id of the gradient that draws a paint's device bands; null for a flat paint. */
export function bandGradientId(prefix: string, paint: BoxPaint): string | null {
  if (!paint.bands) return null;
  return `${prefix}-bands-${paint.bands.map((b) => `${b.color.slice(1)}${Math.round(b.share * 1000)}`).join('-')}`;
}

/** The gradient of a paint's device bands (hard stops, one band per device). */
export function Bands(props: { id: string; paint: BoxPaint }) {
  let at = 0;
  const stops: JSX.Element[] = [];
  for (const band of props.paint.bands ?? []) {
    stops.push(<stop offset={at} stop-color={band.color} />);
    at += band.share;
    stops.push(<stop offset={at} stop-color={band.color} />);
  }
  return <linearGradient id={props.id}>{stops}</linearGradient>;
}

function fillOf(prefix: string, paint: BoxPaint): string {
  const id = bandGradientId(prefix, paint);
  return id ? `url(#${id})` : paint.fill;
}

function Toggle(props: { x: number; y: number; open: boolean; id: string }) {
  return (
    <g class="tb-graph__toggle" data-toggle={props.id} transform={`translate(${props.x},${props.y})`}>
      <title>{props.open ? 'Collapse' : 'Expand'}</title>
      <circle r={7} />
      <path d={props.open ? 'M-3.5,0H3.5' : 'M-3.5,0H3.5M0,-3.5V3.5'} />
    </g>
  );
}

/** How a box takes part in the trace of the selection. */
export type TraceRole = 'selected' | 'input' | 'output' | 'dim' | 'none';

/** The role of box `id` given the selection and its trace. */
export function traceRole(id: string, selected: string | null, trace: Trace | null): TraceRole {
  if (selected === id) return 'selected';
  if (!trace) return 'none';
  if (trace.inputs.has(id)) return 'input';
  if (trace.outputs.has(id)) return 'output';
  return trace.shown === id || trace.inner.has(id) ? 'none' : 'dim';
}

/**
 * A component that renders again only when a prop changes (compared with ===): a
 * selection then redraws the few boxes whose role changed, not thousands.
 */
abstract class Pure<P> extends Component<P> {
  override shouldComponentUpdate(next: P): boolean {
    const now = this.props as Record<string, unknown>;
    const then = next as Record<string, unknown>;
    for (const key in then) if (now[key] !== then[key]) return true;
    return false;
  }
}

interface FrameProps {
  readonly box: SceneBox;
  readonly paint: BoxPaint;
  readonly prefix: string;
  readonly selected: boolean;
}

/** An expanded container's frame, drawn under the edges. */
export class Frame extends Pure<FrameProps> {
  override render() {
    const { box, paint, selected, prefix } = this.props;
    const kind = box.vis.node.kind;
    return (
      <g
        class={`tb-graph__frame tb-graph__frame--${kind}${selected ? ' tb-graph__frame--selected' : ''}`}
        transform={`translate(${box.x},${box.y})`}
        data-box={box.id}
        data-kind={kind}
        data-expanded="true"
      >
        <rect class="tb-graph__frame-body" width={box.width} height={box.height} rx={8} fill={fillOf(prefix, paint)} stroke={paint.stroke} />
      </g>
    );
  }
}

/** A frame's name and its collapse button, drawn over the edges so they stay readable and clickable. */
export function FrameHeader(props: { box: SceneBox }) {
  const { box } = props;
  return (
    <g class="tb-graph__frame-header" transform={`translate(${box.x},${box.y})`} data-box-header={box.id}>
      <text class="tb-graph__frame-label" x={BOX.textPad} y={19}>
        {box.text.label}
        {box.text.sublabel && <tspan class="tb-graph__frame-sub">{`  ${box.text.sublabel}`}</tspan>}
      </text>
      <Toggle x={box.width - 14} y={15} open={true} id={box.id} />
    </g>
  );
}

interface BoxProps {
  readonly box: SceneBox;
  readonly paint: BoxPaint;
  readonly prefix: string;
  readonly role: TraceRole;
}

/** A collapsed box: an op pill, a scope, or a stacked series. */
export class Box extends Pure<BoxProps> {
  override render() {
    const { box, paint, prefix, role } = this.props;
    const node = box.vis.node;
    const fill = fillOf(prefix, paint);
    const common = { fill, 'fill-opacity': paint.fillOpacity, stroke: paint.stroke };
    const classes = `tb-graph__node tb-graph__node--${node.kind}${role === 'none' ? '' : ` tb-graph__node--${role}`}`;
    if (node.kind === 'op') {
      return (
        <g class={classes} transform={`translate(${box.x},${box.y})`} data-box={box.id} data-kind="op">
          <rect class="tb-graph__shape" width={box.width} height={box.height} rx={box.height / 2} {...common} />
          <text class="tb-graph__label" x={box.width / 2} y={box.height / 2}>
            {box.text.label}
          </text>
        </g>
      );
    }
    const series = node.kind === 'series';
    return (
      <g class={classes} transform={`translate(${box.x},${box.y})`} data-box={box.id} data-kind={node.kind} data-expanded="false">
        {series && <rect class="tb-graph__stack" x={6} y={-6} width={box.width} height={box.height} rx={6} {...common} />}
        {series && <rect class="tb-graph__stack" x={3} y={-3} width={box.width} height={box.height} rx={6} {...common} />}
        <rect class="tb-graph__shape" width={box.width} height={box.height} rx={6} {...common} />
        <text class="tb-graph__label" x={(box.width - BOX.buttonRoom / 2) / 2} y={16}>
          {box.text.label}
        </text>
        <text class="tb-graph__sublabel" x={(box.width - BOX.buttonRoom / 2) / 2} y={31}>
          {box.text.sublabel}
        </text>
        <Toggle x={box.width - 12} y={12} open={false} id={box.id} />
      </g>
    );
  }
}

interface EdgeProps {
  readonly edge: SceneEdge;
  readonly label: string | null;
  readonly traced: boolean;
  readonly dim: boolean;
  readonly marker: string;
}

/** An edge: its line, a wider unpainted path to hover, and its label. */
export class Edge extends Pure<EdgeProps> {
  override render() {
    const { edge, traced, dim, label, marker } = this.props;
    const d = edgePath(edge.points);
    const count = edge.edge.opEdges.length;
    const width = 1.1 + Math.min(2.6, Math.log2(count) * 0.6);
    const classes = ['tb-graph__edge'];
    if (edge.edge.control) classes.push('tb-graph__edge--control');
    if (traced) classes.push('tb-graph__edge--traced');
    else if (dim) classes.push('tb-graph__edge--dim');
    return (
      <g class={classes.join(' ')} data-edge={edge.edge.id} data-from={edge.edge.from} data-to={edge.edge.to} data-count={count}>
        <path class="tb-graph__edge-hit" d={d} />
        <path class="tb-graph__edge-line" d={d} stroke-width={width} marker-end={`url(#${marker}${traced ? '-traced' : ''})`} />
        {label && (
          <text class="tb-graph__edge-label" x={edge.mid.x} y={edge.mid.y}>
            {label}
          </text>
        )}
      </g>
    );
  }
}
