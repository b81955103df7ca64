import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main, version } from './main.js';

describe('main', () => {
  let stdout = '';
  let stderr = '';
  beforeEach(() => {
    stdout = '';
    stderr = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  });
  afterEach(() => vi.restoreAllMocks());

  it('--version prints the version', async () => {
    expect(await main(['--version'])).toBe(0);
    expect(stdout).toBe(`${version()}\n`);
  });

  it.each([[['--help']], [['help']], [['serve', '--help']], [['serve', '--colour', 'red', '--help']]])('%j prints the help', async (args) => {
    expect(await main(args)).toBe(0);
    expect(stdout).toContain('Usage: tb-core <command> [flags]');
    expect(stdout).toContain('--logdir_spec NAME:DIR,...');
    expect(stderr).toBe('');
  });

  it("each command's --help is its own", async () => {
    expect(await main(['demo', '--help'])).toBe(0);
    expect(stdout).toContain('Usage: tb-core demo [--logdir DIR] [--compute_backend NAME]');
    stdout = '';
    expect(await main(['inspect', '--logdir=x', '--help'])).toBe(0);
    expect(stdout).toContain('Usage: tb-core inspect --logdir DIR');
  });

  it.each([
    [['--verbose'], 'tb-core: unknown flag --verbose; see tb-core --help\n'],
    [['serve', '--port', 'x'], "tb-core: --port should be a number from 0 to 65535, found 'x'\n"],
    [['serve', '--logdir'], 'tb-core: --logdir needs a value (DIR)\n'],
    [['demo', '--logdir', 'a', 'b'], "tb-core: unexpected argument 'b' for tb-core demo; flags start with -- (see tb-core demo --help)\n"],
    [['inspect', '--port=1'], 'tb-core: unknown flag --port; see tb-core inspect --help\n'],
    [['nope'], "tb-core: unknown command 'nope'; expected serve, demo or inspect (tb-core --help)\n"],
  ])('%j exits with 2 saying why', async (args, message) => {
    expect(await main(args)).toBe(2);
    expect(stderr).toBe(message);
    expect(stdout).toBe('');
  });

  it('no command: the help on stderr, status 2', async () => {
    expect(await main([])).toBe(2);
    expect(stderr).toContain('Usage: tb-core <command> [flags]');
  });
});
