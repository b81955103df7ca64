import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { hostPlugin, loadLogRoot, MemoryProvider, type LoadedLogRoot, type TestApp } from '@tb/core/testing';
import { SummaryWriter } from '@tb/writer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import plugin from './index.js';
import { encodeAudioKey } from './audio-key.js';

const WAV = Uint8Array.of(0x10, 11);
const get = (app: TestApp, u: string) => app.request(`/data/plugin/audio/${u}`);

/** A log root written here: one run with a tone at 3 steps. */
async function writeRoot(): Promise<string> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tb-audio-'));
  const w = new SummaryWriter(path.join(dir, 'tones'));
  for (let step = 0; step < 3; step++) w.addAudio('tone', Array.from({ length: 800 }, (_, i) => Math.sin((i * (step + 1)) / 10)), step * 10, 8000);
  await w.close();
  return dir;
}

describe('audio routes on a written log root', () => {
  let mux: LoadedLogRoot;
  let app: TestApp;
  beforeAll(async () => {
    mux = await loadLogRoot(await writeRoot());
    app = hostPlugin(plugin, mux.provider);
  });
  afterAll(() => mux.close());

  it('lists the clips and serves each as a WAV', async () => {
    expect(await (await get(app, 'tags')).json()).toEqual({ tones: { tone: { displayName: '', description: '', samples: 1 } } });
    const entries = (await (await get(app, 'audio?run=tones&tag=tone')).json()) as { step: number; label: string; contentType: string; query: string }[];
    expect(entries.map((e) => [e.step, e.label, e.contentType])).toEqual([[0, '', 'audio/wav'], [10, '', 'audio/wav'], [20, '', 'audio/wav']]);
    const res = await get(app, `individualAudio?${entries[1]!.query}`);
    expect(res.headers.get('content-type')).toBe('audio/wav');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('RIFF');
    expect(bytes.subarray(8, 12).toString('latin1')).toBe('WAVE');
    expect(await (await get(app, 'audio?run=tones&tag=tone&sample=1')).json()).toEqual([]);
  });

  it('lets the browser revalidate a clip: 304 while its blob is the same', async () => {
    const [first, second] = (await (await get(app, 'audio?run=tones&tag=tone')).json()) as { query: string }[];
    const res = await get(app, `individualAudio?${first!.query}`);
    const etag = res.headers.get('etag')!;
    expect(res.headers.get('cache-control')).toBe('private, no-cache');
    const again = await app.request(`/data/plugin/audio/individualAudio?${first!.query}`, { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    expect((await get(app, `individualAudio?${second!.query}`)).headers.get('etag')).not.toBe(etag);
  });

  it('answers 404 for what is not there and 400 for what is not a request, and keeps serving', async () => {
    const stale = await get(app, `individualAudio?blob_key=${encodeAudioKey({ run: 'tones', tag: 'tone', step: 7, sample: 0 })}`);
    expect(stale.status).toBe(404);
    expect(((await stale.json()) as { error: { message: string } }).error.message).toContain('no audio for run "tones", tag "tone", step 7, sample 0');
    expect((await get(app, `individualAudio?blob_key=${encodeAudioKey({ run: 'tones', tag: 'tone', step: 0, sample: 1 })}`)).status).toBe(404);
    expect((await get(app, 'individualAudio?blob_key=%%%garbage')).status).toBe(400);
    expect((await get(app, 'individualAudio')).status).toBe(400);
    const key = encodeAudioKey({ run: 'tones', tag: 'tone', step: 0, sample: 0 });
    const html = await get(app, `individualAudio?blob_key=${key}&content_type=text%2Fhtml`);
    expect(html.status).toBe(400);
    expect(((await html.json()) as { error: { message: string } }).error.message).toBe('content_type should be one of audio/wav, application/octet-stream; found "text/html"');
    expect((await get(app, `individualAudio?blob_key=${key}&content_type=application%2Foctet-stream`)).headers.get('content-type')).toBe('application/octet-stream');
    expect((await get(app, `individualAudio?blob_key=${key}`)).headers.get('content-type')).toBe('audio/wav');
    expect((await get(app, 'audio?run=tones&tag=tone&sample=-1')).status).toBe(400);
    const noTag = await get(app, 'audio?run=tones&tag=nope');
    expect(noTag.status).toBe(404);
    expect(((await noTag.json()) as { error: { message: string } }).error.message).toBe('run "tones" has no audio tag "nope": its tags are "tone"');
    const noRun = await get(app, 'audio?run=nope&tag=tone');
    expect(((await noRun.json()) as { error: { message: string } }).error.message).toBe('no audio for run "nope": the runs with audio are "tones"');
    expect((await get(app, 'tags')).status).toBe(200);
  });
});

describe('audio routes on several clips per step', () => {
  const data = new MemoryProvider()
    .addBlobSequences(
      'run',
      'batch',
      [
        { step: 0, wallTime: 1, blobs: ['clip-0a', '**loud**', 'clip-0b', 'soft <script>x</script>'] },
        { step: 1, wallTime: 2, blobs: ['clip-1a', ''] },
      ],
      { pluginName: 'audio', pluginContent: WAV, description: 'A *batch*' },
    )
    .addBlobSequences('run', 'raw', [{ step: 5, wallTime: 3, blobs: ['pcm', ''] }], { pluginName: 'audio' });
  const app = hostPlugin(plugin, data);

  it('counts the most clips of any step, two blobs (clip, label) per clip', async () => {
    expect(await (await get(app, 'tags')).json()).toEqual({
      run: {
        batch: { displayName: '', description: '<p>A <em>batch</em></p>', samples: 2 },
        raw: { displayName: '', description: '', samples: 1 },
      },
    });
  });

  it("leaves labels out as TensorBoard 2.x does, and renders them to safe HTML when asked", async () => {
    const plain = (await (await get(app, 'audio?run=run&tag=batch')).json()) as { label: string }[];
    expect(plain.map((e) => e.label)).toEqual(['', '']);
    const first = (await (await get(app, 'audio?run=run&tag=batch&labels=true')).json()) as { step: number; label: string }[];
    expect(first.map((e) => [e.step, e.label])).toEqual([[0, '<p><strong>loud</strong></p>'], [1, '']]);
    const second = (await (await get(app, 'audio?run=run&tag=batch&sample=1&labels=true')).json()) as { step: number; label: string; query: string }[];
    expect(second.map((e) => e.step)).toEqual([0]);
    expect(second[0]!.label).not.toContain('<script');
    const clip = await get(app, `individualAudio?${second[0]!.query}`);
    expect(new TextDecoder().decode(await clip.arrayBuffer())).toBe('clip-0b');
  });

  it('says application/octet-stream for an encoding it does not know', async () => {
    const [entry] = (await (await get(app, 'audio?run=run&tag=raw')).json()) as { contentType: string; query: string }[];
    expect(entry!.contentType).toBe('application/octet-stream');
    expect(entry!.query).toBe(`blob_key=${encodeAudioKey({ run: 'run', tag: 'raw', step: 5, sample: 0 })}&content_type=application%2Foctet-stream`);
    expect((await get(app, `individualAudio?${entry!.query}`)).headers.get('content-type')).toBe('application/octet-stream');
  });
});
