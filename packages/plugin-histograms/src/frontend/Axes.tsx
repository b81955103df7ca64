/** Axis ticks and labels for the SVG charts, placed and labelled by @tb/ui's tick rule. */
import { axisTicks, type Scale, type TickOptions } from '@tb/ui';

export interface Frame {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

/** A tick label's width in the charts' SVG units (10px digits, see histograms.css). */
export function labelWidth(label: string): number {
  return label.length * 6;
}

/** A bottom axis along `scale`, whose range runs from the frame's left to its right. */
export function BottomAxis(props: { frame: Frame; scale: Scale; ticks?: TickOptions }) {
  const { frame } = props;
  return (
    <g class="tb-hist__axis">
      <line x1={frame.left} x2={frame.right} y1={frame.bottom} y2={frame.bottom} />
      {axisTicks(props.scale, { ...props.ticks, labelWidth }).map((t) => (
        <g key={t.value}>
          <line x1={t.px} x2={t.px} y1={frame.bottom} y2={frame.bottom + 4} />
          <text x={t.px} y={frame.bottom + 15} text-anchor="middle">
            {t.label}
          </text>
        </g>
      ))}
    </g>
  );
}

/** A side axis along `scale` (a vertical range), on the left or the right of the frame. */
export function SideAxis(props: { frame: Frame; scale: Scale; side: 'left' | 'right'; ticks?: TickOptions }) {
  const { frame } = props;
  const at = props.side === 'left' ? frame.left : frame.right;
  const dir = props.side === 'left' ? -1 : 1;
  return (
    <g class="tb-hist__axis">
      {axisTicks(props.scale, props.ticks).map((t) => (
        <g key={t.value}>
          <line x1={at} x2={at + 4 * dir} y1={t.px} y2={t.px} />
          <text x={at + 7 * dir} y={t.px + 3.5} text-anchor={props.side === 'left' ? 'end' : 'start'}>
            {t.label}
          </text>
        </g>
      ))}
    </g>
  );
}
