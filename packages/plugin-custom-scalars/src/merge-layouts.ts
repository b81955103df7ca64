/**
 * Merges the layouts of several runs into one, as TensorBoard's `layout_impl` does: the
 * first layout is taken whole; a later category whose title was seen gets the charts it
 * lacks appended, a new title is appended as a category.
 */
import type { Category, Chart, Layout } from './layout-proto.js';

type MutableCategory = { title: string; chart: Chart[]; closed: boolean };

/** Whether two charts are equal as protobuf messages (title and content). */
export function sameChart(a: Chart, b: Chart): boolean {
  return JSON.stringify(chartKey(a)) === JSON.stringify(chartKey(b));
}

function chartKey(c: Chart): unknown {
  return [c.title, c.multiline ? ['m', c.multiline.tag] : null, c.margin ? ['g', c.margin.series.map((s) => [s.value, s.lower, s.upper])] : null];
}

const copy = (c: Category): MutableCategory => ({ title: c.title, chart: [...c.chart], closed: c.closed });

/**
 * The merged layout of `layouts` (in run-name order), or null when there are none.
 * Like TensorBoard, a category first seen in a later layout is added as a copy while the
 * title keeps pointing at the original, so charts that still later layouts add to that
 * title do not reach the answer.
 */
export function mergeLayouts(layouts: readonly Layout[]): Layout | null {
  const [first, ...rest] = layouts;
  if (!first) return null;
  const merged = first.category.map(copy);
  const byTitle = new Map<string, MutableCategory>();
  for (const c of merged) byTitle.set(c.title, c);
  for (const layout of rest) {
    for (const category of layout.category) {
      const seen = byTitle.get(category.title);
      if (seen) {
        const added = category.chart.filter((c) => !seen.chart.some((s) => sameChart(s, c)));
        seen.chart.push(...added);
      } else {
        merged.push(copy(category));
        byTitle.set(category.title, copy(category));
      }
    }
  }
  return { version: first.version, category: merged };
}
