/**
 * The routes against the real TensorBoard's recorded answers, for every log root with a
 * recorded /data/plugin/projector/ request: JSON deep-equal, tensor, metadata and sprite
 * answers byte for byte with their content types, errors with TensorBoard's status and
 * message. TensorBoard was recorded without TensorFlow, so it read no checkpoints (its
 * `_using_tf()` was false): the replay runs with `checkpoints: false`, and, on every root
 * but keras-checkpoint (the one with a checkpoint), with `checkpoints: true` as well.
 * keras-checkpoint's checkpoint is then read on its own below.
 */
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LoadedLogRoot, type ReferenceRequest, type TestApp, corpusPath, hostPlugin, loadLogRoot, referenceBytes, referenceJson, referenceRequests, referenceText, replay } from '@tb/core/testing';
import type { InfoResponse } from './api-types.js';
import { createProjectorPlugin } from './index.js';

const PREFIX = '/data/plugin/projector/';
const ROOTS = readdirSync(corpusPath('reference')).filter((root) => referenceRequests(root, PREFIX).length > 0);
const BYTES = /\/(tensor|metadata|sprite_image)$/;

it('finds the recorded answers: every route on the projector root, runs on keras-checkpoint', () => {
  expect(ROOTS).toEqual(expect.arrayContaining(['projector', 'keras-checkpoint']));
  for (const route of ['runs', 'info', 'tensor', 'metadata', 'sprite_image', 'bookmarks']) expect(referenceRequests('projector', `${PREFIX}${route}`).length, route).toBeGreaterThan(0);
  expect(referenceRequests('keras-checkpoint', `${PREFIX}runs`)).toHaveLength(1);
});

const CASES = ROOTS.flatMap((root) => (root === 'keras-checkpoint' ? [[root, false] as const] : [[root, false] as const, [root, true] as const]));

describe.each(CASES)('against TensorBoard on %s (checkpoints: %s)', (root, checkpoints) => {
  let mux: LoadedLogRoot;
  let app: TestApp;
  beforeAll(async () => {
    mux = await loadLogRoot(corpusPath(root));
    app = hostPlugin(createProjectorPlugin({ checkpoints }), mux.provider);
  });
  afterAll(() => mux.close());

  it.each(referenceRequests(root, PREFIX).map((r) => [`${r.path}?${new URLSearchParams(r.query.map(([k, v]): [string, string] => [k, String(v)])).toString()}`, r] as const))('%s', async (_, r: ReferenceRequest) => {
    const res = await replay(app, r);
    expect(res.status).toBe(r.status);
    if (r.status !== 200) {
      // TensorBoard names the config by its absolute path (recorded as <LOGDIR>/./...); we name it relative to the log root.
      const { error } = (await res.json()) as { error: { message: string } };
      expect(error.message).toBe(referenceText(root, r).replace(/"<LOGDIR>\/(\.\/)?/g, '"'));
      return;
    }
    if (BYTES.test(r.path)) {
      expect(res.headers.get('content-type')).toBe(r.content_type);
      expect(Buffer.from(await res.arrayBuffer()).equals(referenceBytes(root, r))).toBe(true);
      return;
    }
    const text = await res.text();
    expect(JSON.parse(text)).toEqual(referenceJson(root, r));
    if (r.path.endsWith('/info')) expect(text).toBe(referenceText(root, r));
  });
});

describe('keras-checkpoint with checkpoints read (TensorBoard with TensorFlow)', () => {
  let mux: LoadedLogRoot;
  let app: TestApp;
  const RUN = 'MNIST-extra-metrics1690486849/train';
  beforeAll(async () => {
    mux = await loadLogRoot(corpusPath('keras-checkpoint'));
    app = hostPlugin(createProjectorPlugin(), mux.provider);
  });
  afterAll(() => mux.close());

  it("offers the train run (its `checkpoint` names keras_embedding.ckpt-9), not validation (no checkpoint there or above)", async () => {
    expect(await app.json('/data/plugin/projector/runs')).toEqual([RUN]);
  });

  it("lists the checkpoint's 2-D variables with their shapes", async () => {
    const info = await app.json<InfoResponse>(`/data/plugin/projector/info?run=${encodeURIComponent(RUN)}`);
    expect(info.modelCheckpointPath).toBe(`${RUN}/keras_embedding.ckpt-9`);
    expect(info.embeddings).toEqual([
      { tensorName: 'layer_with_weights-0/kernel/.ATTRIBUTES/VARIABLE_VALUE', tensorShape: [784, 512] },
      { tensorName: 'layer_with_weights-1/kernel/.ATTRIBUTES/VARIABLE_VALUE', tensorShape: [512, 10] },
      { tensorName: 'optimizer/_variables/1/.ATTRIBUTES/VARIABLE_VALUE', tensorShape: [784, 512] },
      { tensorName: 'optimizer/_variables/3/.ATTRIBUTES/VARIABLE_VALUE', tensorShape: [512, 10] },
    ]);
  });

  it('serves a variable as float32, num_rows cutting it, and refuses a name the checkpoint lacks', async () => {
    const name = encodeURIComponent('layer_with_weights-1/kernel/.ATTRIBUTES/VARIABLE_VALUE');
    const res = await app.request(`/data/plugin/projector/tensor?run=${encodeURIComponent(RUN)}&name=${name}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    const values = new Float32Array(await res.arrayBuffer());
    expect(values).toHaveLength(512 * 10);
    // A trained Dense kernel: finite, small, not all zero.
    expect(values.every((v) => Number.isFinite(v) && Math.abs(v) < 10)).toBe(true);
    expect(values.some((v) => v !== 0)).toBe(true);
    const cut = await app.request(`/data/plugin/projector/tensor?run=${encodeURIComponent(RUN)}&name=${name}&num_rows=3`);
    expect(new Float32Array(await cut.arrayBuffer())).toEqual(values.subarray(0, 30));
    const missing = await app.request(`/data/plugin/projector/tensor?run=${encodeURIComponent(RUN)}&name=nope`);
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain('Tensor \\"nope\\" not found in checkpoint dir');
  });
});
