import { describe, expect, it } from 'vitest';
import { cardDownloads, fileName } from './downloads.js';

const url = (r: string) => `/data/plugin/scalars/${r}`;

describe('cardDownloads', () => {
  it('offers the all-runs files and, with few runs, each run\'s', () => {
    const items = cardDownloads(url, 'train/loss', ['adam', 'sgd'], () => {});
    expect(items.map((i) => i.label)).toEqual(['CSV (all runs)', 'JSON (all runs)', 'CSV · adam', 'JSON · adam', 'CSV · sgd', 'JSON · sgd']);
    expect(items[0]).toMatchObject({ href: '/data/plugin/scalars/export?runs=adam&runs=sgd&tags=train%2Floss', filename: 'train_loss.csv' });
    expect(items[3]).toMatchObject({ href: '/data/plugin/scalars/scalars?run=adam&tag=train%2Floss', filename: 'adam-train_loss.json' });
  });

  it('keeps the menu short with many runs', () => {
    const runs = Array.from({ length: 20 }, (_, i) => `run${i}`);
    expect(cardDownloads(url, 't', runs, () => {}).length).toBe(2);
    expect(cardDownloads(url, 't', ['only'], () => {}).map((i) => i.label)).toEqual(['CSV', 'JSON']);
  });

  it('makes safe file names', () => {
    expect(fileName('a/b c', 'ünï/x')).toBe('a_b_c-ünï_x');
    expect(fileName('//')).toBe('_');
  });
});
