import { describe, expect, it } from 'vitest';
import type { PluginInfo } from './api.js';
import { KNOWN_PLUGINS, knownPluginForName, knownPluginForTab } from './known-plugins.js';
import { missingData, runsWithDataOf } from './missing-data.js';

const plugin = (id: string, pluginNames: readonly string[] | null): PluginInfo => ({
  id,
  title: id,
  version: '0.1.0',
  enabled: true,
  disableReload: false,
  removeDom: false,
  usesRunSelector: true,
  frontend: null,
  mechanism: 'NONE',
  pluginNames,
});

describe('the known plugins table', () => {
  it('maps TensorBoard plugin names and tab ids to the package that shows them', () => {
    expect(knownPluginForName('graph_run_metadata')?.packageName).toBe('@tb/plugin-graphs');
    expect(knownPluginForName('pr_curves')?.packageName).toBe('@tb/plugin-pr-curves');
    expect(knownPluginForTab('distributions')?.id).toBe('histograms');
    expect(knownPluginForTab('pytorch_profiler')?.id).toBe('profile');
    expect(knownPluginForTab('nope')).toBeUndefined();
  });

  it('names every package @tb/plugin-* and every plugin name once', () => {
    const names = KNOWN_PLUGINS.flatMap((k) => k.pluginNames);
    expect(new Set(names).size).toBe(names.length);
    for (const k of KNOWN_PLUGINS) expect(k.packageName).toMatch(/^@tb\/plugin-[a-z-]+$/);
  });
});

describe('missingData', () => {
  const counts = { scalars: 17, histograms: 2, graphs: 2, graph_run_metadata: 1, hparams: 12, images: 0, my_thing: 3 };

  it('lists the data no installed plugin reads, per package in tab order, unknown names last', () => {
    const missing = missingData(counts, [plugin('runs_echo', ['scalars']), plugin('tags_echo', ['histograms'])]);
    expect(missing.map((m) => [m.known?.packageName ?? null, m.pluginNames, m.runs])).toEqual([
      ['@tb/plugin-graphs', ['graphs', 'graph_run_metadata'], 2],
      ['@tb/plugin-hparams', ['hparams'], 12],
      [null, ['my_thing'], 3],
    ]);
  });

  it('never suggests a dashboard that is installed, and reads the table when the listing does not say', () => {
    const missing = missingData(counts, [plugin('scalars', null), plugin('graphs', ['graphs']), plugin('hparams', [])]);
    expect(missing.map((m) => m.known?.id ?? m.pluginNames[0])).toEqual(['histograms', 'my_thing']);
  });

  it('counts the runs of a known dashboard over all its plugin names', () => {
    expect(runsWithDataOf(knownPluginForTab('graphs')!, counts)).toBe(2);
    expect(runsWithDataOf(knownPluginForTab('audio')!, counts)).toBe(0);
    expect(runsWithDataOf(knownPluginForTab('audio')!, null)).toBe(0);
  });
});
