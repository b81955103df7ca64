import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SHARED_SINGLETONS, sharedConfig } from '../lib/federation-shared.mjs';
import { federatedRemoteConfig } from '../lib/remote-config.mjs';

const SCALARS = fileURLToPath(new URL('../../plugin-scalars/', import.meta.url));

describe('federatedRemoteConfig', () => {
  it('builds the package in root into outDir, exposing its dashboard as ./Dashboard', () => {
    const config = federatedRemoteConfig({ name: 'tb_plugin_scalars', root: SCALARS, expose: 'src/frontend/Dashboard.tsx', outDir: 'dist/frontend' });
    expect(config.context).toBe(path.resolve(SCALARS));
    expect(config.output?.path).toBe(path.join(SCALARS, 'dist/frontend'));
    expect(config.output?.uniqueName).toBe('tb_plugin_scalars');
    expect(config.mode).toBe('production');
  });

  it('refuses a name that is no identifier, a path that is no string, and an unknown mode', () => {
    const ok = { name: 'tb_x', root: SCALARS, expose: './D.tsx', outDir: 'out' };
    expect(() => federatedRemoteConfig({ ...ok, name: 'tb-x' })).toThrow("name should be a JavaScript identifier such as 'tb_plugin_scalars', found 'tb-x'");
    expect(() => federatedRemoteConfig({ ...ok, outDir: undefined as unknown as string })).toThrow('should be strings');
    expect(() => federatedRemoteConfig({ ...ok, mode: 'fast' as 'production' })).toThrow("found 'fast'");
  });
});

describe('sharedConfig', () => {
  it('gives the remote no copy of a shared singleton, and the host its installed one', () => {
    const remote = sharedConfig('remote', SCALARS);
    const host = sharedConfig('host', SCALARS);
    expect(Object.keys(remote)).toEqual(SHARED_SINGLETONS);
    for (const request of SHARED_SINGLETONS) {
      expect(remote[request]).toMatchObject({ singleton: true, import: false });
      expect(host[request]?.import).toBeUndefined();
      expect(host[request]?.version).toMatch(/^\d+\.\d+\.\d+/);
    }
    // The scalars package asks for preact ~10.29 and @tb/ui through the workspace.
    expect(remote.preact?.requiredVersion).toBe('^10.29.0');
    expect(remote['@tb/ui']?.requiredVersion).toMatch(/^\^0\.1\.\d+$/);
  });
});
