/**
 * One clip: an `<audio controls>` player, its label (safe HTML from the server's
 * markdown), and a link that downloads the encoded file.
 */
import type { Clip } from './api.js';

export interface ClipViewProps {
  readonly clip: Clip;
  /** Shown when the clip has no label of its own (e.g. "Sample 2"); '' for none. */
  readonly fallbackLabel: string;
  readonly fileName: string;
  /** The accessible name of the player. */
  readonly title: string;
  readonly testId: string;
}

export function ClipView({ clip, fallbackLabel, fileName, title, testId }: ClipViewProps) {
  return (
    <figure class="tb-audio__clip" data-testid={testId}>
      {clip.label ? (
        // The server renders the label's markdown to sanitized HTML (markdownToSafeHtml).
        <figcaption class="tb-audio__label" data-testid={`${testId}-label`} dangerouslySetInnerHTML={{ __html: clip.label }} />
      ) : fallbackLabel ? (
        <figcaption class="tb-audio__label tb-audio__label--plain" data-testid={`${testId}-label`}>
          {fallbackLabel}
        </figcaption>
      ) : null}
      <div class="tb-audio__player">
        <audio class="tb-audio__audio" controls preload="metadata" src={clip.url} aria-label={title} data-testid={`${testId}-audio`} />
        <a class="tb-audio__download" href={clip.url} download={fileName} title={`Download ${fileName}`} data-testid={`${testId}-download`}>
          <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true">
            <path fill="currentColor" d="M5 20h14v-2H5v2zm7-18-1 .01V14.2l-3.6-3.6L6 12l6 6 6-6-1.4-1.4-3.6 3.6V2z" />
          </svg>
          <span>Download</span>
        </a>
      </div>
    </figure>
  );
}
