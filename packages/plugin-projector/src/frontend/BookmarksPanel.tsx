/**
 * Bookmarks: the saved states of the embedding's bookmarks file (TensorBoard's format),
 * each loadable (projection, camera, selection, colouring), "save current view" as a
 * bookmarks file to download, and a copyable link to the current view.
 */
import type { Bookmark } from './bookmarks.js';

/** Props of {@link BookmarksPanel}. */
export interface BookmarksPanelProps {
  readonly bookmarks: readonly Bookmark[];
  readonly onLoad: (b: Bookmark) => void;
  readonly onSave: () => void;
  readonly onCopyLink: () => void;
  readonly linkCopied: boolean;
}

/** The panel. */
export function BookmarksPanel(props: BookmarksPanelProps) {
  return (
    <section class="projector-panel" data-testid="projector-bookmarks">
      <h3 class="projector-heading">Bookmarks</h3>
      {props.bookmarks.length === 0 ? (
        <p class="projector-note">No saved states for this embedding (a bookmarks file in the projector config lists them).</p>
      ) : (
        <ul class="projector-bookmark-list">
          {props.bookmarks.map((b) => (
            <li>
              <button type="button" class="tb-link-button" data-testid="projector-bookmark" onClick={() => props.onLoad(b)}>
                {b.label}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div class="projector-buttons">
        <button type="button" class="tb-button" data-testid="projector-save-bookmark" onClick={props.onSave}>
          Save current view
        </button>
        <button type="button" class="tb-button" data-testid="projector-copy-link" onClick={props.onCopyLink}>
          {props.linkCopied ? 'Link copied' : 'Copy link'}
        </button>
      </div>
    </section>
  );
}
