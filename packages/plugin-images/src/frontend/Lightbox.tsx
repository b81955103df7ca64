/** The enlarged image: over the page, pixelated, closed by Escape, the close button or a click outside. */
import { useEffect, useRef } from 'preact/hooks';
import type { ImageEntry } from './api.js';
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

/** The image's size scaled (up or down) to fill most of the window, keeping its shape. */
export function fitted(entry: Pick<ImageEntry, 'width' | 'height'>, viewport = { width: window.innerWidth, height: window.innerHeight }): Record<string, string> {
  if (!(entry.width > 0 && entry.height > 0)) return { width: 'min(80vw, 80vh)', height: 'min(80vw, 80vh)' };
  const scale = Math.min((viewport.width * 0.88) / entry.width, (viewport.height * 0.8) / entry.height);
  return { width: `${Math.round(entry.width * scale)}px`, height: `${Math.round(entry.height * scale)}px` };
}
