/**
 * Float vectors as the projector's routes send them: base64 of little-endian float32
 * (the `layout` and `done` events of a projection) and raw float32 bytes (`tensor`).
 */

/**
 * Decodes base64 of little-endian float32 values.
 *
 * @example decodeBase64Float32('AACAPw==') // Float32Array [1]
 */
export function decodeBase64Float32(base64: string): Float32Array {
  const binary = atob(base64);
  if (binary.length % 4 !== 0) {
    throw new Error(`Expected base64 of float32 values (a multiple of 4 bytes), found ${binary.length} bytes`);
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return floatsOfBytes(bytes.buffer);
}

/** Reads little-endian float32 values from `buffer` (whatever the machine's byte order). */
export function floatsOfBytes(buffer: ArrayBuffer): Float32Array {
  if (buffer.byteLength % 4 !== 0) {
    throw new Error(`Expected float32 bytes (a multiple of 4), found ${buffer.byteLength} bytes`);
  }
  const view = new DataView(buffer);
  const out = new Float32Array(buffer.byteLength / 4);
  for (let i = 0; i < out.length; i++) out[i] = view.getFloat32(i * 4, true);
  return out;
}

/** Encodes float32 values as base64 of their little-endian bytes (the inverse of {@link decodeBase64Float32}). */
export function encodeBase64Float32(values: Float32Array): string {
  const view = new DataView(new ArrayBuffer(values.length * 4));
  values.forEach((v, i) => view.setFloat32(i * 4, v, true));
  const bytes = new Uint8Array(view.buffer);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}
