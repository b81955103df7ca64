import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { corpusPath } from '@tb/core/testing';
import { describe, expect, it } from 'vitest';
import { BATCH_BYTES, TraceParseError } from './event-scanner.js';
import { TraceFormatError, traceFromJson } from './from-json.js';
import { parseTraceStream } from './parse-stream.js';
import { readTraceFileSync } from './read-sync.js';

const CORPUS = [
  ['profile-kineto', 'resnet50_num_workers_0', 'worker0.1623143089861.pt.trace.json.gz'],
  ['profile-kineto', 'resnet50_num_workers_4', 'worker0.1623212756351.pt.trace.json.gz'],
  ['profile', 'mlp_100', 'worker0.1795464395771.pt.trace.json'],
  ['profile', 'mlp_100', 'worker0.1795464395782.pt.trace.json'],
  ['profile', 'mlp_32', 'worker0.1795464397205.pt.trace.json'],
  ['profile', 'mlp_32', 'worker0.1795464397212.pt.trace.json'],
] as const;

/** `bytes` in chunks of the given sizes (cycled). */
async function* chunked(bytes: Uint8Array, sizes: readonly number[]): AsyncGenerator<Uint8Array> {
  let k = 0;
  for (let i = 0; i < bytes.length; ) {
    const n = sizes[k++ % sizes.length]!;
    yield bytes.slice(i, i + n);
    i += n;
  }
}

const enc = (s: string) => new TextEncoder().encode(s);
const parseText = (text: string, sizes: readonly number[] = [7]) => parseTraceStream(chunked(enc(text), sizes), { gzip: false });

/** A deterministic generator of chunk sizes. */
function randomSizes(seed: number, count: number, max: number): number[] {
  let x = seed;
  return Array.from({ length: count }, () => {
    x = (x * 1103515245 + 12345) & 0x7fffffff;
    return 1 + (x % max);
  });
}

describe('parseTraceStream on the corpus', () => {
  for (const parts of CORPUS) {
    it(`equals traceFromJson on ${parts[1]}/${parts[2]}`, async () => {
      const file = corpusPath(...parts);
      const bytes = readFileSync(file);
      const expected = readTraceFileSync(file);
      let progress = 0;
      const trace = await parseTraceStream(chunked(bytes, [65536, 1000, 313]), {
        gzip: file.endsWith('.gz'),
        onProgress: (n) => (progress = n),
      });
      expect(trace.traceEvents.length).toBeGreaterThan(200);
      expect(trace.traceEvents.length).toBe(expected.traceEvents.length);
      expect(trace).toEqual(expected);
      expect(progress).toBe(bytes.length);
    });
  }

  it('streams a large trace in several JSON.parse batches with the same result', async () => {
    const file = corpusPath(...CORPUS[0]);
    const expected = readTraceFileSync(file);
    const text = readFileSync(file);
    // The gzipped corpus file inflates to ~35 MB: many batches.
    const trace = await parseTraceStream(chunked(text, randomSizes(3, 50, 200_000)), { gzip: true });
    expect(BATCH_BYTES).toBeLessThan(35e6 / 10);
    expect(trace.traceEvents).toEqual(expected.traceEvents);
  });
});

