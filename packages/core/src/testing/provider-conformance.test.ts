/**
 * Both DataProviders of core pass the conformance suite: the log-root multiplexer over
 * event files written from the fixture, and the in-memory provider filled from it.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadLogRoot } from './corpus.js';
import { writeTestEvents, type TestEvent } from './event-files.js';
import { MemoryProvider } from './memory-provider.js';
import { describeDataProvider, type ConformanceFixture } from './provider-conformance.js';

describeDataProvider('the log-root multiplexer', async (fixture: ConformanceFixture) => {
  const root = await mkdtemp(path.join(os.tmpdir(), 'tb-conformance-'));
  const runs = new Set([...Object.keys(fixture.scalars), ...Object.keys(fixture.images)]);
  for (const run of runs) {
    const events: TestEvent[] = [{ wallTime: 0, fileVersion: 'brain.Event:2' }];
    for (const [tag, points] of Object.entries(fixture.scalars[run] ?? {})) {
      for (const p of points) events.push({ wallTime: p.wallTime, step: p.step, scalars: { [tag]: p.value } });
    }
    for (const [tag, images] of Object.entries(fixture.images[run] ?? {})) {
      for (const im of images) events.push({ wallTime: im.wallTime, step: im.step, images: { [tag]: im } });
    }
    // The version record carries the earliest wall time, as a writer's first event does.
    events[0] = { wallTime: Math.min(...events.slice(1).map((e) => e.wallTime)), fileVersion: 'brain.Event:2' };
    await mkdir(path.join(root, run), { recursive: true });
    await writeTestEvents(path.join(root, run, 'events.out.tfevents.1.test'), events);
  }
  for (const [file, text] of Object.entries(fixture.files)) await writeFile(path.join(root, file), text);
  const loaded = await loadLogRoot(root);
  return {
    provider: loaded.provider,
    async close() {
      await loaded.close();
      await rm(root, { recursive: true, force: true });
    },
  };
});

describeDataProvider('the in-memory provider', async (fixture: ConformanceFixture) => {
  const data = new MemoryProvider();
  for (const [run, tags] of Object.entries(fixture.scalars)) for (const [tag, points] of Object.entries(tags)) data.addScalars(run, tag, points);
  for (const [run, tags] of Object.entries(fixture.images)) {
    for (const [tag, images] of Object.entries(tags)) {
      data.addBlobSequences(run, tag, images.map((im) => ({ step: im.step, wallTime: im.wallTime, blobs: [String(im.width), String(im.height), im.encoded] })), { pluginName: 'images' });
    }
  }
  for (const [file, text] of Object.entries(fixture.files)) data.addFile(file, text);
  return { provider: data };
});
