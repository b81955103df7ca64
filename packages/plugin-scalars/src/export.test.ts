import { NotFoundError } from '@tb/core/plugin';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportCsv } from './export.js';
import { readSeries } from './series.js';
import { type LoadedLogRoot, corpusPath, loadLogRoot, MemoryProvider } from '@tb/core/testing';
import { parseCsv } from './testing/parse-csv.js';

describe('exportCsv on the edge corpus', () => {
  let mux: LoadedLogRoot;
  beforeAll(async () => {
    mux = await loadLogRoot(corpusPath('edge'));
  });
  afterAll(() => mux.close());

  it('reads back to the same names and values for unicode tags', () => {
    const tags = ['tab\tname', 'percent%20encoded&x=1?y#z', 'loss 🚀', '損失/訓練'];
    const rows = parseCsv(exportCsv(mux.provider, { runs: ['unicode_tags', 'ünïcødé run ✓'], tags: [...tags, 'loss'] }));
    expect(rows[0]).toEqual(['run', 'tag', 'step', 'wall_time', 'value']);
    for (const [run, tag] of [...tags.map((t) => ['unicode_tags', t] as const), ['ünïcødé run ✓', 'loss'] as const]) {
      const series = readSeries(mux.provider, run, tag);
      const mine = rows.filter((r) => r[0] === run && r[1] === tag);
      expect(mine.map((r) => Number(r[2])), tag).toEqual([...series.step]);
      expect(mine.map((r) => Number(r[3])), tag).toEqual([...series.wallTime]);
      expect(mine.map((r) => Number(r[4])), tag).toEqual([...series.value]);
    }
    expect(rows).toHaveLength(1 + 5 * 5);
  });

  it('exports every run and tag when none are named, and writes non-finite values as Python does', () => {
    const csv = exportCsv(mux.provider, {});
    const rows = parseCsv(csv);
    const total = [...mux.provider.listTags('scalars')].reduce((n, [, tags]) => n + [...tags.values()].reduce((m, t) => m + t.count, 0), 0);
    expect(rows).toHaveLength(1 + total);
    expect(rows.filter((r) => r[0] === 'special_values' && r[1] === 'special').map((r) => r[4])).toEqual(
      ['nan', 'inf', '-inf', '0.0', 'inf', '-0.0', '1.401298464324817e-45', '3.3999999521443642e+38'],
    );
    expect(rows.filter((r) => r[0] === 'special_values' && r[1] === 'odd_steps').map((r) => r[2])).toContain('4611686018427387904');
  });

  it('selects tags by regex, added to the named ones', () => {
    const rows = parseCsv(exportCsv(mux.provider, { runs: ['unicode_tags', 'special_values'], tags: ['special'], tagRegex: /^mixed\// }));
    expect(new Set(rows.slice(1).map((r) => `${r[0]}|${r[1]}`))).toEqual(new Set(['unicode_tags|mixed/日本語/ascii', 'special_values|special']));
  });

  it('refuses an unknown run or a tag no selected run has', () => {
    expect(() => exportCsv(mux.provider, { runs: ['nope'] })).toThrow(NotFoundError);
    expect(() => exportCsv(mux.provider, { runs: ['nope'] })).toThrow('cannot export run "nope": expected a run with scalars, found none by that name');
    expect(() => exportCsv(mux.provider, { runs: ['truncated'], tags: ['loss 🚀'] })).toThrow(/cannot export tag "loss 🚀".*found it in none/);
  });
});

describe('exportCsv quoting', () => {
  it('quotes names with commas, quotes and newlines so they read back intact', () => {
    const names = { run: 'lr=0.1, "fast"', tag: 'multi\nline,tag' };
    const data = new MemoryProvider().addScalars(names.run, names.tag, [{ wallTime: 1.5, step: 3, value: 0.25 }]);
    const csv = exportCsv(data, {});
    expect(csv).toBe('run,tag,step,wall_time,value\r\n"lr=0.1, ""fast""","multi\nline,tag",3,1.5,0.25\r\n');
    expect(parseCsv(csv)[1]).toEqual([names.run, names.tag, '3', '1.5', '0.25']);
  });
});
