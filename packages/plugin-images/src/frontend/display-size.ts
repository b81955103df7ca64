/**
 * How big to draw an image in its card: fitted to the room (up or down, keeping its
 * shape), but never thinner than {@link MIN_SHORT_SIDE} on its short side, so that a
 * 1x128 bias strip reads as a band of cells instead of a hairline. When the card is too
 * narrow (or too low) to keep the shape at that thickness, the image fills the room
 * along its long side and is stretched along its short one; drawn pixelated, each cell
 * stays a crisp block.
 */

/** A width and height in CSS pixels. */
export interface Size {
  readonly width: number;
  readonly height: number;
}

/** The least a fitted image measures on its short side, in CSS pixels. */
export const MIN_SHORT_SIDE = 32;

/** The tallest a fitted image is drawn in a card that is not expanded, in CSS pixels. */
export const MAX_IMAGE_HEIGHT = 360;

/**
 * The drawn size of `image` in `room`, in whole pixels; null when either size is unknown
 * (then the stylesheet fits it).
 *
 * @example displaySize({ width: 28, height: 28 }, { width: 400, height: 360 }) // { width: 360, height: 360 }
 * @example displaySize({ width: 128, height: 1 }, { width: 400, height: 360 }) // { width: 400, height: 32 }
 */
export function displaySize(image: Size, room: Size, minShortSide = MIN_SHORT_SIDE): Size | null {
  if (!(image.width > 0 && image.height > 0 && room.width > 0 && room.height > 0)) return null;
  const scale = Math.min(room.width / image.width, room.height / image.height);
  let width = image.width * scale;
  let height = image.height * scale;
  if (image.width >= image.height) {
    const least = Math.min(minShortSide, room.height);
    if (height < least) {
      width = Math.min(room.width, width * (least / height));
      height = least;
    }
  } else {
    const least = Math.min(minShortSide, room.width);
    if (width < least) {
      height = Math.min(room.height, height * (least / width));
      width = least;
    }
  }
  return { width: Math.max(1, Math.round(width)), height: Math.max(1, Math.round(height)) };
}
