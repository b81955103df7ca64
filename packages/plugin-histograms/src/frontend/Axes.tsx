/** Axis ticks and labels for the SVG charts. */
import { formatValue, niceTicks } from './scale.js';

export interface Frame {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

/** A bottom axis: ticks of [lo, hi] at x(v). */
export function BottomAxis(props: { frame: Frame; lo: number; hi: number; x: (v: number) => number; format?: (v: number) => string; count?: number }) {
  const { frame, x } = props;
  const format = props.format ?? formatValue;
  return (
    <g class="tb-hist__axis">
      <line x1={frame.left} x2={frame.right} y1={frame.bottom} y2={frame.bottom} />
      {niceTicks(props.lo, props.hi, props.count ?? 5).map((v) => (
        <g key={v}>
          <line x1={x(v)} x2={x(v)} y1={frame.bottom} y2={frame.bottom + 4} />
          <text x={x(v)} y={frame.bottom + 15} text-anchor="middle">
            {format(v)}
          </text>
        </g>
      ))}
    </g>
  );
}

/** A side axis: ticks of [lo, hi] at y(v), on the left or the right. */
export function SideAxis(props: { frame: Frame; lo: number; hi: number; y: (v: number) => number; side: 'left' | 'right'; format?: (v: number) => string; count?: number }) {
  const { frame, y } = props;
  const format = props.format ?? formatValue;
  const at = props.side === 'left' ? frame.left : frame.right;
  const dir = props.side === 'left' ? -1 : 1;
  return (
    <g class="tb-hist__axis">
      {niceTicks(props.lo, props.hi, props.count ?? 4).map((v) => (
        <g key={v}>
          <line x1={at} x2={at + 4 * dir} y1={y(v)} y2={y(v)} />
          <text x={at + 7 * dir} y={y(v) + 3.5} text-anchor={props.side === 'left' ? 'end' : 'start'}>
            {format(v)}
          </text>
        </g>
      ))}
    </g>
  );
}

/** Integer steps without a fractional part; other steps as values. */
export function formatStep(v: number): string {
  return Number.isInteger(v) ? String(v) : '';
}
