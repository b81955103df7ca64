/**
 * The `blob_key` of an image, in TensorBoard's own format so our `images` answers are
 * the bytes TensorBoard sends: URL-safe base64 (no padding) of the JSON array
 * `["", "images", run, tag, step, blob_index]` written as Python's json.dumps writes it
 * (compact, non-ASCII escaped). Blob index 2 is the first sample (0 and 1 hold the
 * width and height). A key names data, never a file: it is looked up in what the run has.
 */
import { InvalidArgumentError } from '@tb/core/plugin';

export interface ImageKey {
  readonly run: string;
  readonly tag: string;
  readonly step: number;
  readonly index: number;
}

/** JSON as Python's `json.dumps(..., separators=(",", ":"))` writes it (ensure_ascii). */
function pythonJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** @example encodeImageKey({ run: 'adam/train', tag: 'sample_digits', step: 0, index: 2 }) // 'WyIiLCJpbWFnZXMiLCJhZGFtL3RyYWluIiwic2FtcGxlX2RpZ2l0cyIsMCwyXQ' */
export function encodeImageKey(k: ImageKey): string {
  return Buffer.from(pythonJson(['', 'images', k.run, k.tag, k.step, k.index]), 'utf8').toString('base64url');
}

/** Decodes a key; an {@link InvalidArgumentError} says why one is not a key. */
export function decodeImageKey(key: string): ImageKey {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(key, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidArgumentError(`blob_key ${JSON.stringify(key.slice(0, 80))} is not an image key (expected base64url JSON)`);
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 6 ||
    parsed[1] !== 'images' ||
    typeof parsed[2] !== 'string' ||
    typeof parsed[3] !== 'string' ||
    !Number.isSafeInteger(parsed[4]) ||
    !Number.isSafeInteger(parsed[5]) ||
    (parsed[5] as number) < 0
  ) {
    throw new InvalidArgumentError(`blob_key ${JSON.stringify(key.slice(0, 80))} does not have the form ["", "images", run, tag, step, index]`);
  }
  return { run: parsed[2], tag: parsed[3], step: parsed[4] as number, index: parsed[5] as number };
}
