import { describe, expect, it } from 'vitest';
import { memoryLogger } from '../logger.js';
import { definePlugin, PluginError, type Plugin } from './define-plugin.js';
import { hostPlugins, ServiceRegistry } from './host.js';
import { ComputeRunnerToken, LoggerToken, token } from './tokens.js';

const plugin = (id: string, needs = {}): Plugin =>
  definePlugin({ id, version: '0.1.0', title: id, pluginNames: [id], needs, routes() {} });

describe('definePlugin', () => {
  it.each(['Scalars', '1abc', '', 'a b', 'x'.repeat(65), '../up'])('refuses the id %j, naming it', (id) => {
    expect(() => plugin(id)).toThrow(PluginError);
    expect(() => plugin(id)).toThrow(`plugin id '${id}' is invalid`);
  });

  it('refuses a missing title or version, naming the plugin', () => {
    expect(() => definePlugin({ id: 'a', version: 'x', title: 'A', pluginNames: [], needs: {}, routes() {} })).toThrow(
      "plugin 'a': version should be",
    );
    expect(() => definePlugin({ id: 'a', version: '1.0.0', title: ' ', pluginNames: [], needs: {}, routes() {} })).toThrow(
      "plugin 'a': title",
    );
  });
});

describe('hostPlugins', () => {
  const logger = memoryLogger();
  const services = new ServiceRegistry().provide(LoggerToken, logger);

  it('gives each plugin exactly the services it names', () => {
    const [hosted] = hostPlugins([{ plugin: plugin('a', { log: LoggerToken }), packageName: 'pa' }], [], services);
    expect(Object.keys(hosted!.deps)).toEqual(['log']);
    expect(hosted!.deps['log']).toBe(logger);
  });

  it('refuses a missing service at start-up, naming plugin, package and token', () => {
    expect(() => hostPlugins([{ plugin: plugin('a', { compute: ComputeRunnerToken }), packageName: 'pa' }], [], services)).toThrow(
      "plugin 'a' (pa) needs @tb/core:ComputeRunner (as needs.compute), which this @tb/core does not provide",
    );
    const custom = token<number>('@acme/x:Answer', 'the answer');
    expect(() => hostPlugins([{ plugin: plugin('b', { n: custom }), packageName: 'pb' }], [], services)).toThrow(/@acme\/x:Answer/);
  });

  it('refuses two plugins with one id, naming both packages', () => {
    expect(() =>
      hostPlugins([{ plugin: plugin('a'), packageName: 'first' }, { plugin: plugin('a'), packageName: 'second' }], [], services),
    ).toThrow("two plugins have the id 'a': first and second");
  });

  it('--plugins keeps only the named plugins, in that order, and lists the installed ones for an unknown name', () => {
    const candidates = ['a', 'b', 'c'].map((id) => ({ plugin: plugin(id), packageName: id }));
    expect(hostPlugins(candidates, ['c', 'a'], services).map((h) => h.plugin.id)).toEqual(['c', 'a']);
    expect(() => hostPlugins(candidates, ['a', 'zz'], services)).toThrow(
      "--plugins names 'zz', which is not installed; installed: a, b, c",
    );
  });
});
