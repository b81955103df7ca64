/**
 * TensorBoard's rule for data orphaned by a restarted job (`_MaybePurgeOrphanedData` in
 * its event accumulator), fed every event of a run in read order:
 *
 * - While the run's file version (the last `file_version` event seen, `brain.Event:N`
 *   read as the number N) is 2 or more, only a `SessionLog.START` purges, and not the
 *   run's first one (that is the session starting): every tag loses its points at or
 *   after the START's step.
 * - Otherwise (no version yet, `brain.Event:1`, or a version that is not a number), an
 *   event with a summary whose step is below the step of the previous event with a
 *   summary purges, from its step on, the tags that event itself carries.
 *
 * Nothing else is dropped: a new file starting again at step 0 in a version-2 run keeps
 * every point, as TensorBoard does.
 */
import type { RawEvent } from '../events/raw-event.js';

/** What to drop before an event's own data is added. */
export type OrphanPurge =
  | { readonly kind: 'none' }
  /** Every summary tag's points at or after `step` (a SessionLog.START restart). */
  | { readonly kind: 'all'; readonly step: number }
  /** The points at or after `step` of these tags (an out-of-order step). */
  | { readonly kind: 'tags'; readonly step: number; readonly tags: readonly string[] };

const SESSION_LOG_START = 1;
const NONE: OrphanPurge = { kind: 'none' };
const VERSION_MARKER = 'brain.Event:';
/** What Python's float() reads: decimal numbers (digits may be grouped by '_'), inf and nan. */
const DIGITS = '\\d(?:_?\\d)*';
const DECIMAL = new RegExp(`^[+-]?(?:${DIGITS}(?:\\.(?:${DIGITS})?)?|\\.${DIGITS})(?:[eE][+-]?${DIGITS})?$`);
const SPECIAL = /^([+-]?)(inf|infinity|nan)$/i;

/**
 * TensorBoard's reading of a `file_version` string: the text after the last
 * `brain.Event:` as a number, or -1 when that is not a number.
 *
 * @example parseFileVersion('brain.Event:2') === 2
 */
export function parseFileVersion(fileVersion: string): number {
  const at = fileVersion.lastIndexOf(VERSION_MARKER);
  const text = (at < 0 ? fileVersion : fileVersion.slice(at + VERSION_MARKER.length)).trim();
  if (DECIMAL.test(text)) return Number(text.replace(/_/g, ''));
  const special = SPECIAL.exec(text);
  if (!special) return -1;
  if (special[2]!.toLowerCase() === 'nan') return NaN;
  return special[1] === '-' ? -Infinity : Infinity;
}

/** One run's restart state, in the order its events are read. */
export class OrphanDetector {
  /** The run's file version; null until a `file_version` event is seen. */
  private fileVersion: number | null = null;
  private seenSessionStart = false;
  /** Step of the last event with a summary; -1 before any. */
  private mostRecentStep = -1;

  /** Takes the next event of the run and says what its arrival purges. */
  next(ev: RawEvent): OrphanPurge {
    if (ev.fileVersion !== undefined) this.fileVersion = parseFileVersion(ev.fileVersion);
    let purge = NONE;
    // Python's truthiness: a version of 0 counts as none; NaN fails `>= 2`.
    if (this.fileVersion && this.fileVersion >= 2) {
      if (ev.sessionLogStatus === SESSION_LOG_START) {
        if (this.seenSessionStart) purge = { kind: 'all', step: ev.step };
        this.seenSessionStart = true;
      }
    } else if (ev.values !== undefined && ev.step < this.mostRecentStep) {
      purge = { kind: 'tags', step: ev.step, tags: ev.values.map((v) => v.tag) };
    }
    if (ev.values !== undefined) this.mostRecentStep = ev.step;
    return purge;
  }
}
