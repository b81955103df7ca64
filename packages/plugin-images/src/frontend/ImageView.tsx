/**
 * One image as the dashboard shows it: pixelated scaling (a 28x28 digit stays sharp),
 * brightness and contrast as a CSS filter, fitted to the card (a thin strip drawn at
 * least MIN_SHORT_SIDE px thick, see display-size.ts) or at its actual size, and a
 * click to enlarge. An image that fails to load says so instead.
 */
import { useState } from 'preact/hooks';
import type { ImageEntry } from './api.js';
import { displaySize, MAX_IMAGE_HEIGHT } from './display-size.js';
import { cssFilter, type ImageSettings } from './settings.js';
import { useWidth } from './use-width.js';

export interface ImageViewProps {
  readonly entry: ImageEntry;
  readonly settings: ImageSettings;
  readonly alt: string;
  readonly testId: string;
  readonly onEnlarge: () => void;
  /** The tallest the fitted image may be drawn (default {@link MAX_IMAGE_HEIGHT}). */
  readonly maxHeight?: number;
}

export function ImageView(props: ImageViewProps) {
  const { entry, settings } = props;
  const [failed, setFailed] = useState<string | null>(null);
  const [roomWidth, measure] = useWidth();
  if (failed === entry.url) {
    return (
      <p class="tb-img__note tb-img__note--error" role="alert" data-testid={`${props.testId}-error`}>
        Could not load the image of step {entry.step}: it may have been dropped since. Reload to see the steps kept.
      </p>
    );
  }
  const style: Record<string, string> = { filter: cssFilter(settings) };
  const size = settings.actualSize ? null : displaySize(entry, { width: roomWidth, height: props.maxHeight ?? MAX_IMAGE_HEIGHT });
  if (settings.actualSize && entry.width > 0) style.width = `${entry.width}px`;
  if (size) {
    style.width = `${size.width}px`;
    style.height = `${size.height}px`;
  }
  const frame = ['tb-img__frame', settings.actualSize && 'tb-img__frame--actual'].filter(Boolean).join(' ');
  return (
    <button ref={measure} type="button" class={frame} onClick={props.onEnlarge} title="Click to enlarge">
      <img
        class={size ? 'tb-img__img tb-img__img--sized' : 'tb-img__img'}
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
