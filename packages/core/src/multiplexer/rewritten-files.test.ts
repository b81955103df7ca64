/**
 * An event file rewritten under the same name (a job restarted with the same file name):
 * the run shows what the files now hold, as if it were read for the first time.
 */
import { appendFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryLogger } from '../logger.js';
import { encodeTestRecords, writeTestEvents, type TestEvent } from '../testing/event-files.js';
import { LogRootMultiplexer } from './multiplexer.js';

const ALL = { downsample: 1e9 };
const T0 = 1_700_000_000;

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}

function scalars(steps: number[], value: (step: number) => number, t = T0): TestEvent[] {
  return steps.map((step) => ({ wallTime: t + step, step, scalars: { loss: value(step) } }));
}

describe('a log file rewritten under the same name', () => {
  let dir: string;
  let mux: LogRootMultiplexer | undefined;
  let other: LogRootMultiplexer | undefined;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'tb-rewritten-'));
    await mkdir(path.join(dir, 'r'));
  });
  afterEach(async () => {
    await mux?.close();
    await other?.close();
    mux = other = undefined;
    await rm(dir, { recursive: true, force: true });
  });

  function points(m: LogRootMultiplexer, tag = 'loss'): [number, number][] {
    const s = m.provider.readScalars('scalars', 'r', tag, ALL);
    return s ? Array.from(s.step, (step, i) => [step, s.value[i]!]) : [];
  }

  /** What a multiplexer reading the directory for the first time shows. */
  async function fresh(): Promise<[number, number][]> {
    await other?.close();
    other = new LogRootMultiplexer({ logdir: dir, reloadInterval: 0 });
    await other.reload();
    return points(other);
  }

  it('shows only the new values when it is shorter, then every new point as it grows past the old size', async () => {
    const file = path.join(dir, 'r', 'events.out.tfevents.1.host');
    const header: TestEvent = { wallTime: T0, fileVersion: 'brain.Event:2' };
    await writeTestEvents(file, [header, ...scalars(range(0, 100), (s) => s)]);
    const logger = memoryLogger();
    mux = new LogRootMultiplexer({ logdir: dir, reloadInterval: 0, logger });
    await mux.reload();
    expect(points(mux)).toHaveLength(100);
    const changes: string[][] = [];
    mux.onChange((runs) => changes.push([...runs]));

    // The job restarts and writes the same file name again: shorter, other values.
    const restarted: TestEvent = { wallTime: T0 + 1000, fileVersion: 'brain.Event:2' };
    await writeTestEvents(file, [restarted, ...scalars(range(0, 10), (s) => -s, T0 + 1000)]);
    await mux.reload();
    expect(points(mux)).toEqual(range(0, 10).map((s) => [s, -s]));
    expect(changes).toEqual([['r']]);
    expect(logger.lines.map((l) => l.message)).toEqual([
      expect.stringMatching(/run 'r', events\.out\.tfevents\.1\.host: it shrank from \d+ to \d+ bytes .*rewritten/),
    ]);

    // It grows past its old size: every point it holds is shown, none lost at the old offset.
    await appendFile(file, encodeTestRecords(scalars(range(10, 300), (s) => -s, T0 + 1000)));
    await mux.reload();
    expect(points(mux)).toEqual(range(0, 300).map((s) => [s, -s]));
    expect(points(mux)).toEqual(await fresh());
    const st = mux.status();
    expect(st.bytesRead).toBe(st.bytesTotal);
  });

  it('is read again when its first record changed, even when it is longer than before', async () => {
    const file = path.join(dir, 'r', 'events.out.tfevents.1.host');
    await writeTestEvents(file, [{ wallTime: T0, fileVersion: 'brain.Event:2' }, ...scalars(range(0, 5), (s) => s)]);
    mux = new LogRootMultiplexer({ logdir: dir, reloadInterval: 0 });
    await mux.reload();
    await writeTestEvents(file, [{ wallTime: T0 + 7, fileVersion: 'brain.Event:2' }, ...scalars(range(0, 50), (s) => 2 * s)]);
    await mux.reload();
    expect(points(mux)).toEqual(range(0, 50).map((s) => [s, 2 * s]));
  });

  it('drops what the old content purged, too: the run equals a first read of its files', async () => {
    // Old files without a version: the second going back in steps purged the first's steps 5 on.
    const a = path.join(dir, 'r', 'events.out.tfevents.1.host');
    const b = path.join(dir, 'r', 'events.out.tfevents.2.host');
    await writeTestEvents(a, scalars(range(0, 10), (s) => s));
    await writeTestEvents(b, scalars(range(5, 8), (s) => -s, T0 + 100));
    mux = new LogRootMultiplexer({ logdir: dir, reloadInterval: 0 });
    await mux.reload();
    expect(points(mux)).toEqual([...range(0, 5).map((s) => [s, s]), [5, -5], [6, -6], [7, -7]]);

    // b is rewritten to continue after a instead: nothing of a is purged any more.
    await writeTestEvents(b, scalars([10], (s) => -s, T0 + 200));
    await mux.reload();
    expect(points(mux)).toEqual([...range(0, 10).map((s) => [s, s]), [10, -10]]);
    expect(points(mux)).toEqual(await fresh());
  });

  it('serves blobs from the rewritten file at their new offsets', async () => {
    const file = path.join(dir, 'r', 'events.out.tfevents.1.host');
    const png = (n: number) => Uint8Array.of(0x89, 0x50, 0x4e, 0x47, n);
    const image = (step: number, n: number): TestEvent => ({
      wallTime: T0 + step,
      step,
      images: { img: { width: 1, height: 1, encoded: png(n) } },
    });
    await writeTestEvents(file, [{ wallTime: T0, fileVersion: 'brain.Event:2' }, ...scalars(range(0, 20), (s) => s), image(20, 1)]);
    mux = new LogRootMultiplexer({ logdir: dir, reloadInterval: 0 });
    await mux.reload();
    await writeTestEvents(file, [{ wallTime: T0 + 5, fileVersion: 'brain.Event:2' }, image(3, 2)]);
    await mux.reload();
    const seq = mux.provider.readBlobSequences('images', 'r', 'img', ALL)!;
    expect(seq.map((d) => d.step)).toEqual([3]);
    expect(await mux.provider.readBlob(seq[0]!.blobs[2]!.key)).toEqual(png(2));
  });

  it('keeps showing the old data while the run is read again', async () => {
    const file = path.join(dir, 'r', 'events.out.tfevents.1.host');
    await writeTestEvents(file, [{ wallTime: T0, fileVersion: 'brain.Event:2' }, ...scalars(range(0, 100), (s) => s)]);
    mux = new LogRootMultiplexer({ logdir: dir, reloadInterval: 0 });
    await mux.reload();
    await writeFile(file, encodeTestRecords([{ wallTime: T0 + 9, fileVersion: 'brain.Event:2' }, ...scalars(range(0, 50_000), (s) => -s)]));
    const seen = new Set<number>();
    const watch = setInterval(() => seen.add(points(mux!).length), 0);
    await mux.reload();
    clearInterval(watch);
    expect(points(mux)).toHaveLength(50_000);
    for (const n of seen) expect([100, 50_000]).toContain(n);
  });
});
