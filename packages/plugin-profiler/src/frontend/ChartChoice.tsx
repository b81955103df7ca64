/** The "Bars | Pie" switch of a top-N chart. */
import { Segmented } from './Segmented.js';

/** How a top-N chart draws. */
export type ChartKind = 'bars' | 'pie';

const KINDS = [
  { value: 'bars', label: 'Bars' },
  { value: 'pie', label: 'Pie' },
] as const;

/** @example <ChartChoice value={kind} onChange={setKind} /> */
export function ChartChoice({ value, onChange }: { value: ChartKind; onChange: (v: ChartKind) => void }) {
  return <Segmented label="Chart" options={KINDS} value={value} onChange={onChange} />;
}
