/**
 * Restarted jobs, on hand-made event files: what TensorBoard's event accumulator keeps
 * (`_MaybePurgeOrphanedData`) is what we keep.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeTestEvents, type TestEvent } from '../testing/event-files.js';
import { LogRootMultiplexer } from './multiplexer.js';

const ALL = { downsample: 1e9 };
const T0 = 1_700_000_000;
const PNG = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, i) => from + i);
}

/** One event per step holding every tag in `tags`, valued `sign * step`. */
function scalars(steps: number[], tags: string[], sign = 1): TestEvent[] {
  return steps.map((step) => ({
    wallTime: T0 + step,
    step,
    scalars: Object.fromEntries(tags.map((t) => [t, sign * step])),
  }));
}

const v2: TestEvent = { wallTime: T0 - 1, fileVersion: 'brain.Event:2' };
const v1: TestEvent = { wallTime: T0 - 1, fileVersion: 'brain.Event:1' };
const start = (step: number): TestEvent => ({ wallTime: T0 + step, step, sessionLogStatus: 1 });

describe('restarted jobs, as TensorBoard purges them', () => {
  let dir: string;
  let mux: LogRootMultiplexer | undefined;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'tb-restarts-'));
  });
  afterEach(async () => {
    await mux?.close();
    mux = undefined;
    await rm(dir, { recursive: true, force: true });
  });

  /** Writes `files` (in name order) into run `r` and loads the log root. */
  async function load(...files: TestEvent[][]): Promise<void> {
    await mkdir(path.join(dir, 'r'));
    for (let i = 0; i < files.length; i++) await writeTestEvents(path.join(dir, 'r', `events.out.tfevents.${1000 + i}.host`), files[i]!);
    mux = new LogRootMultiplexer({ logdir: dir, reloadInterval: 0 });
    await mux.reload();
  }

  function points(tag: string): [number, number][] {
    const s = mux!.provider.readScalars('scalars', 'r', tag, ALL);
    return s ? Array.from(s.step, (step, i) => [step, s.value[i]!]) : [];
  }

  const pts = (steps: number[], sign = 1): [number, number][] => steps.map((s) => [s, sign * s]);

  it('two brain.Event:2 files each starting again at step 0 keep every point of both', async () => {
    await load([v2, ...scalars(range(0, 10), ['loss', 'acc'])], [v2, ...scalars(range(0, 10), ['loss', 'acc'], -1)]);
    for (const tag of ['loss', 'acc']) expect(points(tag)).toEqual([...pts(range(0, 10)), ...pts(range(0, 10), -1)]);
  });

  it('brain.Event:2: a SessionLog.START at step 5 after the first START purges every tag from step 5', async () => {
    await load(
      [v2, start(0), ...scalars(range(0, 10), ['loss']), ...scalars(range(0, 8), ['acc'])],
      [v2, start(5), ...scalars(range(5, 7), ['loss'], -1)],
    );
    expect(points('loss')).toEqual([...pts(range(0, 5)), ...pts([5, 6], -1)]);
    expect(points('acc')).toEqual(pts(range(0, 5)));
  });

  it('brain.Event:2: the run\'s first SessionLog.START is its start and purges nothing', async () => {
    await load([v2, ...scalars(range(0, 10), ['loss'])], [v2, start(5), ...scalars([5], ['loss'], -1)]);
    expect(points('loss')).toEqual([...pts(range(0, 10)), [5, -5]]);
  });

  it('brain.Event:2: a START purges images but never the graph', async () => {
    const image = (step: number): TestEvent => ({ wallTime: T0 + step, step, images: { img: { width: 1, height: 1, encoded: PNG } } });
    await load(
      [v2, start(0), { wallTime: T0, step: 3, graphDef: Uint8Array.of(10, 0) }, image(1), image(4)],
      [v2, start(2), image(2)],
    );
    expect(mux!.provider.readBlobSequences('images', 'r', 'img', ALL)!.map((d) => d.step)).toEqual([1, 2]);
    expect(mux!.provider.readBlobSequences('graphs', 'r', '__run_graph__', ALL)!.map((d) => d.step)).toEqual([3]);
  });

  it('brain.Event:1: a file going back in steps purges the tags it writes, from its first step', async () => {
    await load(
      [v1, ...scalars(range(0, 10), ['loss', 'acc']), ...scalars([10], ['other'])],
      [v1, ...scalars(range(4, 6), ['loss'], -1)],
    );
    expect(points('loss')).toEqual([...pts(range(0, 4)), ...pts([4, 5], -1)]);
    expect(points('acc')).toEqual(pts(range(0, 10)));
    expect(points('other')).toEqual([[10, 10]]);
  });

  it('no file version: a step going back within one file purges that tag', async () => {
    await load([...scalars(range(0, 10), ['loss']), ...scalars([3], ['loss'], -1), ...scalars([4], ['loss'])]);
    expect(points('loss')).toEqual([...pts(range(0, 3)), [3, -3], [4, 4]]);
  });

  it('brain.Event:2: steps going back within one file are all kept', async () => {
    await load([v2, ...scalars([10, 5, 20, 15], ['loss'])]);
    expect(points('loss')).toEqual(pts([10, 5, 20, 15]));
  });
});
