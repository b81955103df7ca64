import { describe, expect, it } from 'vitest';
import { asksForHelp, flagHelp, HELP_FLAG, numberFlag, parsedFlag, parseFlags, type FlagTable } from './args.js';
import { FlagError } from './flag-error.js';

const TABLE = {
  logdir: { type: 'string', value: 'DIR', help: 'Where the logs are.' },
  reload_interval: { type: 'string', value: 'SECONDS', help: 'How often to look.' },
  bind_all: { type: 'boolean', help: 'Every interface.' },
  help: HELP_FLAG,
} as const satisfies FlagTable;

const parse = (...args: string[]) => parseFlags('tb-core test', TABLE, args);

describe('parseFlags', () => {
  it('reads --flag value and --flag=value, and leaves flags not given out', () => {
    expect(parse('--logdir', 'a', '--reload_interval=2')).toEqual({ logdir: 'a', reload_interval: '2' });
    expect(parse('--logdir=a=b')).toEqual({ logdir: 'a=b' });
    expect(parse('--logdir=')).toEqual({ logdir: '' });
    expect(parse()).toEqual({});
  });

  it('takes a value that starts with one dash, as TensorBoard does', () => {
    expect(parse('--reload_interval', '-1')).toEqual({ reload_interval: '-1' });
    expect(parse('--logdir=--odd')).toEqual({ logdir: '--odd' });
  });

  it('keeps the last of a repeated flag', () => {
    expect(parse('--logdir', 'a', '--logdir=b', '--bind_all', '--bind_all')).toEqual({ logdir: 'b', bind_all: true });
  });

  it('reads a switch as true, and refuses a value given to it', () => {
    expect(parse('--bind_all').bind_all).toBe(true);
    expect(parse('--logdir', 'a').bind_all).toBeUndefined();
    expect(() => parse('--bind_all=false')).toThrow(new FlagError("--bind_all takes no value, found 'false'"));
  });

  it.each([
    [['--colour', 'red'], 'unknown flag --colour; see tb-core test --help'],
    [['--colour=red'], 'unknown flag --colour; see tb-core test --help'],
    [['--bind-all'], 'unknown flag --bind-all (did you mean --bind_all?); see tb-core test --help'],
    [['-logdir', 'x'], 'unknown flag -logdir (did you mean --logdir?); see tb-core test --help'],
    [['-p'], 'unknown flag -p; see tb-core test --help'],
    [['--logdir'], '--logdir needs a value (DIR)'],
    [['--logdir', '--bind_all'], '--logdir needs a value (DIR), found the flag --bind_all; write --logdir=--bind_all if that is the value'],
    [['logs'], "unexpected argument 'logs' for tb-core test; flags start with -- (see tb-core test --help)"],
    [['--logdir', 'a', 'b'], "unexpected argument 'b' for tb-core test; flags start with -- (see tb-core test --help)"],
    [['--', 'x'], "unexpected argument '--' for tb-core test; flags start with -- (see tb-core test --help)"],
  ])('refuses %j: %s', (args, message) => {
    expect(() => parse(...args)).toThrow(FlagError);
    expect(() => parse(...args)).toThrow(message);
  });

  it('does not take Object.prototype names for flags', () => {
    expect(() => parse('--constructor')).toThrow('unknown flag --constructor');
  });
});

describe('asksForHelp', () => {
  it('finds --help anywhere, even beside a bad flag, but not as a value', () => {
    expect(asksForHelp(TABLE, ['--help'])).toBe(true);
    expect(asksForHelp(TABLE, ['--colour', 'red', '--help'])).toBe(true);
    expect(asksForHelp(TABLE, ['--logdir', '--help'])).toBe(false);
    expect(asksForHelp(TABLE, ['--logdir', 'a'])).toBe(false);
  });
});

describe('flagHelp', () => {
  it('lists every flag with its value name, in columns', () => {
    expect(flagHelp(TABLE).split('\n')).toEqual([
      '  --logdir DIR               Where the logs are.',
      '  --reload_interval SECONDS  How often to look.',
      '  --bind_all                 Every interface.',
      '  --help                     Show this help.',
    ]);
  });
});

describe('numberFlag', () => {
  const port = { min: 0, max: 65535, integer: true, expected: 'a number from 0 to 65535' };
  it('reads numbers in range', () => {
    expect(numberFlag('port', '0', port)).toBe(0);
    expect(numberFlag('port', '65535', port)).toBe(65535);
    expect(numberFlag('reload_interval', '0.5', { min: 0, expected: 'seconds' })).toBe(0.5);
  });
  it.each(['', ' ', 'abc', '-1', '65536', '1.5', '0x10', '1e3', 'Infinity'])('refuses %j saying what was expected and found', (value) => {
    expect(() => numberFlag('port', value, port)).toThrow(new FlagError(`--port should be a number from 0 to 65535, found '${value}'`));
  });
});

describe('parsedFlag', () => {
  it("names the flag in the parser's error unless the message already does", () => {
    const fail = (message: string) => () => {
      throw new RangeError(message);
    };
    expect(() => parsedFlag('compute_backend', 'x', fail("found 'x'"))).toThrow(new FlagError("--compute_backend: found 'x'"));
    expect(() => parsedFlag('samples_per_plugin', 'x', fail('--samples_per_plugin entry x'))).toThrow(new FlagError('--samples_per_plugin entry x'));
    expect(parsedFlag('n', '3', Number)).toBe(3);
  });
});
