import { appendFile, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryLogger } from '../logger.js';
import { encodeTestRecords, writeTestEvents, type TestEvent } from '../testing/event-files.js';
import { LogRootMultiplexer } from './multiplexer.js';

const ALL = { downsample: 1e9 };
const T0 = 1_700_000_000;

function scalarEvents(tag: string, steps: number[], value = (s: number) => s / 2, t = T0): TestEvent[] {
  return steps.map((step) => ({ wallTime: t + step, step, scalars: { [tag]: value(step) } }));
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}

describe('LogRootMultiplexer', () => {
  let dir: string;
  let mux: LogRootMultiplexer | undefined;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'tb-mux-'));
  });
  afterEach(async () => {
    await mux?.close();
    mux = undefined;
    await rm(dir, { recursive: true, force: true });
  });

  async function run(name: string, file: string, events: TestEvent[]): Promise<string> {
    await mkdir(path.join(dir, name), { recursive: true });
    const full = path.join(dir, name, file);
    await writeTestEvents(full, [{ wallTime: T0 - 1, fileVersion: 'brain.Event:2' }, ...events]);
    return full;
  }

  function steps(runName: string, tag: string): number[] {
    return Array.from(mux!.provider.readScalars('scalars', runName, tag, ALL)?.step ?? []);
  }

  it('reads a run in full, every scalar point kept', async () => {
    await run('a', 'events.out.tfevents.1.h', scalarEvents('loss', range(0, 5000)));
    mux = new LogRootMultiplexer({ logdir: dir, reloadInterval: 0 });
    const loading = mux.reload();
    expect(mux.status().state).toBe('loading');
    await loading;
    const s = mux.provider.readScalars('scalars', 'a', 'loss', ALL)!;
    expect(s.step).toHaveLength(5000);
    expect(s.value[4999]).toBe(Math.fround(4999 / 2));
    expect(mux.provider.listRuns()).toEqual([{ name: 'a', startTime: T0 - 1 }]);
    const st = mux.status();
    expect(st).toMatchObject({ state: 'idle', runsLoaded: 1, runsTotal: 1, eventsRead: 5001, problemCount: 0 });
    expect(st.bytesRead).toBe(st.bytesTotal);
  });

  it('names in the status each run with bytes still to read, most left first', async () => {
    await run('done', 'events.out.tfevents.1.h', scalarEvents('loss', range(0, 10)));
    // A record still being written: its bytes stay unread until the rest arrives.
    const whole = encodeTestRecords(scalarEvents('loss', range(0, 3)));
    await run('small', 'events.out.tfevents.1.h', []);
    await writeFile(path.join(dir, 'small', 'events.out.tfevents.1.h'), whole.subarray(0, whole.length - 5));
    await run('big', 'events.out.tfevents.1.h', []);
    const bigger = encodeTestRecords(scalarEvents('loss', range(0, 30)));
    await writeFile(path.join(dir, 'big', 'events.out.tfevents.1.h'), bigger.subarray(0, bigger.length - 20));
    mux = new LogRootMultiplexer({ logdir: dir, reloadInterval: 0 });
    await mux.reload();
    const runs = mux.status().loadingRuns;
    expect(runs.map((r) => r.run).sort()).toEqual(['big', 'small']);
    const left = runs.map((r) => r.bytesTotal - r.bytesRead);
    expect(left[0]).toBeGreaterThan(left[1]!);
    expect(left[1]).toBeGreaterThan(0);
  });

  it('a restarted job in a new brain.Event:2 file without SessionLog keeps both files\' points, as TensorBoard does', async () => {
    await run('r', 'events.out.tfevents.1.h', scalarEvents('loss', range(0, 100), (s) => s));
    await writeTestEvents(path.join(dir, 'r', 'events.out.tfevents.2.h'), [
      { wallTime: T0 + 500, fileVersion: 'brain.Event:2' },
      ...scalarEvents('loss', range(50, 150), (s) => -s, T0 + 500),
    ]);
    mux = new LogRootMultiplexer({ logdir: dir, reloadInterval: 0 });
    await mux.reload();
    const s = mux.provider.readScalars('scalars', 'r', 'loss', ALL)!;
    expect(Array.from(s.step)).toEqual([...range(0, 100), ...range(50, 150)]);
    expect(s.value[99]).toBe(99);
    expect(s.value[100]).toBe(-50);
  });

  it('SessionLog START after the first purges every tag from its step on; out-of-order steps in one file stay', async () => {
    await run('s', 'events.out.tfevents.1.h', [
      { wallTime: T0, step: 0, sessionLogStatus: 1 },
      ...scalarEvents('loss', [0, 1, 2, 3, 10, 5]),
      ...scalarEvents('acc', [0, 1, 2, 3]),
      { wallTime: T0 + 50, step: 2, sessionLogStatus: 1 },
      ...scalarEvents('loss', [2, 3]),
    ]);
    mux = new LogRootMultiplexer({ logdir: dir, reloadInterval: 0 });
    await mux.reload();
    expect(steps('s', 'loss')).toEqual([0, 1, 2, 3]);
    expect(steps('s', 'acc')).toEqual([0, 1]);
  });

  it('samples_per_plugin bounds a plugin, keeping the last point, and the defaults apply', async () => {
    const histogram = { min: -1, max: 1, limits: [-0.5, 0, 0.5, 1.7e308], counts: [1, 2, 3, 4] };
    await run('b', 'events.out.tfevents.1.h', [
      ...scalarEvents('loss', range(0, 3000)),
      ...range(0, 700).map((step) => ({ wallTime: T0 + step, step, histograms: { w: histogram } })),
    ]);
    mux = new LogRootMultiplexer({ logdir: dir, reloadInterval: 0, samplesPerPlugin: { scalars: 1000 } });
    await mux.reload();
    const s = steps('b', 'loss');
    expect(s).toHaveLength(1000);
    expect(s[999]).toBe(2999);
    const h = mux.provider.readTensors('histograms', 'b', 'w', ALL)!;
    expect(h).toHaveLength(500);
    expect(h[499]!.step).toBe(699);
    expect(h[0]!.value.shape).toEqual([4, 3]);
    expect(Array.from(h[0]!.value.numbers)).toEqual([-1, -0.5, 1, -0.5, 0, 2, 0, 0.5, 3, 0.5, 1, 4]);
  });

  it('downsampling on read keeps the last point and is deterministic', async () => {
    await run('d', 'events.out.tfevents.1.h', scalarEvents('loss', range(0, 10_000)));
    mux = new LogRootMultiplexer({ logdir: dir, reloadInterval: 0 });
    await mux.reload();
    const a = mux.provider.readScalars('scalars', 'd', 'loss', { downsample: 100 })!;
    const b = mux.provider.readScalars('scalars', 'd', 'loss', { downsample: 100 })!;
    expect(a.step).toHaveLength(100);
    expect(a.step[99]).toBe(9999);
    expect(Array.from(a.step)).toEqual(Array.from(b.step));
  });

  it('picks up new runs and appended data on reload, and drops runs whose directory vanished', async () => {
    const file = await run('a', 'events.out.tfevents.1.h', scalarEvents('loss', range(0, 10)));
    mux = new LogRootMultiplexer({ logdir: dir, reloadInterval: 0 });
    const changes: string[][] = [];
    mux.onChange((runs) => changes.push([...runs]));
    await mux.reload();
    await appendFile(file, encodeTestRecords(scalarEvents('loss', range(10, 20))));
    await run('b', 'events.out.tfevents.1.h', scalarEvents('loss', [0]));
    await mux.reload();
    expect(steps('a', 'loss')).toHaveLength(20);
    expect(mux.provider.listRuns().map((r) => r.name)).toEqual(['a', 'b']);
    await rm(path.join(dir, 'a'), { recursive: true });
    await mux.reload();
    expect(mux.provider.listRuns().map((r) => r.name)).toEqual(['b']);
    expect(changes).toEqual([['a'], ['b', 'a'], ['a']]);
  });

  it('a record half-written at the end of a growing file is "not yet": no problem, read once whole', async () => {
    const file = await run('g', 'events.out.tfevents.1.h', scalarEvents('loss', [0]));
    const next = encodeTestRecords(scalarEvents('loss', [1]));
    await appendFile(file, next.subarray(0, 13));
    mux = new LogRootMultiplexer({ logdir: dir, reloadInterval: 0 });
    await mux.reload();
    expect(steps('g', 'loss')).toEqual([0]);
    const mid = mux.status();
    expect(mid.bytesTotal - mid.bytesRead).toBe(13);
    await appendFile(file, next.subarray(13));
    await mux.reload();
    expect(steps('g', 'loss')).toEqual([0, 1]);
    expect(mux.status()).toMatchObject({ problemCount: 0, bytesRead: mux.status().bytesTotal });
  });

  it('makes appended data visible within a second through the file-system watch', async () => {
    const file = await run('live', 'events.out.tfevents.1.h', scalarEvents('loss', [0]));
    mux = new LogRootMultiplexer({ logdir: dir, reloadInterval: 60 });
    await mux.start();
    expect(steps('live', 'loss')).toEqual([0]);
    const seen = new Promise<number>((resolve) => {
      const t0 = Date.now();
      mux!.onChange(() => {
        if (steps('live', 'loss').length === 2) resolve(Date.now() - t0);
      });
    });
    await appendFile(file, encodeTestRecords(scalarEvents('loss', [1])));
    const ms = await seen;
    expect(ms).toBeLessThan(1000);
  });

  it('a corrupt file costs that file only: other runs load, the problem is reported once', async () => {
    await run('good', 'events.out.tfevents.1.h', scalarEvents('loss', range(0, 10)));
    await mkdir(path.join(dir, 'bad'));
    const garbage = Buffer.alloc(4096, 0xab);
    await writeFile(path.join(dir, 'bad', 'events.out.tfevents.1.h'), garbage);
    await writeTestEvents(path.join(dir, 'bad', 'events.out.tfevents.2.h'), scalarEvents('loss', [0, 1]));
    const logger = memoryLogger();
    mux = new LogRootMultiplexer({ logdir: dir, reloadInterval: 0, logger });
    await mux.reload();
    await mux.reload();
    expect(steps('good', 'loss')).toHaveLength(10);
    expect(steps('bad', 'loss')).toEqual([0, 1]);
    expect(mux.status().problemCount).toBe(1);
    expect(logger.lines.filter((l) => l.level === 'warn')).toHaveLength(1);
    expect(logger.lines[0]!.message).toMatch(/run 'bad'.*events\.out\.tfevents\.1\.h/);
  });

  it('reads event files that are symbolic links', async () => {
    const target = await run('real', 'events.out.tfevents.1.h', scalarEvents('loss', [0, 1, 2]));
    await mkdir(path.join(dir, 'linked'));
    await symlink(target, path.join(dir, 'linked', 'events.out.tfevents.1.h'));
    mux = new LogRootMultiplexer({ logdir: dir, reloadInterval: 0 });
    await mux.reload();
    expect(steps('linked', 'loss')).toEqual([0, 1, 2]);
  });

  it('a record that is not an Event costs that record', async () => {
    await mkdir(path.join(dir, 'x'));
    const { encodeRecord } = await import('../events/tfrecord.js');
    await writeFile(
      path.join(dir, 'x', 'events.out.tfevents.1.h'),
      Buffer.concat([
        encodeTestRecords(scalarEvents('loss', [0])),
        Buffer.from(encodeRecord(Uint8Array.of(0x0a, 0x7f, 1))),
        encodeTestRecords(scalarEvents('loss', [1])),
      ]),
    );
    mux = new LogRootMultiplexer({ logdir: dir, reloadInterval: 0 });
    await mux.reload();
    expect(steps('x', 'loss')).toEqual([0, 1]);
    expect(mux.status().problems[0]!.message).toMatch(/offset \d+ is not a valid Event/);
    expect(mux.status().recordsSkipped).toBe(1);
  });

  it('serves images as blob references read on demand, and refuses forged keys', async () => {
    const png = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 1, 2, 3);
    await run('img', 'events.out.tfevents.1.h', [
      { wallTime: T0, step: 3, images: { digits: { width: 28, height: 14, encoded: png } } },
    ]);
    mux = new LogRootMultiplexer({ logdir: dir, reloadInterval: 0 });
    await mux.reload();
    const [datum] = mux.provider.readBlobSequences('images', 'img', 'digits', ALL)!;
    expect(datum!.step).toBe(3);
    expect(datum!.blobs).toHaveLength(3);
    const [w, h, bytes] = await Promise.all(datum!.blobs.map((b) => mux!.provider.readBlob(b.key)));
    expect(Buffer.from(w!).toString()).toBe('28');
    expect(Buffer.from(h!).toString()).toBe('14');
    expect(Array.from(bytes!)).toEqual(Array.from(png));
    const forged = Buffer.from(JSON.stringify(['img', '../../etc/passwd', 0, 0, 0])).toString('base64url');
    await expect(mux.provider.readBlob(forged)).rejects.toThrow(/does not have/);
    expect(mux.provider.readScalars('scalars', 'img', 'digits', ALL)).toBeUndefined();
  });

  it('TF2 text tensors outlive the read buffers they were decoded from', async () => {
    const { encodeEvent } = await import('../events/proto.js');
    const { encodeRecord } = await import('../events/tfrecord.js');
    const text = (step: number) =>
      encodeRecord(
        encodeEvent({
          wallTime: T0 + step,
          step,
          summary: {
            value: [
              {
                tag: 'notes',
                metadata: step === 0 ? { pluginData: { pluginName: 'text' } } : undefined,
                tensor: { dtype: 7, tensorShape: { dim: [] }, stringVal: [Buffer.from(`## note ${step}`)] },
              },
            ],
          },
        }),
      );
    await mkdir(path.join(dir, 'a'));
    await writeFile(path.join(dir, 'a', 'events.out.tfevents.1.h'), Buffer.concat([0, 1, 2].map(text)));
    // A later, larger run reuses the reader's buffers.
    await run('b', 'events.out.tfevents.1.h', scalarEvents('loss', range(0, 20_000)));
    mux = new LogRootMultiplexer({ logdir: dir, reloadInterval: 0 });
    await mux.reload();
    const notes = mux.provider.readTensors('text', 'a', 'notes', ALL)!;
    expect(notes.map((d) => Buffer.from(d.value.strings[0]!).toString())).toEqual(['## note 0', '## note 1', '## note 2']);
  });

  it('waits for a log directory that does not exist yet, saying so once', async () => {
    const logger = memoryLogger();
    const later = path.join(dir, 'not-yet');
    mux = new LogRootMultiplexer({ logdir: later, reloadInterval: 0, logger });
    await mux.reload();
    await mux.reload();
    expect(mux.provider.listRuns()).toEqual([]);
    expect(logger.lines.map((l) => l.message)).toEqual([expect.stringMatching(/cannot read directory .*not-yet: ENOENT/)]);
    await mkdir(later);
    await writeTestEvents(path.join(later, 'events.out.tfevents.1.h'), scalarEvents('loss', [0]));
    await mux.reload();
    expect(mux.provider.listRuns().map((r) => r.name)).toEqual(['.']);
  });

  it('names runs of a logdir spec by their root names', async () => {
    await run('one', 'events.out.tfevents.1.h', scalarEvents('loss', [0]));
    await run('two/sub', 'events.out.tfevents.1.h', scalarEvents('loss', [0]));
    mux = new LogRootMultiplexer({
      logdirSpec: `first:${path.join(dir, 'one')},second:${path.join(dir, 'two')}`,
      reloadInterval: 0,
    });
    await mux.reload();
    expect(mux.provider.listRuns().map((r) => r.name).sort()).toEqual(['first', 'second/sub']);
  });
});
