/**
 * Embeddings for TensorBoard's projector, as PyTorch's add_embedding writes them:
 * `<step padded to 5>/<tag>/tensors.tsv`, `metadata.tsv` (with a header row when there
 * are several columns) and `sprite.png` under the log directory, and an `embeddings`
 * entry appended to the log directory's `projector_config.pbtxt`, with paths relative
 * to it so the folder can be moved.
 */
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { encodePng, type ImageData } from './image.js';

export type EmbeddingMatrix = readonly ArrayLike<number>[] | { readonly data: ArrayLike<number>; readonly shape: readonly [number, number] };

export interface EmbeddingOptions {
  /** One label per row, or one row of columns per point (then `metadataHeader` names them). */
  readonly metadata?: readonly (string | number)[] | readonly (readonly (string | number)[])[];
  readonly metadataHeader?: readonly string[];
  /** One image per point, all the same size: tiled into the sprite. */
  readonly labelImages?: readonly ImageData[];
  readonly tag?: string;
  readonly globalStep?: number;
}

/** Rows of the matrix as arrays. */
function rows(mat: EmbeddingMatrix): { n: number; dim: number; at: (i: number, j: number) => number } {
  if ('shape' in mat && !Array.isArray(mat)) {
    const m = mat as { data: ArrayLike<number>; shape: readonly [number, number] };
    const [n, dim] = m.shape;
    if (m.data.length !== n * dim) throw new RangeError(`embedding: shape ${n}x${dim} needs ${n * dim} values, found ${m.data.length}`);
    return { n, dim, at: (i, j) => m.data[i * dim + j]! };
  }
  const list = mat as readonly ArrayLike<number>[];
  const dim = list[0]?.length ?? 0;
  if (list.some((r) => r.length !== dim)) throw new RangeError('embedding: every row should have the same length');
  return { n: list.length, dim, at: (i, j) => list[i]![j]! };
}

/** Writes the embedding files into `logdir`; returns the folder they went to. */
export function writeEmbedding(logdir: string, mat: EmbeddingMatrix, o: EmbeddingOptions = {}): string {
  const { n, dim, at } = rows(mat);
  const tag = o.tag ?? 'default';
  const step = String(o.globalStep ?? 0).padStart(5, '0');
  const rel = `${step}/${tag.replace(/[^\w.-]+/g, '_')}`;
  const dir = path.join(logdir, rel);
  mkdirSync(dir, { recursive: true });
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const row: string[] = [];
    for (let j = 0; j < dim; j++) row.push(String(at(i, j)));
    lines.push(row.join('\t'));
  }
  writeFileSync(path.join(dir, 'tensors.tsv'), `${lines.join('\n')}\n`);
  const config = [`embeddings {`, `  tensor_name: ${quote(`${tag}:${step}`)}`, `  tensor_path: ${quote(`${rel}/tensors.tsv`)}`];
  if (o.metadata) {
    if (o.metadata.length !== n) throw new RangeError(`embedding: ${n} points but ${o.metadata.length} metadata rows`);
    writeFileSync(path.join(dir, 'metadata.tsv'), metadataTsv(o.metadata, o.metadataHeader));
    config.push(`  metadata_path: ${quote(`${rel}/metadata.tsv`)}`);
  }
  if (o.labelImages) {
    if (o.labelImages.length !== n) throw new RangeError(`embedding: ${n} points but ${o.labelImages.length} label images`);
    const sprite = spriteImage(o.labelImages);
    writeFileSync(path.join(dir, 'sprite.png'), encodePng(sprite));
    const first = o.labelImages[0]!;
    config.push(`  sprite {`, `    image_path: ${quote(`${rel}/sprite.png`)}`, `    single_image_dim: ${first.width}`, `    single_image_dim: ${first.height}`, `  }`);
  }
  config.push('}');
  appendFileSync(path.join(logdir, 'projector_config.pbtxt'), `${config.join('\n')}\n`);
  return dir;
}

function metadataTsv(metadata: NonNullable<EmbeddingOptions['metadata']>, header?: readonly string[]): string {
  const clean = (v: string | number) => String(v).replace(/[\t\n\r]/g, ' ');
  const multi = metadata.some((m) => Array.isArray(m));
  const lines: string[] = [];
  if (multi) {
    if (!header) throw new RangeError('embedding: metadata with several columns needs metadataHeader');
    lines.push(header.map(clean).join('\t'));
    for (const row of metadata as readonly (readonly (string | number)[])[]) lines.push(row.map(clean).join('\t'));
  } else {
    for (const v of metadata as readonly (string | number)[]) lines.push(clean(v));
  }
  return `${lines.join('\n')}\n`;
}

/** The images tiled in a square grid (ceil(sqrt(n)) per side), black where none. */
export function spriteImage(images: readonly ImageData[]): ImageData {
  const first = images[0]!;
  const { width, height, channels } = first;
  const side = Math.ceil(Math.sqrt(images.length));
  const W = side * width;
  const out = new Uint8Array(side * height * W * channels);
  images.forEach((img, k) => {
    if (img.width !== width || img.height !== height || img.channels !== channels) {
      throw new RangeError(`embedding: label image ${k} is ${img.width}x${img.height}x${img.channels}, expected ${width}x${height}x${channels}`);
    }
    const ox = (k % side) * width;
    const oy = Math.floor(k / side) * height;
    const float = img.data instanceof Float32Array || img.data instanceof Float64Array;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width * channels; x++) {
        const v = img.data[y * width * channels + x]!;
        out[((oy + y) * W + ox) * channels + x] = float ? Math.round(Math.min(1, Math.max(0, v)) * 255) : v;
      }
    }
  });
  return { data: out, width: W, height: side * height, channels };
}

function quote(s: string): string {
  return JSON.stringify(s);
}
