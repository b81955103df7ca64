/**
 * A reader of LevelDB-style sorted string tables, the format of a TensorFlow checkpoint's
 * `.index` file: a footer (48 bytes: the metaindex and index block handles, padding, the
 * magic number), an index block whose values are handles of data blocks, and data blocks
 * of prefix-compressed keys with restart points. Each block is followed by a one-byte
 * compression type and the masked CRC-32C of block and type. Uncompressed blocks only:
 * TensorFlow writes bundle indexes without compression.
 */
import { crc32c, maskCrc } from '@tb/core/plugin';
import { CheckpointFormatError, WireReader } from './wire.js';

/** The table magic number, little-endian at the end of the footer. */
const MAGIC_LO = 0x8b80fb57;
const MAGIC_HI = 0xdb477524;
const FOOTER_LENGTH = 48;
const TRAILER_LENGTH = 5;

/** Where a block lies in the file (the trailer not counted). */
export interface BlockHandle {
  readonly offset: number;
  readonly size: number;
}

/** One key and its value (views into the file's bytes). */
export interface TableEntry {
  readonly key: string;
  readonly value: Uint8Array;
}

function readHandle(r: WireReader): BlockHandle {
  return { offset: r.varint(), size: r.varint() };
}

/** The contents of the block at `h`, its trailer checked (type 0, CRC). */
export function readBlock(file: Uint8Array, h: BlockHandle, what: string): Uint8Array {
  if (h.offset + h.size + TRAILER_LENGTH > file.length) {
    throw new CheckpointFormatError(`${what}: block at ${h.offset} of ${h.size} bytes runs past the end of the file (${file.length} bytes)`);
  }
  const contents = file.subarray(h.offset, h.offset + h.size);
  const type = file[h.offset + h.size]!;
  if (type !== 0) throw new CheckpointFormatError(`${what}: block at ${h.offset} is compressed (type ${type}); only uncompressed blocks (type 0) are read`);
  const stored = new WireReader(file, h.offset + h.size + 1, h.offset + h.size + TRAILER_LENGTH, what).fixed32();
  const actual = maskCrc(crc32c(file.subarray(h.offset, h.offset + h.size + 1)));
  if (stored !== actual) {
    throw new CheckpointFormatError(`${what}: block at ${h.offset} is corrupt: expected masked CRC-32C ${stored.toString(16)}, computed ${actual.toString(16)}`);
  }
  return contents;
}

const latin1 = new TextDecoder('latin1');
const utf8 = new TextDecoder('utf-8');

/** The entries of one block, in order: prefix-compressed keys rebuilt. */
export function blockEntries(block: Uint8Array, what: string): TableEntry[] {
  if (block.length < 4) throw new CheckpointFormatError(`${what}: a block of ${block.length} bytes, expected at least 4 (the restart count)`);
  const tail = new WireReader(block, block.length - 4, block.length, what);
  const restarts = tail.fixed32();
  const entriesEnd = block.length - 4 - 4 * restarts;
  if (restarts < 1 || entriesEnd < 0) throw new CheckpointFormatError(`${what}: ${restarts} restart points do not fit a block of ${block.length} bytes`);
  const r = new WireReader(block, 0, entriesEnd, what);
  const out: TableEntry[] = [];
  let key = new Uint8Array(0);
  while (!r.done) {
    const shared = r.varint();
    const unshared = r.varint();
    const valueLength = r.varint();
    if (shared > key.length) throw new CheckpointFormatError(`${what}: an entry shares ${shared} key bytes with a previous key of ${key.length}`);
    const next = new Uint8Array(shared + unshared);
    next.set(key.subarray(0, shared));
    next.set(r.take(unshared), shared);
    key = next;
    out.push({ key: utf8.decode(key), value: r.take(valueLength) });
  }
  return out;
}

/**
 * Every entry of the table in `file`, in key order.
 * @example for (const { key, value } of readTable(indexBytes, 'model.ckpt-9.index')) ...
 */
export function readTable(file: Uint8Array, what = 'table'): TableEntry[] {
  if (file.length < FOOTER_LENGTH) throw new CheckpointFormatError(`${what}: ${file.length} bytes, expected at least the ${FOOTER_LENGTH}-byte footer`);
  const footer = new WireReader(file, file.length - FOOTER_LENGTH, file.length, `${what} footer`);
  const magic = new WireReader(file, file.length - 8, file.length, `${what} footer`);
  const lo = magic.fixed32();
  const hi = magic.fixed32();
  if (lo !== MAGIC_LO || hi !== MAGIC_HI) {
    throw new CheckpointFormatError(`${what}: expected the table magic db4775248b80fb57 at the end, found ${hi.toString(16)}${lo.toString(16).padStart(8, '0')} (${latin1.decode(file.subarray(file.length - 8)).replace(/[^\x20-\x7e]/g, '.')})`);
  }
  readHandle(footer);
  const index = readHandle(footer);
  const out: TableEntry[] = [];
  for (const { value } of blockEntries(readBlock(file, index, `${what} index block`), `${what} index block`)) {
    const handle = readHandle(new WireReader(value, 0, value.length, `${what} block handle`));
    out.push(...blockEntries(readBlock(file, handle, `${what} data block`), `${what} data block`));
  }
  return out;
}
