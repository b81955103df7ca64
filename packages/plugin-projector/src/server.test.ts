/**
 * TensorBoard's routes over a MemoryProvider: configs where TensorBoard reads them,
 * confinement of config paths to the log root, raw float32 tensors, bookmarks, and
 * checkpoints that are broken (corrupt index, missing shard).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { corpusPath, hostPlugin, MemoryProvider } from '@tb/core/testing';
import type { InfoResponse } from './api-types.js';
import plugin, { createProjectorPlugin } from './index.js';

const P = '/data/plugin/projector';

async function error(res: Response): Promise<[number, string]> {
  return [res.status, ((await res.json()) as { error: { message: string } }).error.message];
}

describe('configs and files', () => {
  const values = Float32Array.of(1, 2, 3, 4, 5, 6);
  const provider = new MemoryProvider()
    .addFile('projector_config.pbtxt', `embeddings { tensor_name: "raw:0" tensor_path: "raw.bytes" tensor_shape: [3, 2] bookmarks_path: "b.json" metadata_path: "m.tsv" }
embeddings { tensor_name: "escape" tensor_path: "../outside.tsv" }
embeddings { tensor_name: "abs" tensor_path: "/etc/passwd" metadata_path: "/etc/passwd" sprite { image_path: "../../x.png" } }
embeddings { tensor_path: "sub/unnamed.tsv" }`)
    .addFile('raw.bytes', new Uint8Array(values.buffer))
    .addFile('b.json', '[{"label":"a"}]')
    .addFile('m.tsv', 'x\ny\nz\n')
    .addFile('sub/unnamed.tsv', '1\t2\n3\t4\n')
    .addFile('run1/plugins/projector/projector_config.pbtxt', 'embeddings { tensor_name: "e" tensor_path: "../../../sub/unnamed.tsv" }')
    .addScalars('run1', 'loss', [{ step: 0, wallTime: 1, value: 1 }]);
  const app = hostPlugin(plugin, provider);

  it('reads the root config and a run\'s plugin-assets config, naming unnamed tensors after their file', async () => {
    expect(await app.json(`${P}/runs`)).toEqual(['run1', '.']);
    const info = await app.json<InfoResponse>(`${P}/info?run=.`);
    expect(info.embeddings!.map((e) => [e.tensorName, e.tensorShape])).toEqual([['raw', [3, 2]], ['escape', undefined], ['abs', undefined], ['unnamed.tsv', [2, 2]]]);
    expect((await app.json<InfoResponse>(`${P}/info?run=run1`)).embeddings).toEqual([{ tensorName: 'e', tensorShape: [2, 2], tensorPath: '../../../sub/unnamed.tsv' }]);
  });

  it('serves a raw float32 tensor file, x and x:0 being the same name', async () => {
    for (const name of ['raw', 'raw:0']) {
      const res = await app.request(`${P}/tensor?run=.&name=${name}`);
      const got = Buffer.from(await res.arrayBuffer());
      expect(got.equals(Buffer.from(values.buffer))).toBe(true);
    }
    expect(new Float32Array(await (await app.request(`${P}/tensor?run=.&name=raw&num_rows=1`)).arrayBuffer())).toEqual(values.subarray(0, 2));
  });

  it('answers TensorBoard\'s 400s for num_rows, unknown runs and missing files', async () => {
    expect(await error(await app.request(`${P}/tensor?run=.&name=raw&num_rows=0`))).toEqual([400, 'num_rows: query parameter num_rows must be integer > 0']);
    expect(await error(await app.request(`${P}/info?run=nope`))).toEqual([400, 'Unknown run: "nope"']);
    expect(await error(await app.request(`${P}/sprite_image?run=.&name=raw`))).toEqual([400, 'No sprite image file found for tensor "raw" in the config file "projector_config.pbtxt"']);
  });

  it('refuses config paths outside the log root with a 400 naming them', async () => {
    expect(await error(await app.request(`${P}/tensor?run=.&name=escape`))).toEqual([400, 'the path "../outside.tsv" in projector_config.pbtxt is outside the log root; expected a path relative to the config file, inside the log root']);
    expect((await error(await app.request(`${P}/tensor?run=.&name=abs`)))[1]).toContain('"/etc/passwd"');
    expect((await error(await app.request(`${P}/metadata?run=.&name=abs`)))[1]).toContain('"/etc/passwd" in projector_config.pbtxt is outside the log root');
    expect((await error(await app.request(`${P}/sprite_image?run=.&name=abs`)))[1]).toContain('"../../x.png"');
  });

  it('serves bookmarks and metadata as written', async () => {
    const b = await app.request(`${P}/bookmarks?run=.&name=raw`);
    expect(b.headers.get('content-type')).toBe('application/json');
    expect(await b.json()).toEqual([{ label: 'a' }]);
    expect(await (await app.request(`${P}/metadata?run=.&name=raw&num_rows=2`)).text()).toBe('x\ny\n');
  });
});

describe('broken checkpoints', () => {
  const dir = corpusPath('keras-checkpoint', 'MNIST-extra-metrics1690486849', 'train');
  const index = readFileSync(`${dir}/keras_embedding.ckpt-9.index`);
  const state = 'model_checkpoint_path: "keras_embedding.ckpt-9"\n';
  const NAME = encodeURIComponent('layer_with_weights-1/kernel/.ATTRIBUTES/VARIABLE_VALUE');

  it('says which shard is missing', async () => {
    const app = hostPlugin(plugin, new MemoryProvider().addFile('checkpoint', state).addFile('keras_embedding.ckpt-9.index', index));
    expect(await app.json(`${P}/runs`)).toEqual(['.']);
    const [status, message] = await error(await app.request(`${P}/tensor?run=.&name=${NAME}`));
    expect(status).toBe(400);
    expect(message).toMatch(/checkpoint keras_embedding.ckpt-9: the data shard keras_embedding.ckpt-9.data-00000-of-00001 of variable "layer_with_weights-1\/kernel\/.ATTRIBUTES\/VARIABLE_VALUE" cannot be read/);
  });

  it('leaves out a run whose index is corrupt, and says why in the log', async () => {
    const bad = Uint8Array.from(index);
    bad[100]! ^= 0xff;
    const lines: string[] = [];
    const logger = { debug: () => {}, info: () => {}, error: () => {}, warn: (m: string) => void lines.push(m) };
    const app = hostPlugin(plugin, new MemoryProvider().addFile('checkpoint', state).addFile('keras_embedding.ckpt-9.index', bad), { logger });
    expect(await app.json(`${P}/runs`)).toEqual([]);
    expect(lines.join('\n')).toMatch(/keras_embedding.ckpt-9.index data block: block at 0 is corrupt/);
  });

  it('reads no checkpoint with checkpoints: false (TensorBoard without TensorFlow)', async () => {
    const app = hostPlugin(createProjectorPlugin({ checkpoints: false }), new MemoryProvider().addFile('checkpoint', state).addFile('keras_embedding.ckpt-9.index', index));
    expect(await app.json(`${P}/runs`)).toEqual([]);
  });
});

describe('large tensors', () => {
  it('streams a tensor above 4 MB without detaching or copying the cached values, twice the same', async () => {
    const rows = 5000;
    const cols = 300;
    const values = new Float32Array(rows * cols).map((_, i) => i % 1000);
    const app = hostPlugin(plugin, new MemoryProvider().addFile('projector_config.pbtxt', `embeddings { tensor_name: "big" tensor_path: "big.bin" tensor_shape: [${rows}, ${cols}] }`).addFile('big.bin', new Uint8Array(values.buffer)));
    for (let i = 0; i < 2; i++) {
      const res = await app.request(`${P}/tensor?run=.&name=big`);
      expect(res.headers.get('content-length')).toBe(String(rows * cols * 4));
      expect(res.headers.get('content-type')).toBe('application/octet-stream');
      const got = Buffer.from(await res.arrayBuffer());
      expect(got.equals(Buffer.from(values.buffer))).toBe(true);
    }
  });
});

it('is active (its tab enabled, no reload) when a config or checkpoint state file is there', async () => {
  const listing = async (p: MemoryProvider) => (await hostPlugin(plugin, p).json<Record<string, { enabled: boolean; disable_reload: boolean }>>('/data/plugins_listing')).projector!;
  expect(await listing(new MemoryProvider())).toMatchObject({ enabled: false, disable_reload: true });
  expect(await listing(new MemoryProvider().addFile('projector_config.pbtxt', ''))).toMatchObject({ enabled: true });
  expect(await listing(new MemoryProvider().addFile('run/checkpoint', 'model_checkpoint_path: "m"'))).toMatchObject({ enabled: true });
});
