// Helpers shared by this package's tests (not exported from the package).
export function byteOrder(keys: readonly string[]): string[] {
  return [...keys].sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
}

/** Content of `length` bytes that never contains a zero byte, so zero-filled holes show. */
export function patternBytes(length: number): Buffer {
  const bytes = Buffer.alloc(length);
  for (let i = 0; i < length; i++) bytes[i] = 1 + ((i * 7 + (i >> 8)) % 251);
  return bytes;
}
