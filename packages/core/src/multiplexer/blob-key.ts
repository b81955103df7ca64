/**
 * Blob keys: opaque strings that name one blob of one stored datum. A key holds the run,
 * the event file's name within the run, the record's offset, the slot within the event
 * and the blob's index; it never holds a path to open, so a forged key can name only
 * files the run already has.
 */
import { InvalidArgumentError } from '../errors.js';

/** Slots of event fields that are not summary values (those use their index >= 0). */
export const GRAPH_SLOTS = { graphDef: -1, metaGraphDef: -2, taggedRunMetadata: -3 } as const;

export interface BlobKey {
  readonly run: string;
  readonly file: string;
  readonly offset: number;
  readonly slot: number;
  readonly index: number;
}

/** Encodes a key as URL-safe base64 of a JSON array. */
export function encodeBlobKey(k: BlobKey): string {
  return Buffer.from(JSON.stringify([k.run, k.file, k.offset, k.slot, k.index]), 'utf8').toString('base64url');
}

/** Decodes a key; throws {@link InvalidArgumentError} for anything that is not one of ours. */
export function decodeBlobKey(key: string): BlobKey {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(key, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidArgumentError(`blob key '${truncate(key)}' is not a valid key (expected base64url JSON)`);
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 5 ||
    typeof parsed[0] !== 'string' ||
    typeof parsed[1] !== 'string' ||
    !isInt(parsed[2]) || parsed[2] < 0 ||
    !isInt(parsed[3]) ||
    !isInt(parsed[4]) || parsed[4] < 0
  ) {
    throw new InvalidArgumentError(`blob key '${truncate(key)}' does not have the form [run, file, offset, slot, index]`);
  }
  return { run: parsed[0], file: parsed[1], offset: parsed[2], slot: parsed[3], index: parsed[4] };
}

function isInt(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v);
}

function truncate(s: string): string {
  return s.length > 60 ? `${s.slice(0, 60)}...` : s;
}
