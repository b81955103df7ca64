/**
 * The `blob_key` of an audio clip, in TensorBoard's own format so our `audio` answers are
 * the bytes TensorBoard sends: URL-safe base64 (no padding) of the JSON array
 * `["", "audio", run, tag, step, sample]` written as Python's json.dumps writes it
 * (compact, non-ASCII escaped). A key names data, never a file: it is looked up in what
 * the run has.
 */
import { InvalidArgumentError } from '@tb/core/plugin';

export interface AudioKey {
  readonly run: string;
  readonly tag: string;
  readonly step: number;
  /** Which clip of the step (0 is the first). */
  readonly sample: number;
}

/** JSON as Python's `json.dumps(..., separators=(",", ":"))` writes it (ensure_ascii). */
function pythonJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** @example encodeAudioKey({ run: 'adam/train', tag: 'audio/tone', step: 0, sample: 0 }) // 'WyIiLCJhdWRpbyIsImFkYW0vdHJhaW4iLCJhdWRpby90b25lIiwwLDBd' */
export function encodeAudioKey(k: AudioKey): string {
  return Buffer.from(pythonJson(['', 'audio', k.run, k.tag, k.step, k.sample]), 'utf8').toString('base64url');
}

/** Decodes a key; an {@link InvalidArgumentError} says why one is not a key. */
export function decodeAudioKey(key: string): AudioKey {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(key, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidArgumentError(`blob_key ${JSON.stringify(key.slice(0, 80))} is not an audio key (expected base64url JSON)`);
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 6 ||
    parsed[1] !== 'audio' ||
    typeof parsed[2] !== 'string' ||
    typeof parsed[3] !== 'string' ||
    !Number.isSafeInteger(parsed[4]) ||
    !Number.isSafeInteger(parsed[5]) ||
    (parsed[5] as number) < 0
  ) {
    throw new InvalidArgumentError(`blob_key ${JSON.stringify(key.slice(0, 80))} does not have the form ["", "audio", run, tag, step, sample]`);
  }
  return { run: parsed[2], tag: parsed[3], step: parsed[4] as number, sample: parsed[5] as number };
}
