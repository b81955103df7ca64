/** The enlarged image: over the page, pixelated (a thin strip thickened), closed by Escape, the close button or a click outside. */
import { useEffect, useRef } from 'preact/hooks';
import type { ImageEntry } from './api.js';
import { displaySize } from './display-size.js';
import { cssFilter, type ImageSettings } from './settings.js';

export interface LightboxProps {
  readonly entry: ImageEntry;
  readonly title: string;
  readonly settings: ImageSettings;
  readonly onClose: () => void;
}

export function Lightbox(props: LightboxProps) {
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && props.onClose();
    window.addEventListener('keydown', onKey);
    close.current?.focus();
    return () => window.removeEventListener('keydown', onKey);
  }, [props.onClose]);
  const { entry } = props;
  return (
    <div class="tb-img__lightbox" role="dialog" aria-modal="true" aria-label={props.title} data-testid="lightbox" onClick={props.onClose}>
      <figure class="tb-img__lightbox-figure" onClick={(e) => e.stopPropagation()}>
        <figcaption class="tb-img__lightbox-caption">
          <span>
            {props.title} · step {entry.step.toLocaleString('en-US')}
            {entry.width > 0 && ` · ${entry.width}×${entry.height}`}
          </span>
          <button ref={close} type="button" class="tb-img__close" aria-label="Close" onClick={props.onClose}>
            ×
          </button>
        </figcaption>
        <img class="tb-img__lightbox-img" src={entry.url} alt={props.title} style={{ filter: cssFilter(props.settings), ...fitted(entry) }} />
      </figure>
    </div>
  );
}

/** The least an enlarged image measures on its short side, in CSS pixels. */
const LIGHTBOX_MIN_SHORT_SIDE = 64;

/**
 * The image's size scaled (up or down) to fill most of the window, keeping its shape;
 * a thin strip is drawn at least LIGHTBOX_MIN_SHORT_SIDE px thick (see display-size.ts).
 */
export function fitted(entry: Pick<ImageEntry, 'width' | 'height'>, viewport = { width: window.innerWidth, height: window.innerHeight }): Record<string, string> {
  const size = displaySize(entry, { width: viewport.width * 0.88, height: viewport.height * 0.8 }, LIGHTBOX_MIN_SHORT_SIDE);
  if (!size) return { width: 'min(80vw, 80vh)', height: 'min(80vw, 80vh)' };
  return { width: `${size.width}px`, height: `${size.height}px` };
}
