/**
 * The custom scalars layout (TensorBoard's `custom_scalar/layout.proto`), as PyTorch's
 * `add_custom_scalars` writes it: categories of charts, each chart a multiline chart of
 * tag regexes or a margin chart of (value, lower, upper) tags.
 *
 * @example
 * writer.addCustomScalars({ categories: [{ title: 'loss', charts: [{ title: 'train vs val', multiline: ['epoch_loss'] }] }] });
 */
import { ProtoWriter } from './proto.js';

/** A margin chart's series: the value tag and the tags of its lower and upper bounds. */
export interface MarginSeries {
  readonly value: string;
  readonly lower: string;
  readonly upper: string;
}

/** One chart: lines for every tag matching `multiline`'s regexes, or margin series. */
export type CustomChart =
  | { readonly title: string; readonly multiline: readonly string[] }
  | { readonly title: string; readonly margin: readonly MarginSeries[] };

/** A named group of charts; `closed` starts it collapsed. */
export interface CustomCategory {
  readonly title: string;
  readonly charts: readonly CustomChart[];
  readonly closed?: boolean;
}

/** The whole layout. */
export interface CustomScalarsLayout {
  readonly categories: readonly CustomCategory[];
}

/** The serialized `Layout` message (`int32 version = 1; repeated Category category = 2`). */
export function encodeLayout(layout: CustomScalarsLayout): Uint8Array {
  const out = new ProtoWriter();
  for (const category of layout.categories) {
    const c = new ProtoWriter().string(1, category.title);
    for (const chart of category.charts) {
      const ch = new ProtoWriter().string(1, chart.title);
      if ('multiline' in chart) {
        const m = new ProtoWriter();
        for (const tag of chart.multiline) m.string(1, tag);
        ch.message(2, m);
      } else {
        const m = new ProtoWriter();
        for (const s of chart.margin) m.message(1, new ProtoWriter().string(1, s.value).string(2, s.lower).string(3, s.upper));
        ch.message(3, m);
      }
      c.message(2, ch);
    }
    if (category.closed) c.bool(3, true);
    out.message(2, c);
  }
  return out.finish();
}
