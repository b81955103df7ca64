/**
 * One image as the dashboard shows it: pixelated scaling (a 28x28 digit stays sharp),
 * brightness and contrast as a CSS filter, fitted to the card or at its actual size,
 * and a click to enlarge. An image the server no longer has says so instead.
 */
import { useState } from 'preact/hooks';
import type { ImageEntry } from './api.js';
import { cssFilter, type ImageSettings } from './settings.js';

export interface ImageViewProps {
  readonly entry: ImageEntry;
  readonly settings: ImageSettings;
  readonly alt: string;
  readonly testId: string;
  readonly onEnlarge: () => void;
}

export function ImageView(props: ImageViewProps) {
  const { entry, settings } = props;
  const [failed, setFailed] = useState<string | null>(null);
  if (failed === entry.url) {
    return (
      <p class="tb-img__note tb-img__note--error" role="alert" data-testid={`${props.testId}-error`}>
        Could not load the image of step {entry.step}: it may have been dropped since. Reload to see the steps kept.
      </p>
    );
  }
  const style: Record<string, string> = { filter: cssFilter(settings) };
  if (settings.actualSize && entry.width > 0) style.width = `${entry.width}px`;
  return (
    <button type="button" class={settings.actualSize ? 'tb-img__frame tb-img__frame--actual' : 'tb-img__frame'} onClick={props.onEnlarge} title="Click to enlarge">
      <img
        class="tb-img__img"
        src={entry.url}
        alt={props.alt}
        style={style}
        data-testid={props.testId}
        data-step={entry.step}
        width={entry.width || undefined}
        height={entry.height || undefined}
        draggable={false}
        onError={() => setFailed(entry.url)}
      />
    </button>
  );
}
