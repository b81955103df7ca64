/**
 * The projector's config (TensorBoard's `ProjectorConfig` message, projector_config.proto)
 * read from text format, and written back as TensorBoard's `MessageToJson` does: fields
 * in field-number order, lowerCamelCase names, unset fields left out.
 */
import type { EmbeddingInfo, InfoResponse } from './api-types.js';
import { parseTextProto, TextFormatError, type TextField, type TextMessage } from './pbtxt.js';

/** SpriteMetadata. */
export interface SpriteConfig {
  imagePath: string;
  singleImageDim: number[];
}

/** EmbeddingInfo, mutable while the config is completed with tensor shapes. */
export interface EmbeddingConfig {
  tensorName: string;
  metadataPath: string;
  bookmarksPath: string;
  tensorShape: number[];
  sprite: SpriteConfig | null;
  tensorPath: string;
}

/** ProjectorConfig. */
export interface ProjectorConfig {
  modelCheckpointPath: string;
  embeddings: EmbeddingConfig[];
  modelCheckpointDir: string;
}

/** An empty embedding, as a new proto message. */
export function emptyEmbedding(tensorName = ''): EmbeddingConfig {
  return { tensorName, metadataPath: '', bookmarksPath: '', tensorShape: [], sprite: null, tensorPath: '' };
}

function str(f: TextField, where: string): string {
  if (f.value.kind !== 'string') throw new TextFormatError(`line ${f.line}: ${where}.${f.name} expects a string, found ${f.value.kind === 'message' ? 'a message' : f.value.kind === 'number' ? f.value.text : f.value.value}`);
  return f.value.value;
}

function uint(f: TextField, where: string): number {
  if (f.value.kind !== 'number' || !Number.isInteger(f.value.value) || f.value.value < 0 || f.value.value > 0xffffffff) {
    throw new TextFormatError(`line ${f.line}: ${where}.${f.name} expects an unsigned 32-bit integer, found ${f.value.kind === 'number' ? f.value.text : f.value.kind}`);
  }
  return f.value.value;
}

function msg(f: TextField, where: string): TextMessage {
  if (f.value.kind !== 'message') throw new TextFormatError(`line ${f.line}: ${where}.${f.name} expects a message { ... }, found a ${f.value.kind}`);
  return f.value.value;
}

function unknown(f: TextField, where: string, known: string): never {
  throw new TextFormatError(`line ${f.line}: ${where} has no field "${f.name}" (expected one of ${known})`);
}

function sprite(m: TextMessage): SpriteConfig {
  const out: SpriteConfig = { imagePath: '', singleImageDim: [] };
  for (const f of m.fields) {
    if (f.name === 'image_path') out.imagePath = str(f, 'SpriteMetadata');
    else if (f.name === 'single_image_dim') out.singleImageDim.push(uint(f, 'SpriteMetadata'));
    else unknown(f, 'SpriteMetadata', 'image_path, single_image_dim');
  }
  return out;
}

function embedding(m: TextMessage): EmbeddingConfig {
  const out = emptyEmbedding();
  for (const f of m.fields) {
    const w = 'EmbeddingInfo';
    if (f.name === 'tensor_name') out.tensorName = str(f, w);
    else if (f.name === 'metadata_path') out.metadataPath = str(f, w);
    else if (f.name === 'bookmarks_path') out.bookmarksPath = str(f, w);
    else if (f.name === 'tensor_shape') out.tensorShape.push(uint(f, w));
    else if (f.name === 'sprite') out.sprite = sprite(msg(f, w));
    else if (f.name === 'tensor_path') out.tensorPath = str(f, w);
    else unknown(f, w, 'tensor_name, metadata_path, bookmarks_path, tensor_shape, sprite, tensor_path');
  }
  return out;
}

/**
 * Reads a `projector_config.pbtxt`. Empty text gives an empty config.
 * @throws TextFormatError for bad syntax, an unknown field or a value of the wrong type.
 */
export function parseProjectorConfig(text: string): ProjectorConfig {
  const out: ProjectorConfig = { modelCheckpointPath: '', embeddings: [], modelCheckpointDir: '' };
  for (const f of parseTextProto(text).fields) {
    const w = 'ProjectorConfig';
    if (f.name === 'model_checkpoint_path') out.modelCheckpointPath = str(f, w);
    else if (f.name === 'embeddings') out.embeddings.push(embedding(msg(f, w)));
    else if (f.name === 'model_checkpoint_dir') out.modelCheckpointDir = str(f, w);
    else unknown(f, w, 'model_checkpoint_path, embeddings, model_checkpoint_dir');
  }
  return out;
}

/** The config as TensorBoard's JSON (`json_format.MessageToJson`), for `info`. */
export function configToJson(c: ProjectorConfig): InfoResponse {
  const embeddings = c.embeddings.map((e): EmbeddingInfo => {
    const o: { -readonly [K in keyof EmbeddingInfo]: EmbeddingInfo[K] } = { tensorName: e.tensorName };
    if (e.metadataPath) o.metadataPath = e.metadataPath;
    if (e.bookmarksPath) o.bookmarksPath = e.bookmarksPath;
    if (e.tensorShape.length) o.tensorShape = [...e.tensorShape];
    if (e.sprite) o.sprite = { ...(e.sprite.imagePath ? { imagePath: e.sprite.imagePath } : {}), ...(e.sprite.singleImageDim.length ? { singleImageDim: [...e.sprite.singleImageDim] } : {}) };
    if (e.tensorPath) o.tensorPath = e.tensorPath;
    return o;
  });
  return {
    ...(c.modelCheckpointPath ? { modelCheckpointPath: c.modelCheckpointPath } : {}),
    ...(embeddings.length ? { embeddings } : {}),
    ...(c.modelCheckpointDir ? { modelCheckpointDir: c.modelCheckpointDir } : {}),
  };
}

/** The text of a `checkpoint` state file's `model_checkpoint_path`, or null when it names none. */
export function parseCheckpointState(text: string): string | null {
  for (const f of parseTextProto(text).fields) {
    if (f.name === 'model_checkpoint_path' && f.value.kind === 'string' && f.value.value) return f.value.value;
  }
  return null;
}