describe('parseTraceStream chunk boundaries', () => {
  const small = JSON.stringify({
    schemaVersion: 1,
    deviceProperties: [{ id: 0, name: 'GPU "0" \\ x' }],
    traceEvents: [
      { ph: 'X', cat: 'Operator', name: 'aten::add_\u00e9\u4e2d\ud83d\ude00', pid: 1, tid: 2, ts: 10, dur: 5, args: { 'Input Dims': [[1, 2], []], s: '"]},{[' } },
      { ph: 'X', name: 'esc \\"\\\\ \\u0041 \n\t', pid: 'p', tid: 't', ts: 11.5, dur: 0 },
      { ph: 'M', name: 'process_name', pid: 1, args: { name: '{"nested": [1,2]}' } },
      { ph: 's', id: 7, name: 'flow', cat: 'async', pid: 1, tid: 2, ts: 12, bp: 'e' },
      { ph: 'X', pid: 1, tid: 2, ts: 'bad' },
      42,
      { ph: 'i', s: 't', name: 'ProfilerStep#3', pid: 1, tid: 2, ts: 13 },
    ],
    traceName: 'x\\y',
    displayTimeUnit: 'ms',
  });
  const expected = traceFromJson(JSON.parse(small));

  it('gives the same trace for 1-byte chunks', async () => {
    expect(await parseText(small, [1])).toEqual(expected);
  });

  it('gives the same trace for random chunk sizes, plain and gzipped', async () => {
    for (let seed = 1; seed <= 20; seed++) {
      const sizes = randomSizes(seed, 64, 17);
      expect(await parseText(small, sizes)).toEqual(expected);
      const gz = gzipSync(enc(small));
      expect(await parseTraceStream(chunked(gz, sizes), { gzip: true })).toEqual(expected);
    }
  });

  it('keeps the unicode and escapes intact when a chunk splits a multi-byte character', async () => {
    const trace = await parseText(small, [1, 2, 3]);
    expect(trace.traceEvents[0]!.name).toBe('aten::add_\u00e9\u4e2d\ud83d\ude00');
    expect(trace.traceEvents[1]!.name).toBe('esc \\"\\\\ \\u0041 \n\t');
    expect(trace.meta).toEqual({ traceName: 'x\\y', displayTimeUnit: 'ms' });
    expect(trace.deviceProperties).toEqual([{ id: 0, name: 'GPU "0" \\ x' }]);
  });

  it('reads an autograd list, a BOM, and an escaped "traceEvents" key', async () => {
    const list = [{ ph: 'X', name: 'a', pid: 0, tid: 0, ts: 1, dur: 2 }];
    expect(await parseText(JSON.stringify(list), [1])).toEqual({ format: 'autograd', traceEvents: list, meta: {} });
    for (const doc of [{ traceEvents: list }, list]) {
      for (const size of [1, 2, 100]) {
        const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...enc(JSON.stringify(doc))]);
        expect((await parseTraceStream(chunked(withBom, [size]), { gzip: false })).traceEvents).toEqual(list);
      }
    }
    expect((await parseText(`{"\\u0074raceEvents" : ${JSON.stringify(list)}}`, [2])).traceEvents).toEqual(list);
    // A nested "traceEvents" is data, not the events list.
    const nested = await parseText(`{"other":{"traceEvents":[{"ph":"X","ts":1}]},"traceEvents":[]}`, [3]);
    expect(nested.traceEvents).toEqual([]);
    expect(nested.meta).toEqual({ other: { traceEvents: [{ ph: 'X', ts: 1 }] } });
  });

  it('drops fields a TraceEvent does not have', async () => {
    const trace = await parseText('[{"ph":"X","name":"a","pid":1,"tid":2,"ts":3,"dur":4,"tts":99,"vendor":{"x":1}}]');
    expect(trace.traceEvents).toEqual([{ ph: 'X', name: 'a', pid: 1, tid: 2, ts: 3, dur: 4 }]);
  });
});

