/**
 * TensorBoard's `Layout` message (custom_scalar/layout.proto): categories of charts,
 * each chart a multiline chart (tag regexes) or a margin chart (value/lower/upper tags).
 * Decoded from, and encoded to, protobuf bytes.
 */
import { readFields, utf8, WireWriter } from './wire.js';

/** A line chart of every tag any of its regexes matches (from the start of the tag). */
export interface MultilineChartContent {
  readonly tag: readonly string[];
}

/** One margin series: the exact tags of the value and of its lower and upper bounds. */
export interface MarginSeries {
  readonly value: string;
  readonly lower: string;
  readonly upper: string;
}

/** A chart that shades the band between a lower and an upper bound around a value. */
export interface MarginChartContent {
  readonly series: readonly MarginSeries[];
}

/** One chart; at most one of `multiline` and `margin` (a proto oneof). */
export interface Chart {
  readonly title: string;
  readonly multiline?: MultilineChartContent;
  readonly margin?: MarginChartContent;
}

/** A collapsible section of charts. */
export interface Category {
  readonly title: string;
  readonly chart: readonly Chart[];
  readonly closed: boolean;
}

/** The whole dashboard: categories from top to bottom. Version 0 is the only one. */
export interface Layout {
  readonly version: number;
  readonly category: readonly Category[];
}

function decodeMultiline(bytes: Uint8Array): MultilineChartContent {
  const tag: string[] = [];
  for (const f of readFields(bytes, 'MultilineChartContent')) if (f.number === 1 && f.bytes) tag.push(utf8(f.bytes));
  return { tag };
}

function decodeSeries(bytes: Uint8Array): MarginSeries {
  const s = { value: '', lower: '', upper: '' };
  for (const f of readFields(bytes, 'MarginChartContent.Series')) {
    if (!f.bytes) continue;
    if (f.number === 1) s.value = utf8(f.bytes);
    else if (f.number === 2) s.lower = utf8(f.bytes);
    else if (f.number === 3) s.upper = utf8(f.bytes);
  }
  return s;
}

function decodeMargin(bytes: Uint8Array): MarginChartContent {
  const series: MarginSeries[] = [];
  for (const f of readFields(bytes, 'MarginChartContent')) if (f.number === 1 && f.bytes) series.push(decodeSeries(f.bytes));
  return { series };
}

function decodeChart(bytes: Uint8Array): Chart {
  let title = '';
  let content: Pick<Chart, 'multiline' | 'margin'> = {};
  for (const f of readFields(bytes, 'Chart')) {
    if (!f.bytes) continue;
    if (f.number === 1) title = utf8(f.bytes);
    // A oneof: the last one written wins.
    else if (f.number === 2) content = { multiline: decodeMultiline(f.bytes) };
    else if (f.number === 3) content = { margin: decodeMargin(f.bytes) };
  }
  return { title, ...content };
}

function decodeCategory(bytes: Uint8Array): Category {
  let title = '';
  let closed = false;
  const chart: Chart[] = [];
  for (const f of readFields(bytes, 'Category')) {
    if (f.number === 1 && f.bytes) title = utf8(f.bytes);
    else if (f.number === 2 && f.bytes) chart.push(decodeChart(f.bytes));
    else if (f.number === 3 && !f.bytes) closed = f.varint !== 0;
  }
  return { title, chart, closed };
}

/**
 * Reads a `Layout` from its protobuf bytes. Unknown fields are skipped; bytes that are
 * not a message throw a RangeError naming the message and the byte.
 */
export function decodeLayout(bytes: Uint8Array): Layout {
  let version = 0;
  const category: Category[] = [];
  for (const f of readFields(bytes, 'Layout')) {
    if (f.number === 1 && !f.bytes) version = f.int32;
    else if (f.number === 2 && f.bytes) category.push(decodeCategory(f.bytes));
  }
  return { version, category };
}

function encodeChart(c: Chart): Uint8Array {
  const w = new WireWriter();
  if (c.title) w.string(1, c.title);
  if (c.multiline) {
    const m = new WireWriter();
    for (const tag of c.multiline.tag) m.string(1, tag);
    w.bytes(2, m.finish());
  } else if (c.margin) {
    const m = new WireWriter();
    for (const s of c.margin.series) {
      const sw = new WireWriter();
      if (s.value) sw.string(1, s.value);
      if (s.lower) sw.string(2, s.lower);
      if (s.upper) sw.string(3, s.upper);
      m.bytes(1, sw.finish());
    }
    w.bytes(3, m.finish());
  }
  return w.finish();
}

/**
 * Writes a `Layout` as protobuf bytes, default values left out as proto3 writers do:
 * what `add_custom_scalars` puts in its summary's string tensor.
 */
export function encodeLayout(layout: Layout): Uint8Array {
  const w = new WireWriter();
  if (layout.version) w.varint(1, layout.version);
  for (const c of layout.category) {
    const cw = new WireWriter();
    if (c.title) cw.string(1, c.title);
    for (const chart of c.chart) cw.bytes(2, encodeChart(chart));
    if (c.closed) cw.varint(3, 1);
    w.bytes(2, cw.finish());
  }
  return w.finish();
}
