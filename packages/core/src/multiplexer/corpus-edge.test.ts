/**
 * Where we read the damaged corpus files further than TensorBoard does, each difference is
 * pinned here on the real files of test/corpus/edge; restarts are compared to TensorBoard.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryLogger } from '../logger.js';
import { LogRootMultiplexer } from './multiplexer.js';
import { corpusDir } from '../testing/corpus.js';

const CORPUS = corpusDir();
const ALL = { downsample: 1e9 };

function reference(file: string): [number, number, number][] {
  return JSON.parse(readFileSync(path.join(CORPUS, 'reference/edge/scalars/scalars', file), 'utf8'));
}

describe('corpus edge: damaged files', () => {
  let mux: LogRootMultiplexer;
  const logger = memoryLogger();
  beforeAll(async () => {
    mux = new LogRootMultiplexer({ logdir: path.join(CORPUS, 'edge'), reloadInterval: 0, logger });
    await mux.reload();
  });
  afterAll(() => mux.close());

  const steps = (run: string, tag: string) => Array.from(mux.provider.readScalars('scalars', run, tag, ALL)?.step ?? []);
  const range = (n: number) => Array.from({ length: n }, (_, i) => i);

  it('a bad data checksum costs that one record; TensorBoard stops the file there', () => {
    expect(reference('run=bad_data_crc&tag=loss.json')).toHaveLength(25);
    expect(steps('bad_data_crc', 'loss')).toEqual(range(100));
    // The damaged record held accuracy at step 24.
    expect(steps('bad_data_crc', 'accuracy')).toEqual(range(100).filter((s) => s !== 24));
  });

  it('a bad length checksum resynchronizes at the next valid record', () => {
    expect(steps('bad_length_crc', 'loss')).toEqual(range(100));
    expect(steps('bad_length_crc', 'accuracy')).toEqual(range(100).filter((s) => s !== 24));
  });

  it('reports each damaged file once, naming run and file', () => {
    const problems = mux.status().problems;
    expect(problems.map((p) => p.run).sort()).toEqual(['bad_data_crc', 'bad_length_crc']);
    expect(problems.find((p) => p.run === 'bad_data_crc')!.message).toMatch(/bad data checksum/);
    expect(problems.find((p) => p.run === 'bad_length_crc')!.message).toMatch(/bad length checksum.*next valid record/);
    expect(logger.lines.filter((l) => l.level === 'warn')).toHaveLength(2);
    expect(mux.status().recordsSkipped).toBe(1);
  });

  it('a record cut off at the end of the newest file is "not yet", not a problem', () => {
    expect(steps('truncated', 'loss')).toEqual(range(100));
    expect(steps('truncated', 'accuracy')).toEqual(range(99));
    expect(steps('truncated_header', 'accuracy')).toEqual(range(99));
    const status = mux.status();
    expect(status.bytesRead).toBeLessThan(status.bytesTotal);
  });

  it('a restarted job without SessionLog keeps every point of both files, as TensorBoard does', () => {
    // Both files are brain.Event:2, so only a SessionLog.START would purge: steps 50-99 appear twice.
    const ref = reference('run=restart&tag=loss.json');
    expect(ref).toHaveLength(200);
    for (const tag of ['loss', 'accuracy']) {
      const ours = mux.provider.readScalars('scalars', 'restart', tag, ALL)!;
      expect(Array.from(ours.step)).toEqual([...range(100), ...range(150).slice(50)]);
    }
    const ours = mux.provider.readScalars('scalars', 'restart', 'loss', ALL)!;
    expect(Array.from(ours.step, (s, i) => [ours.wallTime[i], s, ours.value[i]])).toEqual(ref);
  });

  it('a restart with SessionLog START equals TensorBoard', () => {
    const ref = reference('run=restart_with_sessionlog&tag=loss.json');
    const ours = mux.provider.readScalars('scalars', 'restart_with_sessionlog', 'loss', ALL)!;
    expect(Array.from(ours.step, (s, i) => [ours.wallTime[i], s, ours.value[i]])).toEqual(ref);
  });

  it('keeps out-of-order and duplicate steps within one file, as written', () => {
    expect(steps('special_values', 'out_of_order')).toEqual([10, 5, 20, 15]);
    expect(steps('special_values', 'dup_steps')).toEqual([0, 1, 1, 1, 2]);
    expect(steps('special_values', 'odd_steps')).toEqual([-5, -1, 0, 2147483648, 2 ** 53, 4611686018427387904]);
  });

  it('lists empty runs and runs with only a file version', () => {
    const runs = mux.provider.listRuns();
    expect(runs.find((r) => r.name === 'empty_file')).toEqual({ name: 'empty_file', startTime: null });
    expect(runs.find((r) => r.name === 'only_file_version')!.startTime).toBeGreaterThan(1.7e9);
    expect(mux.provider.listTags('scalars').has('only_file_version')).toBe(false);
  });
});
