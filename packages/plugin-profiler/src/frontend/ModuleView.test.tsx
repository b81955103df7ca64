// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { $, $$, click, mount, openView, q, referenceAnswer, RUN0, server, setUp, tearDown } from './harness.js';
import type { ModuleAnswer } from './module-tree.js';

beforeEach(setUp);
afterEach(tearDown);

const modules: ModuleAnswer = {
  columns: [
    { name: 'Module Name', type: 'string', key: 'name' },
    { name: 'Occurences', type: 'number', key: 'occurences' },
    { name: 'Host Total Duration (us)', type: 'number', key: 'host_duration' },
  ],
  data: [{ name: 'ResNet', occurences: 6, host_duration: 120000, children: [{ name: 'layer1', occurences: 6, host_duration: 40000, children: [{ name: 'Bottleneck', occurences: 18, host_duration: 30000 }] }] }],
};

describe('Module view', () => {
  it('shows the module tree, a level at a time', async () => {
    const views = referenceAnswer(`views?run=${RUN0}`) as string[];
    server.overrides.views = () => [...views, 'Module'];
    server.overrides.module = () => modules;
    await mount();
    await openView('Module');
    expect($$('[data-module]').map((r) => r.dataset.module)).toEqual(['0']);
    expect($('module-view')!.querySelector('[data-module="0"]')!.textContent).toContain('120,000');
    await click($('module-view')!.querySelector('[data-module="0"] button'));
    await click($('module-view')!.querySelector('[data-module="0.0"] button'));
    expect($$('[data-module]').map((r) => r.dataset.module)).toEqual(['0', '0.0', '0.0.0']);
    expect($('module-view')!.querySelector('[data-module="0.0.0"]')!.textContent).toContain('Bottleneck');
  });

  it("shows the server's message when the profile has no module data", async () => {
    const views = referenceAnswer(`views?run=${RUN0}`) as string[];
    server.overrides.views = () => [...views, 'Module'];
    await mount();
    await openView('Module');
    expect(() => referenceAnswer(`module?${q(RUN0)}`)).toThrow(/could not find the run/);
    expect($('module-error')!.textContent).toContain('could not find the run for resnet50_num_workers_0/worker0/1');
  });
});
