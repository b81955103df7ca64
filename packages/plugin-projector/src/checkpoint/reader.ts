/**
 * A TF checkpoint V2 opened through the DataProvider: finds the latest prefix named by a
 * directory's `checkpoint` file, lists its variables and reads one as float32.
 */
import { posix } from 'node:path';
import type { DataProvider } from '@tb/core/plugin';
import { parseCheckpointState } from '../config.js';
import { CHECKPOINT_STATE_FILENAME } from '../metadata.js';
import { type BundleEntry, type BundleIndex, entryBytes, readBundleIndex, shardPath, toFloat32 } from './bundle.js';
import { CheckpointFormatError } from './wire.js';

export { CheckpointFormatError } from './wire.js';

/** An opened checkpoint: its prefix (relative to the log root) and its index. */
export interface Checkpoint {
  readonly prefix: string;
  readonly index: BundleIndex;
}

/**
 * The latest checkpoint prefix of `dir` (relative to the log root), from its
 * `checkpoint` state file, or of its parent as TensorBoard also looks; null when neither
 * names one. `exists` says which files are there.
 */
export async function findLatestCheckpoint(data: DataProvider, dir: string, exists: (path: string) => boolean): Promise<string | null> {
  for (const d of [dir, posix.normalize(posix.join(dir, '..'))]) {
    if (d === '..' || d.startsWith('../')) continue;
    const state = posix.join(d, CHECKPOINT_STATE_FILENAME);
    if (!exists(state)) continue;
    let named: string | null;
    try {
      named = parseCheckpointState(Buffer.from(await data.readFile(state)).toString('utf8'));
    } catch {
      continue;
    }
    if (!named || named.startsWith('/')) continue;
    const prefix = posix.normalize(posix.join(d, named));
    if (prefix.startsWith('../')) continue;
    return prefix;
  }
  return null;
}

/** Opens the bundle at `prefix` (reads and checks its `.index`). */
export async function openCheckpoint(data: DataProvider, prefix: string): Promise<Checkpoint> {
  const indexPath = `${prefix}.index`;
  return { prefix, index: readBundleIndex(await data.readFile(indexPath), indexPath) };
}

/**
 * The 2-D numeric variables of a checkpoint, as TensorBoard offers them (optimizer
 * slots left out), with their shapes.
 */
export function embeddingVariables(ckpt: Checkpoint): BundleEntry[] {
  return [...ckpt.index.entries.values()].filter((e) => e.shape.length === 2 && !e.name.includes('.OPTIMIZER_SLOT') && [1, 2, 3, 9, 19].includes(e.dtype));
}

/**
 * One variable's values as float32.
 * @throws CheckpointFormatError for a missing shard, a short shard or a bad CRC.
 */
export async function readVariable(data: DataProvider, ckpt: Checkpoint, name: string): Promise<Float32Array> {
  const entry = ckpt.index.entries.get(name);
  if (!entry) throw new CheckpointFormatError(`checkpoint ${ckpt.prefix}: expected a variable named "${name}", found none`);
  const shard = shardPath(ckpt.prefix, entry.shardId, ckpt.index.numShards);
  let bytes: Uint8Array;
  try {
    bytes = await data.readFile(shard);
  } catch (err) {
    throw new CheckpointFormatError(`checkpoint ${ckpt.prefix}: the data shard ${shard} of variable "${name}" cannot be read (${err instanceof Error ? err.message : String(err)})`);
  }
  return toFloat32(entry, entryBytes(entry, bytes, shard));
}
