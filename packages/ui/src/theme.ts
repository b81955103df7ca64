/**
 * The theme switch. Colours, fonts and the look of the shared components live as CSS
 * custom properties in `@tb/ui/theme.css`; this picks the light or the dark set.
 */

/** The attribute on `<html>` that `theme.css` keys its dark palette on. */
export const THEME_ATTRIBUTE = 'data-theme';

/**
 * Switches the page to the dark (`data-theme="dark"`) or light palette.
 *
 * @example applyTheme(window.matchMedia('(prefers-color-scheme: dark)').matches)
 */
export function applyTheme(dark: boolean, root: HTMLElement = document.documentElement): void {
  root.setAttribute(THEME_ATTRIBUTE, dark ? 'dark' : 'light');
  root.style.colorScheme = dark ? 'dark' : 'light';
}

/** Whether the browser asks for a dark page; false where it cannot say. */
export function prefersDark(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;
}
