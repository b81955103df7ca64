/**
 * A Layout as the JSON text TensorBoard's `/layout` sends: protobuf's `MessageToJson`
 * with default values included. Set fields come first in field-number order, then the
 * fields left at their default in declaration order; an unset oneof stays out; the
 * text is indented by two spaces with non-ASCII characters escaped, as Python's json.
 */
import type { Category, Chart, Layout, MarginSeries } from './layout-proto.js';

type Json = string | number | boolean | Json[] | { [key: string]: Json };

/** Fields in declaration order, each with whether it is set (non-default). */
function ordered(fields: readonly (readonly [string, Json, boolean])[]): { [key: string]: Json } {
  const out: { [key: string]: Json } = {};
  for (const [name, value, set] of fields) if (set) out[name] = value;
  for (const [name, value, set] of fields) if (!set) out[name] = value;
  return out;
}

function seriesJson(s: MarginSeries): Json {
  return ordered([
    ['value', s.value, s.value !== ''],
    ['lower', s.lower, s.lower !== ''],
    ['upper', s.upper, s.upper !== ''],
  ]);
}

function chartJson(c: Chart): Json {
  const out: { [key: string]: Json } = {};
  if (c.title !== '') out.title = c.title;
  if (c.multiline) out.multiline = { tag: [...c.multiline.tag] };
  else if (c.margin) out.margin = { series: c.margin.series.map(seriesJson) };
  if (c.title === '') out.title = '';
  return out;
}

function categoryJson(c: Category): Json {
  return ordered([
    ['title', c.title, c.title !== ''],
    ['chart', c.chart.map(chartJson), c.chart.length > 0],
    ['closed', c.closed, c.closed],
  ]);
}

/** The layout as a JSON value in TensorBoard's key order. */
export function layoutObject(layout: Layout): Json {
  return ordered([
    ['version', layout.version, layout.version !== 0],
    ['category', layout.category.map(categoryJson), layout.category.length > 0],
  ]);
}

/**
 * The layout as TensorBoard's JSON text, byte for byte:
 * `{\n  "category": [\n    {\n      "title": "losses", ...`.
 */
export function layoutJson(layout: Layout): string {
  return JSON.stringify(layoutObject(layout), null, 2).replace(/[\u0080-\uffff]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
