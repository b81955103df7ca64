import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { encodeTestEvent } from '../testing/event-files.js';
import { decodeEvent } from './proto.js';
import { readRawEvent } from './raw-event.js';
import { TfRecordReader } from './tfrecord.js';
import { corpusDir } from '../testing/corpus.js';

const CORPUS = corpusDir();

function eventFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return eventFiles(full);
    return name.includes('tfevents') ? [full] : [];
  });
}

describe('readRawEvent', () => {
  it('reads a hand-made scalar event with a negative step', () => {
    const ev = readRawEvent(encodeTestEvent({ wallTime: 1.5, step: -5, scalars: { 'loss 🚀': 0.25 } }));
    expect(ev).toMatchObject({ wallTime: 1.5, step: -5, sessionLogStatus: 0 });
    expect(ev.values).toEqual([{ tag: 'loss 🚀', metadata: undefined, kind: 'simple', simpleValue: 0.25, payload: undefined }]);
  });

  it('reads file_version, session log and graph fields', () => {
    expect(readRawEvent(encodeTestEvent({ wallTime: 2, fileVersion: 'brain.Event:2' })).fileVersion).toBe('brain.Event:2');
    expect(readRawEvent(encodeTestEvent({ wallTime: 2, step: 50, sessionLogStatus: 1 })).sessionLogStatus).toBe(1);
    expect(Array.from(readRawEvent(encodeTestEvent({ wallTime: 2, graphDef: Uint8Array.of(1, 2) })).graphDef!)).toEqual([1, 2]);
  });

  it('refuses bytes that are not an Event', () => {
    expect(() => readRawEvent(Uint8Array.of(0x2a, 0x7f, 0x01))).toThrow(/runs past the end/);
    expect(() => readRawEvent(Uint8Array.of(0x00))).toThrow(/field number 0/);
  });

  it.each(['mnist-like', 'tf2-format', 'keras-checkpoint', 'edge/special_values', 'edge/unicode_tags'])(
    'agrees with the full protobufjs decode on every record of %s',
    async (root) => {
      let records = 0;
      for (const file of eventFiles(path.join(CORPUS, root))) {
        const reader = new TfRecordReader(file);
        await reader.read((data) => {
          records++;
          const raw = readRawEvent(data);
          const full = decodeEvent(data);
          expect(raw.wallTime).toBe(full.wallTime);
          expect(raw.step).toBe(full.step);
          expect(raw.fileVersion).toBe(full.fileVersion);
          expect(raw.sessionLogStatus).toBe(full.sessionLog?.status ?? 0);
          expect(raw.graphDef?.length).toBe(full.graphDef?.length);
          expect(raw.taggedRunMetadata?.tag).toBe(full.taggedRunMetadata?.tag);
          const values = full.summary?.value ?? [];
          expect(raw.values?.length ?? 0).toBe(values.length);
          values.forEach((v, i) => {
            const r = raw.values![i]!;
            expect(r.tag).toBe(v.tag || v.nodeName);
            expect(r.kind).toBe(v.value === undefined ? 'none' : v.value === 'simpleValue' ? 'simple' : v.value);
            if (v.value === 'simpleValue') expect(r.simpleValue).toBe(v.simpleValue);
            expect(r.metadata !== undefined).toBe(v.metadata !== null);
          });
        });
      }
      expect(records).toBeGreaterThan(10);
    },
  );
});
