import { describe, expect, it } from 'vitest';
import { exactTagRegex, type ChartSpec, type Point, type RegexAnswer } from './api.js';
import { chartLines, chartRegexes, chartTitle, invalidRegexes } from './chart-series.js';

const pts = (...values: number[]): Point[] => values.map((value, step) => ({ step, wallTime: step, value }));
const answer = (tags: Record<string, Point[]>, valid = true): RegexAnswer => ({ valid, tags: new Map(Object.entries(tags)) });

const multiline: ChartSpec = { title: '', multiline: { tag: ['loss', 'val_.*', 'loss'] } };
const margin: ChartSpec = { title: 'acc', margin: { series: [{ value: 'acc', lower: 'acc_lo', upper: 'acc_hi' }] } };

describe('chartRegexes and chartTitle', () => {
  it('asks for each regex once, and for a margin series its exact tags', () => {
    expect(chartRegexes(multiline, exactTagRegex)).toEqual(['loss', 'val_.*']);
    expect(chartRegexes(margin, exactTagRegex)).toEqual(['acc$', 'acc_lo$', 'acc_hi$']);
    expect(exactTagRegex('a.b(c)[d]+')).toBe('a\\.b\\(c\\)\\[d\\]\\+$');
  });

  it("titles a chart by its own title, else its regexes, else 'untitled'", () => {
    expect(chartTitle(multiline)).toBe('loss, val_.*, loss');
    expect(chartTitle(margin)).toBe('acc');
    expect(chartTitle({ title: '' })).toBe('untitled');
  });
});

describe('chartLines', () => {
  it('draws a line per run and matched tag, each tag once, numbered per run', () => {
    const answers: Record<string, RegexAnswer[]> = {
      a: [answer({ loss: pts(1, 2), 'loss/aux': pts(3) }), answer({ val_loss: pts(4) })],
      b: [answer({ loss: pts(5) }), answer({})],
    };
    const lines = chartLines(multiline, ['a', 'b'], (run) => answers[run] ?? []);
    expect(lines.map((l) => [l.run, l.tag, l.index])).toEqual([
      ['a', 'loss', 0],
      ['a', 'loss/aux', 1],
      ['a', 'val_loss', 2],
      ['b', 'loss', 0],
    ]);
  });

  it("pairs a margin series' bounds with the value's steps, NaN where a bound has no point", () => {
    const answers = [answer({ acc: pts(0.5, 0.6, 0.7) }), answer({ acc_lo: pts(0.4, 0.5) }), answer({ acc_hi: [{ step: 2, wallTime: 0, value: 0.9 }] })];
    const [line] = chartLines(margin, ['a'], () => answers);
    expect(line?.tag).toBe('acc');
    expect([...line!.lower!]).toEqual([0.4, 0.5, NaN]);
    expect([...line!.upper!]).toEqual([NaN, NaN, 0.9]);
    expect(chartLines(margin, ['a'], () => [answer({ acc_lo: pts(1) })])).toEqual([]);
  });
});

it('names the regexes the server found invalid', () => {
  expect(invalidRegexes(['ok', 'bad('], [answer({}), answer({}, false)])).toEqual(['bad(']);
});
