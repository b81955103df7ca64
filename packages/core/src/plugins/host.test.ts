import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { memoryLogger } from '../logger.js';
import { definePlugin, PluginError, type Plugin } from './define-plugin.js';
import { hostPlugins, ServiceRegistry, TAB_ORDER, type PluginCandidate } from './host.js';
import { ComputeRunnerToken, LoggerToken, token } from './tokens.js';

const plugin = (id: string, needs = {}, aliases?: string[]): Plugin =>
  definePlugin({ id, title: id, pluginNames: [id], needs, routes: [], ...(aliases ? { aliases } : {}) });
const candidate = (p: Plugin, packageName = p.id): PluginCandidate => ({ plugin: p, packageName, version: '1.0.0' });
const handler = () => 'ok';

describe('definePlugin', () => {
  it.each(['Scalars', '1abc', '', 'a b', 'x'.repeat(65), '../up'])('refuses the id %j, naming it', (id) => {
    expect(() => plugin(id)).toThrow(PluginError);
    expect(() => plugin(id)).toThrow(`plugin id '${id}' is invalid`);
  });

  it('refuses a missing title, naming the plugin', () => {
    expect(() => definePlugin({ id: 'a', title: ' ', pluginNames: [], needs: {}, routes: [] })).toThrow("plugin 'a': title");
  });

  it('refuses routes that cannot be mounted, at definition, naming the route', () => {
    const define = (routes: unknown) => () => definePlugin({ id: 'a', title: 'A', pluginNames: [], needs: {}, routes: routes as [] });
    expect(define(() => undefined)).toThrow("plugin 'a': routes should be a list of { method, path, handler }, found function");
    expect(define([{ method: 'PATCH', path: '/x', handler }])).toThrow("plugin 'a': routes[0]: method should be GET, POST, PUT or DELETE, found 'PATCH'");
    expect(define([{ method: 'GET', path: 'x', handler }])).toThrow("routes[0]: path should start with '/'");
    expect(define([{ method: 'GET', path: '/jobs/a:b', handler }])).toThrow("routes[0]: path should start with '/' and hold only letters, digits, '_', '-', '.', '/' and ':name' parameter segments, found '/jobs/a:b'");
    expect(define([{ method: 'GET', path: '/jobs/:id/events', handler }])).not.toThrow();
    expect(define([{ method: 'GET', path: '/x' }])).toThrow('routes[0] (GET /x): handler is missing');
    expect(define([{ method: 'GET', path: '/x', handler }, { method: 'GET', path: '/x', handler }])).toThrow('routes[1]: GET /x is defined twice');
    expect(define([{ method: 'GET', path: '/x', query: { run: 'string' }, handler }])).toThrow('routes[0] (GET /x): query should be a Standard Schema');
    expect(define([{ method: 'GET', path: '/x', query: z.object({}), handler }, { method: 'POST', path: '/x', handler }])).not.toThrow();
  });

  it('refuses an alias that is not another valid id', () => {
    expect(() => plugin('a', {}, ['a'])).toThrow("plugin 'a': alias 'a' should be another valid plugin id");
    expect(() => plugin('a', {}, ['Bad'])).toThrow("alias 'Bad'");
  });
});

describe('hostPlugins', () => {
  const logger = memoryLogger();
  const services = new ServiceRegistry().provide(LoggerToken, logger);

  it('gives each plugin exactly the services it names, with its package version', () => {
    const [hosted] = hostPlugins([candidate(plugin('a', { log: LoggerToken }), 'pa')], [], services);
    expect(Object.keys(hosted!.deps)).toEqual(['log']);
    expect(hosted!.deps['log']).toBe(logger);
    expect(hosted!.version).toBe('1.0.0');
  });

  it('refuses a missing service at start-up, naming plugin, package and token', () => {
    expect(() => hostPlugins([candidate(plugin('a', { compute: ComputeRunnerToken }), 'pa')], [], services)).toThrow(
      "plugin 'a' (pa) needs @tb/core:ComputeRunner (as needs.compute), which this @tb/core does not provide",
    );
    const custom = token<number>('@acme/x:Answer', 'the answer');
    expect(() => hostPlugins([candidate(plugin('b', { n: custom }), 'pb')], [], services)).toThrow(/@acme\/x:Answer/);
  });

  it('refuses two plugins with one id, or an alias taken by another plugin, naming both packages', () => {
    expect(() => hostPlugins([candidate(plugin('a'), 'first'), candidate(plugin('a'), 'second')], [], services)).toThrow(
      "two plugins claim the id 'a': first and second; uninstall one",
    );
    expect(() => hostPlugins([candidate(plugin('distributions'), 'dist'), candidate(plugin('histograms', {}, ['distributions']), 'hist')], [], services)).toThrow(
      "two plugins claim the id 'distributions': dist and hist (as an alias of 'histograms')",
    );
  });

  it("orders tabs as TensorBoard does, third-party plugins after, in the order found", () => {
    const ids = ['zeta', 'projector', 'hparams', 'histograms', 'alpha', 'images', 'scalars', 'graphs'];
    const hosted = hostPlugins(ids.map((id) => candidate(plugin(id))), [], services);
    expect(hosted.map((h) => h.plugin.id)).toEqual(['scalars', 'images', 'graphs', 'histograms', 'hparams', 'projector', 'zeta', 'alpha']);
    expect(TAB_ORDER.indexOf('distributions')).toBeLessThan(TAB_ORDER.indexOf('histograms'));
  });

  it('--plugins keeps only the named plugins, in that order, and lists the installed ones for an unknown name', () => {
    const candidates = ['a', 'b', 'c'].map((id) => candidate(plugin(id)));
    expect(hostPlugins(candidates, ['c', 'a'], services).map((h) => h.plugin.id)).toEqual(['c', 'a']);
    expect(() => hostPlugins(candidates, ['a', 'zz'], services)).toThrow("--plugins names 'zz', which is not installed; installed: a, b, c");
  });
});
