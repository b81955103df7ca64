/**
 * The errors of the trace scanner (./event-scanner.ts): a {@link TraceParseError} names
 * the byte of the JSON text where the input went wrong; {@link locateError} finds, in a
 * batch that JSON.parse refused, the event at fault and the byte inside it.
 */

/** Corrupt JSON: says at which byte of the (decompressed) JSON text. */
export class TraceParseError extends Error {
  override readonly name = 'TraceParseError';
  constructor(
    message: string,
    /** Byte offset in the JSON text (after decompression). */
    readonly offset: number,
  ) {
    super(`${message} (at byte ${offset} of the JSON text)`);
  }
}

/** Bytes the scanner looks for. */
export const QUOTE = 34;
export const BACKSLASH = 92;
export const COMMA = 44;
export const COLON = 58;
export const OPEN_BRACE = 123;
export const CLOSE_BRACE = 125;
export const OPEN_BRACKET = 91;
export const CLOSE_BRACKET = 93;
/** JSON whitespace. */
export const isSpace = (b: number) => b === 32 || b === 10 || b === 13 || b === 9;
const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/** The element of `bytes` (a batch, no brackets) that JSON.parse refused, as an error at its offset. */
export function locateError(bytes: Uint8Array, start: number, err: unknown): TraceParseError {
  let depth = 0;
  let inString = false;
  let escape = false;
  let from = 0;
  for (let i = 0; i <= bytes.length; i++) {
    const b = i < bytes.length ? bytes[i]! : COMMA;
    if (inString) {
      if (escape) escape = false;
      else if (b === BACKSLASH) escape = true;
      else if (b === QUOTE) inString = false;
      continue;
    }
    if (b === QUOTE) inString = true;
    else if (b === OPEN_BRACE || b === OPEN_BRACKET) depth++;
    else if (b === CLOSE_BRACE || b === CLOSE_BRACKET) depth--;
    else if (b === COMMA && depth === 0) {
      const text = decoder.decode(bytes.subarray(from, i));
      try {
        JSON.parse(text);
      } catch (e) {
        const pos = positionOf(e);
        const skip = text.length - text.trimStart().length;
        const at = start + from + Buffer.byteLength(text.slice(0, pos ?? skip));
        return new TraceParseError(`corrupt trace event: ${messageOf(e)}`, at);
      }
      from = i + 1;
    }
  }
  return new TraceParseError(`corrupt trace events: ${messageOf(err)}`, start);
}

/** The "at position N" of a JSON.parse message (V8 gives it for most errors). */
export function positionOf(err: unknown): number | undefined {
  const m = /at position (\d+)/.exec(messageOf(err));
  return m ? Number(m[1]) : undefined;
}

/** An error's message, or the thrown value as text. */
export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
