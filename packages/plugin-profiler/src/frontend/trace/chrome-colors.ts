/** The canvas's chrome colours from the theme's CSS variables (with light-theme fallbacks). */
import type { ChromeColors } from './draw.js';

/** Reads the theme variables in force at `el`. */
export function readChromeColors(el: Element): ChromeColors {
  const css = getComputedStyle(el);
  const v = (name: string, fallback: string): string => css.getPropertyValue(name).trim() || fallback;
  return {
    bg: v('--tb-bg', '#f5f5f5'),
    surface: v('--tb-surface', '#ffffff'),
    header: v('--tb-surface-hover', '#f0f0f0'),
    text: v('--tb-text', '#212121'),
    muted: v('--tb-text-muted', '#616161'),
    border: v('--tb-border', '#e0e0e0'),
    accent: v('--tb-accent', '#f57c00'),
    font: v('--tb-font', 'system-ui, sans-serif'),
  };
}
