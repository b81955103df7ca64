/**
 * A short, stable hash of a string (53-bit, cyrb53), for structure signatures and for
 * picking a palette colour per op type: equal strings give equal hashes on every load.
 *
 * @example hashString('MatMul') === hashString('MatMul') // true
 */
export function hashString(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** {@link hashString} as base-36 text, for use inside other signatures. */
export function hashText(text: string): string {
  return hashString(text).toString(36);
}
