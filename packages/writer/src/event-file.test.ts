import { closeSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { crc32c, maskCrc } from './crc32c.js';
import { EventFile } from './event-file.js';

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'tb-event-file-'));

/** The records of a TFRecord file, each checked against its two CRCs. */
function records(file: string): Uint8Array[] {
  const bytes = new Uint8Array(readFileSync(file));
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  const out: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; ) {
    const length = view.getUint32(at, true);
    expect(view.getUint32(at + 8, true)).toBe(maskCrc(crc32c(bytes.subarray(at, at + 8))));
    const data = bytes.subarray(at + 12, at + 12 + length);
    expect(view.getUint32(at + 12 + length, true)).toBe(maskCrc(crc32c(data)));
    out.push(data);
    at += length + 16;
  }
  return out;
}

const event = (i: number) => Uint8Array.of(0x10, i); // Event { step: i }

describe('EventFile', () => {
  it('holds the file version at once, and writes the queue when maxQueue records wait', async () => {
    const file = new EventFile(tmp(), { maxQueue: 3 });
    expect(records(file.path)).toHaveLength(1);
    expect(new TextDecoder().decode(records(file.path)[0]).includes('brain.Event:2')).toBe(true);
    file.add(event(1));
    file.add(event(2));
    await new Promise((r) => setTimeout(r, 20));
    expect(records(file.path)).toHaveLength(1);
    file.add(event(3));
    await file.flush();
    expect(records(file.path).slice(1).map((r) => r[1])).toEqual([1, 2, 3]);
    await file.close();
  });

  it('gives two files of one directory and second their own names', async () => {
    const dir = tmp();
    const [a, b] = [new EventFile(dir), new EventFile(dir, { filenameSuffix: '.x' })];
    expect(a.path).not.toBe(b.path);
    expect(path.basename(b.path)).toMatch(/^events\.out\.tfevents\.\d+\..+\.\d+\.\d+\.x$/);
    await Promise.all([a.close(), b.close()]);
  });

  it('at exit, repeats a write still under way at its offset, then the queue: the file stays whole', async () => {
    const file = new EventFile(tmp(), { maxQueue: 1000 });
    for (let i = 0; i < 50; i++) file.add(event(i));
    const underWay = file.flush();
    for (let i = 50; i < 60; i++) file.add(event(i));
    file.flushSync();
    await underWay;
    expect(records(file.path).slice(1).map((r) => r[1])).toEqual(Array.from({ length: 60 }, (_, i) => i));
    await file.close();
  });

  it('reports a failed background write on the next flush, and writes its records again', async () => {
    const file = new EventFile(tmp(), { maxQueue: 1 });
    const inside = file as unknown as { fd: number };
    const fd = inside.fd;
    const readOnly = openSync(file.path, 'r');
    inside.fd = readOnly; // so that the automatic write fails
    file.add(event(1));
    await new Promise((r) => setTimeout(r, 20));
    await expect(file.flush()).rejects.toThrow(/EBADF/);
    inside.fd = fd;
    closeSync(readOnly);
    file.add(event(2));
    await file.close();
    expect(records(file.path).slice(1).map((r) => r[1])).toEqual([1, 2]);
  });

  it('refuses records after close', async () => {
    const file = new EventFile(tmp());
    await file.close();
    await file.close();
    expect(() => file.add(event(1))).toThrow(/is closed/);
  });
});
