/**
 * Which buffers a message may transfer instead of copying: those of typed arrays that
 * span a whole, non-shared ArrayBuffer (a view into a larger buffer, such as a slice of
 * Node's Buffer pool or of a whole file, is left to be copied: transferring it would
 * detach memory the sender still uses).
 */

/** The whole-buffer typed arrays' buffers found anywhere in `value` (plain objects, arrays, Maps, Sets). */
export function transferables(value: unknown): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  const seen = new Set<object>();
  const visit = (v: unknown): void => {
    if (typeof v !== 'object' || v === null || seen.has(v)) return;
    seen.add(v);
    if (ArrayBuffer.isView(v)) {
      if (ownsBuffer(v)) out.add(v.buffer as ArrayBuffer);
      return;
    }
    if (v instanceof ArrayBuffer) return; // a bare buffer may be shared by views elsewhere
    if (v instanceof Map) {
      for (const [k, x] of v) {
        visit(k);
        visit(x);
      }
      return;
    }
    if (v instanceof Set || Array.isArray(v)) {
      for (const x of v) visit(x);
      return;
    }
    for (const key in v) visit((v as Record<string, unknown>)[key]);
  };
  visit(value);
  return [...out];
}

/** Whether `view` covers all of its own, transferable ArrayBuffer. */
export function ownsBuffer(view: ArrayBufferView): boolean {
  return view.buffer instanceof ArrayBuffer && view.byteOffset === 0 && view.byteLength === view.buffer.byteLength;
}

/** `bytes` in a buffer of its own (copied when it is a view into a larger one), ready to transfer. */
export function ownedCopy(bytes: Uint8Array): Uint8Array {
  return ownsBuffer(bytes) ? bytes : new Uint8Array(bytes);
}
