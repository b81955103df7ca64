import { describe, expect, it } from 'vitest';
import { REMOTE_NAME_PATTERN, remoteNameOf } from '../lib/remote-name.mjs';

describe('remoteNameOf', () => {
  it('derives the remote name from the package name', () => {
    expect(remoteNameOf('@tb/plugin-scalars')).toBe('tb_plugin_scalars');
    expect(remoteNameOf('@tb/plugin-histograms')).toBe('tb_plugin_histograms');
    expect(remoteNameOf('@acme/tb-plugin-foo')).toBe('acme_tb_plugin_foo');
    expect(remoteNameOf('tb-plugin-e2e-runs-echo')).toBe('tb_plugin_e2e_runs_echo');
  });

  it('lower-cases, turns every other character into _, and drops leading _', () => {
    expect(remoteNameOf('@Acme/TB-Plugin.Foo~bar')).toBe('acme_tb_plugin_foo_bar');
    expect(remoteNameOf('__tb_plugin_x')).toBe('tb_plugin_x');
    expect(remoteNameOf('@_a/b')).toBe('a_b');
    expect(remoteNameOf('tb-plugin-3d')).toBe('tb_plugin_3d');
  });

  it('always gives a JavaScript identifier', () => {
    for (const name of ['@tb/plugin-scalars', '@acme/tb-plugin-foo', 'x', 'tb-plugin-a.b']) {
      expect(remoteNameOf(name)).toMatch(REMOTE_NAME_PATTERN);
    }
  });

  it('refuses a name that gives no identifier, saying what it found', () => {
    expect(() => remoteNameOf('3d-viewer')).toThrow(/'3d-viewer' gives the remote name '3d_viewer'/);
    expect(() => remoteNameOf('@/-')).toThrow(/not a JavaScript identifier/);
    expect(() => remoteNameOf('')).toThrow(/expected a package name/);
  });
});
