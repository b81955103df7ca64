import { describe, expect, it } from 'vitest';
import { loadDemo } from './demo-module.js';
import { FlagError } from './flag-error.js';

/** What Node throws for `import('<specifier>')` of a package that is not installed. */
function notFound(specifier: string): Error {
  return Object.assign(new Error(`Cannot find package '${specifier}' imported from /x/dist/cli/demo-module.js`), { code: 'ERR_MODULE_NOT_FOUND' });
}

describe('loadDemo', () => {
  it('loads the @tb/demo of this workspace, which has what core uses', async () => {
    const demo = await loadDemo('the demo command needs the @tb/demo package');
    expect(typeof demo.writeDemo).toBe('function');
  });

  it('says what to install, and that --logdir needs no demo, when @tb/demo is missing', async () => {
    const attempt = loadDemo('the demo command needs the @tb/demo package', async (specifier) => {
      throw notFound(specifier);
    });
    await expect(attempt).rejects.toBeInstanceOf(FlagError);
    await expect(attempt).rejects.toThrow(
      'the demo command needs the @tb/demo package, which is not installed: install it beside @tb/core with `npm i @tb/demo`. ' +
        'Your own logs need no demo: tb-core serve --logdir DIR',
    );
  });

  it('passes on the error when @tb/demo is there but something it imports is not', async () => {
    const broken = notFound('fast-png');
    await expect(loadDemo('x', async () => { throw broken; })).rejects.toBe(broken);
  });

  it('refuses a module without writeDemo, naming what it found', async () => {
    await expect(loadDemo('x', async () => ({ runDemo() {} }))).rejects.toThrow(
      '@tb/demo should export a function writeDemo(logdir, options), found undefined',
    );
  });
});