describe('parseTraceStream on bad input', () => {
  it('names the byte offset of a corrupt event', async () => {
    const text = '{"traceEvents": [{"ph":"X","ts":1}, {"ph":"X" "ts":2}]}';
    const err = await parseText(text).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TraceParseError);
    expect((err as TraceParseError).offset).toBe(text.indexOf('"ts":2'));
    expect((err as Error).message).toMatch(/at byte \d+/);
  });

  it('names the offset of garbage after the value and of a stray bracket', async () => {
    const extra = '[{"ph":"X","ts":1}] x';
    expect(((await parseText(extra).catch((e: unknown) => e)) as TraceParseError).offset).toBe(extra.indexOf('x'));
    const stray = '[{"ph":"X","ts":1}]]';
    expect(((await parseText(stray).catch((e: unknown) => e)) as TraceParseError).offset).toBe(stray.length - 1);
    await expect(parseText('   ')).rejects.toThrow(TraceParseError);
    await expect(parseText('{"traceEvents": [], "a": tru}')).rejects.toThrow(/outside the events/);
  });

  it('names the byte of corrupt JSON outside the events, counting multi-byte characters and a BOM', async () => {
    const text = '\ufeff{"n": "\u00e9\u20ac", "traceEvents": [{"ph":"X","ts":1}], "a": 1 "b": 2}';
    const bytes = enc(text);
    const err = (await parseTraceStream(chunked(bytes, [3]), { gzip: false }).catch((e: unknown) => e)) as TraceParseError;
    expect(err).toBeInstanceOf(TraceParseError);
    expect(err.offset).toBe(Buffer.from(text).indexOf('"b"'));
    expect(new TextDecoder().decode(bytes.subarray(err.offset, err.offset + 3))).toBe('"b"');
  });

  it('says what it found when the JSON is not a trace', async () => {
    await expect(parseText('{"a": 1}')).rejects.toThrow(TraceFormatError);
    await expect(parseText('"text"')).rejects.toThrow(/not a trace/);
  });

  it('keeps the events before the cut of a truncated file, with a warning', async () => {
    const events = Array.from({ length: 50 }, (_, i) => ({ ph: 'X', name: `op${i}`, pid: 1, tid: 1, ts: i, dur: 1 }));
    const full = JSON.stringify({ schemaVersion: 1, traceEvents: events, displayTimeUnit: 'ms' });
    const cut = full.indexOf('"op30"') + 3; // inside event 30
    const warnings: string[] = [];
    const trace = await parseTraceStream(chunked(enc(full.slice(0, cut)), [5]), { gzip: false, onWarning: (w) => warnings.push(w) });
    expect(trace.traceEvents).toEqual(events.slice(0, 30));
    expect(trace.schemaVersion).toBe(1);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/ends early.*kept the 30 events/);
    // Cut right after a whole event, and a gzip stream cut in the middle.
    const atEvent = full.slice(0, full.indexOf(',{"ph":"X","name":"op12"'));
    expect((await parseText(atEvent)).traceEvents).toHaveLength(12);
    const gz = gzipSync(enc(full));
    const partial = await parseTraceStream(chunked(gz.subarray(0, Math.floor(gz.length * 0.7)), [64]), { gzip: true });
    expect(partial.traceEvents.length).toBeGreaterThan(0);
    expect(partial.traceEvents.length).toBeLessThan(50);
    expect(partial.traceEvents).toEqual(events.slice(0, partial.traceEvents.length));
    // Cut after the events list: the members after it are dropped, the events kept.
    const tail = full.slice(0, full.indexOf('"displayTimeUnit"') + 5);
    const t2 = await parseText(tail);
    expect(t2.traceEvents).toHaveLength(50);
    expect(t2.meta).toEqual({});
    // Cut inside a member after the events, with multi-byte text before the cut.
    const wide = JSON.stringify({ device: '\u20ac\u20ac\u00e9', traceEvents: events.slice(0, 3), note: '\u20ac\u20ac\u20ac\u20ac' });
    const t3 = await parseText(wide.slice(0, wide.length - 4), [1]);
    expect(t3.traceEvents).toEqual(events.slice(0, 3));
    expect(t3.meta).toEqual({ device: '\u20ac\u20ac\u00e9' });
    // A truncated autograd list.
    const list = JSON.stringify(events);
    expect((await parseText(list.slice(0, list.indexOf('"op7"')))).traceEvents).toEqual(events.slice(0, 7));
  });

  it('rejects a trailing comma that a batch boundary would hide, and corrupt gzip', async () => {
    const big = Array.from({ length: Math.ceil(BATCH_BYTES / 50) + 10 }, (_, i) => ({ ph: 'X', name: 'x'.repeat(20), pid: 1, tid: 1, ts: i }));
    const text = JSON.stringify(big);
    expect((await parseText(text, [65536])).traceEvents).toHaveLength(big.length);
    await expect(parseText(text.slice(0, -1) + ',]', [65536])).rejects.toThrow(TraceParseError);
    const gz = gzipSync(enc(text));
    for (const at of [gz.length >> 1, (gz.length >> 1) + 1]) gz[at] = gz[at]! ^ 0xff;
    await expect(parseTraceStream(chunked(gz, [4096]), { gzip: true })).rejects.toThrow(/gzip|JSON|event/);
  });

  it('stops when the signal is aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stop now'));
    await expect(parseTraceStream(chunked(enc('[]'), [1]), { gzip: false, signal: controller.signal })).rejects.toThrow('stop now');
  });
});
