/**
 * Text widths for sizing boxes before they are drawn: measured with a canvas in the
 * browser, estimated from the character count where there is no canvas (tests, workers).
 */

/** The font of box labels (see graphs.css); a size in px. */
export const LABEL_FONT_PX = 11;
const FONT = `${LABEL_FONT_PX}px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif`;
/** Average width of a character relative to the font size, for the estimate. */
const AVERAGE_CHAR = 0.6;

/** Measures the width (px) of a text at a font size. */
export type MeasureText = (text: string, fontPx?: number) => number;

/** The estimate: characters times an average width. */
export const estimateText: MeasureText = (text, fontPx = LABEL_FONT_PX) => text.length * fontPx * AVERAGE_CHAR;

/** A canvas-backed measure with a cache, or the estimate where no 2D canvas exists. */
export function createTextMeasure(): MeasureText {
  let ctx: CanvasRenderingContext2D | null = null;
  try {
    ctx = typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  } catch {
    ctx = null;
  }
  if (!ctx) return estimateText;
  const context = ctx;
  const cache = new Map<string, number>();
  return (text, fontPx = LABEL_FONT_PX) => {
    const key = `${fontPx}\u0000${text}`;
    let width = cache.get(key);
    if (width === undefined) {
      context.font = FONT.replace(`${LABEL_FONT_PX}px`, `${fontPx}px`);
      width = context.measureText(text).width;
      if (cache.size > 20_000) cache.clear();
      cache.set(key, width);
    }
    return width;
  };
}
