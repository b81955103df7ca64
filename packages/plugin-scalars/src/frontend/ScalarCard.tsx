/**
 * The card of one tag: its chart, and in the header a reset-zoom button (when zoomed),
 * a pin toggle and the download menu. The zoom belongs to the card: it survives
 * reloads and resets when the axes change units (x axis type, log y).
 */
import { Card, DownloadMenu, errorMessage, type PluginFetch } from '@tb/ui';
import { useCallback, useMemo, useState } from 'preact/hooks';
import { multirunBody } from './api.js';
import { cardDownloads, fileName } from './downloads.js';
import { ScalarChart } from './ScalarChart.js';
import type { SeriesStore } from './series-store.js';
import type { ScalarSettings } from './settings.js';
import { saveFile } from '@tb/ui';
import type { TagInfo } from './tag-index.js';
import { isZoomed, NO_ZOOM, type Zoom } from './zoom.js';

/** Props of {@link ScalarCard}. */
export interface ScalarCardProps {
  readonly tag: string;
  readonly info: TagInfo | undefined;
  /** The selected runs that have this tag. */
  readonly runs: readonly string[];
  readonly store: SeriesStore;
  readonly fetch: PluginFetch;
  readonly colorOf: (run: string) => string;
  readonly settings: ScalarSettings;
  readonly darkMode: boolean;
  readonly pinned: boolean;
  readonly onTogglePin: (tag: string) => void;
}

/** The text of the server's safe description HTML, for a title attribute. */
function plainText(html: string): string {
  const t = document.createElement('template');
  t.innerHTML = html;
  return (t.content.textContent ?? '').trim();
}

function PinIcon({ pinned }: { pinned: boolean }) {
  return (
    <svg viewBox="0 0 20 20" fill={pinned ? 'currentColor' : 'none'} stroke="currentColor" stroke-width="1.5" stroke-linejoin="round" aria-hidden="true">
      <path d="M7.5 3h5l-.8 5 3.3 3H5l3.3-3z" />
      <path d="M10 11v6" fill="none" />
    </svg>
  );
}

function ResetZoomIcon() {
  return (
    <svg viewBox="0 0 20 20" fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round" aria-hidden="true">
      <path d="M4 8V4h4 M16 8V4h-4 M4 12v4h4 M16 12v4h-4" />
    </svg>
  );
}

/** A chart card for `tag`. */
export function ScalarCard(props: ScalarCardProps) {
  const { tag, runs, fetch, settings } = props;
  const axesKey = `${settings.xAxis}|${settings.logY}`;
  const [zoomState, setZoomState] = useState<{ readonly zoom: Zoom; readonly key: string }>({ zoom: NO_ZOOM, key: axesKey });
  const zoom = zoomState.key === axesKey ? zoomState.zoom : NO_ZOOM;
  const onZoom = useCallback((z: Zoom) => setZoomState({ zoom: z, key: axesKey }), [axesKey]);
  const [downloadError, setDownloadError] = useState<string | null>(null);

  const runsKey = runs.join('\u0000');
  const downloads = useMemo(() => {
    const saveJson = () => {
      setDownloadError(null);
      fetch
        .raw('scalars_multirun', { method: 'POST', body: multirunBody(tag, runs) })
        .then(async (res) => {
          if (!res.ok) throw new Error(`the server answered ${res.status} ${res.statusText}`);
          saveFile(await res.blob(), `${fileName(tag)}.json`);
        })
        .catch((e: unknown) => setDownloadError(`JSON download failed: ${errorMessage(e)}`));
    };
    return cardDownloads((route) => fetch.url(route), tag, runs, saveJson);
  }, [fetch, tag, runsKey]);

  const description = props.info?.description ? plainText(props.info.description) : '';
  const displayName = props.info?.displayName;
  return (
    <Card
      testId={`scalar-card-${tag}`}
      title={tag}
      subtitle={displayName && displayName !== tag ? displayName : undefined}
      actions={
        <>
          {description && (
            <span class="tb-scalars__info" title={description} aria-label={`About ${tag}: ${description}`} role="note">
              i
            </span>
          )}
          {isZoomed(zoom) && (
            <button
              type="button"
              class="tb-icon-button"
              title="Reset zoom (or double-click the chart)"
              aria-label="Reset zoom"
              data-testid={`reset-zoom-${tag}`}
              onClick={() => onZoom(NO_ZOOM)}
            >
              <ResetZoomIcon />
            </button>
          )}
          <button
            type="button"
            class={props.pinned ? 'tb-icon-button tb-scalars__pin tb-scalars__pin--on' : 'tb-icon-button tb-scalars__pin'}
            aria-pressed={props.pinned}
            aria-label={props.pinned ? `Unpin ${tag}` : `Pin ${tag} to the top`}
            title={props.pinned ? 'Unpin' : 'Pin to the top'}
            data-testid={`pin-${tag}`}
            onClick={() => props.onTogglePin(tag)}
          >
            <PinIcon pinned={props.pinned} />
          </button>
          <DownloadMenu items={downloads} label={`Download ${tag}`} testId={`download-${tag}`} />
        </>
      }
    >
      <ScalarChart
        tag={tag}
        runs={runs}
        store={props.store}
        colorOf={props.colorOf}
        settings={settings}
        zoom={zoom}
        onZoom={onZoom}
        darkMode={props.darkMode}
      />
      {downloadError && (
        <div class="tb-filter__error" role="alert">
          {downloadError}
        </div>
      )}
    </Card>
  );
}
