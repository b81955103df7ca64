/**
 * Pixels to PNG with fast-png. Images are row-major height x width x channels (1 gray,
 * 3 RGB, 4 RGBA); 8-bit integers as they are, floats taken as 0..1 and scaled to 0..255.
 */
import { encode } from 'fast-png';

export interface ImageData {
  readonly data: Uint8Array | Uint8ClampedArray | Float32Array | Float64Array;
  readonly width: number;
  readonly height: number;
  readonly channels: 1 | 3 | 4;
}

/**
 * The PNG bytes of `image`.
 * @example encodePng({ data: new Uint8Array(28 * 28), width: 28, height: 28, channels: 1 })
 */
export function encodePng(image: ImageData): Uint8Array {
  const { width, height, channels } = image;
  if (![1, 3, 4].includes(channels)) throw new RangeError(`image channels should be 1, 3 or 4, found ${channels}`);
  if (!(width > 0 && height > 0) || image.data.length !== width * height * channels) {
    throw new RangeError(`image of ${width}x${height}x${channels} needs ${width * height * channels} values, found ${image.data.length}`);
  }
  const data = image.data instanceof Float32Array || image.data instanceof Float64Array ? toBytes(image.data) : Uint8Array.from(image.data);
  return encode({ width, height, data, channels, depth: 8 });
}

function toBytes(values: Float32Array | Float64Array): Uint8Array {
  const out = new Uint8Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = Math.round(Math.min(1, Math.max(0, values[i]!)) * 255);
  return out;
}
