/**
 * The core routes that tell a page what the log root holds: which plugin names have data
 * (and in how many runs), which runs have data of given plugin names, and which plugin
 * names each plugin reads.
 */
import { describe, expect, it } from 'vitest';
import { definePlugin } from '../plugins/define-plugin.js';
import { IS_ACTIVE_WAIT_MS } from './core-routes.js';
import { memoryLogger } from '../logger.js';
import { hostPlugin } from '../testing/host-plugin.js';
import { MemoryProvider } from '../testing/memory-provider.js';

const point = (step: number) => ({ step, wallTime: 100 + step, value: step });
const tensor = { step: 0, wallTime: 100, value: { dtype: 'string' as const, shape: [], numbers: new Float64Array(), strings: [new TextEncoder().encode('g')] } };

const data = new MemoryProvider()
  .addScalars('adam/train', 'loss', [point(0)])
  .addScalars('sgd/train', 'loss', [point(0)])
  .addTensors('adam/train', '__run_graph__', [tensor], { pluginName: 'graphs' })
  .addTensors('sgd/train', '__run_graph__', [tensor], { pluginName: 'graphs' })
  .addTensors('notes', 'about', [{ ...tensor, wallTime: 50 }], { pluginName: 'text' });

const scalarsOnly = definePlugin({ id: 'lines', title: 'Lines', pluginNames: ['scalars'], needs: {}, routes: [] });

describe('core routes about what the log root holds', () => {
  const app = hostPlugin(scalarsOnly, data);

  it('GET /data/plugin_names answers each plugin name with data and its number of runs', async () => {
    expect(await app.json('/data/plugin_names')).toEqual({ graphs: 2, scalars: 2, text: 1 });
  });

  it('GET /data/runs?plugin_name= lists only the runs with tags of those plugin names, in run order', async () => {
    expect(await app.json('/data/runs')).toEqual(['notes', 'adam/train', 'sgd/train']);
    expect(await app.json('/data/runs?plugin_name=scalars')).toEqual(['adam/train', 'sgd/train']);
    expect(await app.json('/data/runs?plugin_name=text&plugin_name=graphs')).toEqual(['notes', 'adam/train', 'sgd/train']);
    expect(await app.json('/data/runs?plugin_name=audio')).toEqual([]);
  });

  it('lists the plugin names each plugin reads', async () => {
    expect(await app.json('/data/plugins_listing')).toMatchObject({ lines: { plugin_names: ['scalars'], enabled: true } });
  });

  it('lists a plugin whose isActive does not answer (a store that hangs) as inactive, without holding up the others', async () => {
    const stuck = definePlugin({ id: 'stuck', title: 'Stuck', pluginNames: ['x'], needs: {}, routes: [], isActive: () => new Promise<boolean>(() => {}) });
    const logger = memoryLogger();
    const both = hostPlugin([stuck, scalarsOnly], data, { logger });
    const t0 = performance.now();
    expect(await both.json('/data/plugins_listing')).toMatchObject({ stuck: { enabled: false }, lines: { enabled: true } });
    expect(performance.now() - t0).toBeGreaterThanOrEqual(IS_ACTIVE_WAIT_MS - 50);
    expect(logger.lines.map((l) => l.message)).toContain(`plugin 'stuck': isActive did not answer within ${IS_ACTIVE_WAIT_MS} ms; shown as inactive for now`);
  });
});
