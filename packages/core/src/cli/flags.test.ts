import { describe, expect, it } from 'vitest';
import { FlagError, parsePathPrefix, parseServeFlags, serveHelp } from './flags.js';

describe('parseServeFlags', () => {
  it("has TensorBoard's defaults", () => {
    expect(parseServeFlags(['--logdir', 'logs'])).toEqual({
      logdir: 'logs',
      logdirSpec: undefined,
      s3: {},
      port: 6006,
      host: '127.0.0.1',
      bindAll: false,
      reloadInterval: 5,
      samplesPerPlugin: {},
      pathPrefix: '',
      windowTitle: '',
      plugins: [],
      computeBackend: 'auto',
    });
  });

  it('reads the object-storage flags and says what a wrong one should be', () => {
    expect(parseServeFlags(['--logdir', 's3://bkt/x', '--s3_endpoint', 'https://minio.lab:9000', '--s3_addressing', 'path']).s3).toEqual({
      endpoint: 'https://minio.lab:9000',
      forcePathStyle: true,
    });
    expect(() => parseServeFlags(['--logdir', 'l', '--s3_endpoint', 'minio:9000'])).toThrow(
      "--s3_endpoint should be an http:// or https:// URL such as http://127.0.0.1:9000, found 'minio:9000'",
    );
    expect(() => parseServeFlags(['--logdir', 'l', '--s3_addressing', 'dns'])).toThrow("--s3_addressing should be path or virtual, found 'dns'");
    expect(() => parseServeFlags(['--logdir', 'l', '--s3_region', 'eu west'])).toThrow(/--s3_region should be a region name/);
  });

  it('reads --compute_backend and names the choices for a wrong one', () => {
    expect(parseServeFlags(['--logdir', 'l', '--compute_backend', 'wasm']).computeBackend).toBe('wasm');
    expect(() => parseServeFlags(['--logdir', 'l', '--compute_backend', 'webgl'])).toThrow(
      "--compute_backend: compute backend should be auto, tfjs-node-gpu, tfjs-node, wasm, cpu; found 'webgl'",
    );
  });

  it('reads every flag, in --flag value and --flag=value forms', () => {
    const f = parseServeFlags([
      '--logdir_spec=a:/x,b:/y',
      '--port', '0',
      '--host=0.0.0.0',
      '--reload_interval', '0.5',
      '--samples_per_plugin', 'scalars=1000,images=50',
      '--path_prefix', 'tb/',
      '--window_title', 'My runs',
      '--plugins', 'scalars, projector',
    ]);
    expect(f).toMatchObject({
      logdirSpec: 'a:/x,b:/y',
      port: 0,
      host: '0.0.0.0',
      reloadInterval: 0.5,
      samplesPerPlugin: { scalars: 1000, images: 50 },
      pathPrefix: '/tb',
      windowTitle: 'My runs',
      plugins: ['scalars', 'projector'],
    });
  });

  it('reads the = form of every flag that takes a value', () => {
    expect(
      parseServeFlags([
        '--logdir=logs',
        '--port=0',
        '--host=::1',
        '--reload_interval=0',
        '--samples_per_plugin=images=50,scalars=1000',
        '--path_prefix=/tb/',
        '--window_title=a=b',
        '--plugins=images,scalars',
        '--compute_backend=cpu',
        '--s3_endpoint=http://127.0.0.1:9000',
        '--s3_addressing=virtual',
        '--s3_region=eu-west-1',
      ]),
    ).toEqual({
      logdir: 'logs',
      logdirSpec: undefined,
      s3: { endpoint: 'http://127.0.0.1:9000', forcePathStyle: false, region: 'eu-west-1' },
      port: 0,
      host: '::1',
      bindAll: false,
      reloadInterval: 0,
      samplesPerPlugin: { images: 50, scalars: 1000 },
      pathPrefix: '/tb',
      windowTitle: 'a=b',
      plugins: ['images', 'scalars'],
      computeBackend: 'cpu',
    });
  });

  it('--bind_all binds every interface', () => {
    expect(parseServeFlags(['--bind_all'])).toMatchObject({ bindAll: true, host: '::' });
    expect(parseServeFlags([])).toMatchObject({ bindAll: false, host: '127.0.0.1' });
  });

  it('keeps the last value of a repeated flag, as TensorBoard does', () => {
    expect(parseServeFlags(['--port', '1', '--port=2', '--plugins', 'a', '--plugins', 'b', '--bind_all', '--bind_all'])).toMatchObject({
      port: 2,
      plugins: ['b'],
      bindAll: true,
    });
  });

  it("takes --help (main shows the help before parsing) and a value that starts with '-'", () => {
    expect(parseServeFlags(['--logdir', 'l', '--help']).logdir).toBe('l');
    expect(parseServeFlags(['--window_title', '-x-']).windowTitle).toBe('-x-');
  });

  it.each([
    [['--port', 'abc'], /--port should be a number from 0 to 65535, found 'abc'/],
    [['--port', '70000'], /--port should be a number/],
    [['--reload_interval', '-1'], /--reload_interval should be a number of seconds >= 0, found '-1'/],
    [['--samples_per_plugin', 'scalars'], /should be plugin=count/],
    [['--logdir', 'a', '--logdir_spec', 'b:c'], /not both/],
    [['--host', 'x', '--bind_all'], /--host or --bind_all/],
    [['--colour', 'red'], /^unknown flag --colour; see tb-core serve --help$/],
    [['--bind-all'], /^unknown flag --bind-all \(did you mean --bind_all\?\); see tb-core serve --help$/],
    [['--logdir'], /--logdir needs a value \(DIR\)/],
    [['--logdir', '--port', '0'], /^--logdir needs a value \(DIR\), found the flag --port/],
    [['--samples_per_plugin'], /^--samples_per_plugin needs a value \(SPEC\)$/],
    [['--bind_all=yes'], /^--bind_all takes no value, found 'yes'$/],
    [['logs'], /unexpected argument 'logs'/],
    [['--port', '-1'], /^--port should be a number from 0 to 65535, found '-1'$/],
    [['--port=8080.5'], /^--port should be a number from 0 to 65535, found '8080.5'$/],
    [['--reload_interval=soon'], /^--reload_interval should be a number of seconds >= 0, found 'soon'$/],
    [['--path_prefix', '/a/../b'], /--path_prefix should be a URL path/],
  ])('refuses %j saying why', (args, message) => {
    expect(() => parseServeFlags(args)).toThrow(FlagError);
    expect(() => parseServeFlags(args)).toThrow(message);
  });

  it('normalizes path prefixes', () => {
    expect(parsePathPrefix('/')).toBe('');
    expect(parsePathPrefix('/tensorboard/')).toBe('/tensorboard');
    expect(parsePathPrefix('a/b')).toBe('/a/b');
  });

  it('documents every flag in the help', () => {
    for (const name of ['logdir', 'logdir_spec', 'port', 'host', 'bind_all', 'reload_interval', 'samples_per_plugin', 'path_prefix', 'window_title', 'plugins', 'compute_backend']) {
      expect(serveHelp()).toContain(`--${name}`);
    }
  });
});
