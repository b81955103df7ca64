/**
 * The flag parsing every `tb-core` command shares, on `node:util`'s `parseArgs`: each
 * command declares one table of its flags (TensorBoard's names), and this reads
 * `--flag value`, `--flag=value` and switches such as `--bind_all`, refusing anything
 * else with a {@link FlagError} that says what was expected and what was found.
 *
 * parseArgs runs in its token mode rather than with `strict: true`: strict mode's
 * messages name no expectation, and it refuses a value that starts with a dash
 * (`--reload_interval -1`), which TensorBoard's flags take as the value. The checks it
 * would make (unknown flags, stray arguments, missing values, a value given to a
 * switch) are made here on the tokens, with our messages. A repeated flag's last value
 * wins, as in TensorBoard.
 */
import { parseArgs } from 'node:util';
import { FlagError } from './flag-error.js';

/** One flag: a string that takes a value (`value` names it in the help), or a switch. */
export type FlagSpec =
  | { readonly type: 'string'; readonly value: string; readonly help: string }
  | { readonly type: 'boolean'; readonly help: string };

/** A command's flags by name, without the leading `--`, in the order the help lists them. */
export type FlagTable = Readonly<Record<string, FlagSpec>>;

/** What {@link parseFlags} read: a string per string flag given, `true` per switch given. */
export type FlagValues<T extends FlagTable> = {
  -readonly [K in keyof T]?: T[K] extends { readonly type: 'boolean' } ? boolean : string;
};

/** `--help`, which every command takes. */
export const HELP_FLAG = { type: 'boolean', help: 'Show this help.' } as const satisfies FlagSpec;

/**
 * Reads `args` against `table`; `command` (e.g. `tb-core serve`) is named in errors.
 *
 * @example
 * parseFlags('tb-core demo', { logdir: { type: 'string', value: 'DIR', help: '...' } }, ['--logdir=out']);
 * // -> { logdir: 'out' }
 */
export function parseFlags<T extends FlagTable>(command: string, table: T, args: readonly string[]): FlagValues<T> {
  const values: Record<string, string | boolean> = {};
  for (const token of tokenize(table, args)) {
    if (token.kind === 'option-terminator') throw unexpected(command, '--');
    if (token.kind === 'positional') throw unexpected(command, token.value);
    const spec = Object.hasOwn(table, token.name) ? table[token.name] : undefined;
    if (spec === undefined) throw new FlagError(unknownFlag(command, args[token.index]!, table));
    if (spec.type === 'boolean') {
      if (token.inlineValue) throw new FlagError(`${token.rawName} takes no value, found '${token.value}'`);
      values[token.name] = true;
    } else if (token.value === undefined) {
      throw new FlagError(`${token.rawName} needs a value (${spec.value})`);
    } else if (!token.inlineValue && token.value.startsWith('--')) {
      throw new FlagError(
        `${token.rawName} needs a value (${spec.value}), found the flag ${token.value}; write ${token.rawName}=${token.value} if that is the value`,
      );
    } else {
      values[token.name] = token.value;
    }
  }
  return values as FlagValues<T>;
}

/** Whether `args` ask for `--help` (read as {@link parseFlags} would, so `--logdir --help` does not). */
export function asksForHelp(table: FlagTable, args: readonly string[]): boolean {
  return tokenize(table, args).some((t) => t.kind === 'option' && t.name === 'help');
}

/** The flags of `table` as help lines: `  --port N        Port to serve on ...`. */
export function flagHelp(table: FlagTable): string {
  const rows = Object.entries(table).map(([name, f]) => [`--${name}${f.type === 'string' ? ` ${f.value}` : ''}`, f.help] as const);
  const width = Math.max(...rows.map(([flag]) => flag.length));
  return rows.map(([flag, help]) => `  ${flag.padEnd(width)}  ${help}`).join('\n');
}

/** The range a number flag accepts; `expected` ends "--port should be ...". */
export interface NumberRange {
  readonly min: number;
  readonly max?: number;
  /** Only whole numbers, written with digits alone. */
  readonly integer?: boolean;
  readonly expected: string;
}

/** Reads the number in `value`, or throws `--name should be <expected>, found '<value>'`. */
export function numberFlag(name: string, value: string, range: NumberRange): number {
  const n = Number(value);
  const ok =
    value.trim() !== '' &&
    Number.isFinite(n) &&
    (!range.integer || /^\d+$/.test(value)) &&
    n >= range.min &&
    (range.max === undefined || n <= range.max);
  if (!ok) throw new FlagError(`--${name} should be ${range.expected}, found '${value}'`);
  return n;
}

/**
 * Runs `parse` on a flag's value, turning what it throws into a {@link FlagError} that
 * names the flag (unless the message already does).
 */
export function parsedFlag<R>(name: string, value: string, parse: (value: string) => R): R {
  try {
    return parse(value);
  } catch (err) {
    const message = (err as Error).message;
    throw new FlagError(message.includes(`--${name}`) ? message : `--${name}: ${message}`);
  }
}

type Token = NonNullable<ReturnType<typeof parseArgs>['tokens']>[number];

function tokenize(table: FlagTable, args: readonly string[]): Token[] {
  const options = Object.fromEntries(Object.entries(table).map(([name, f]) => [name, { type: f.type }]));
  return parseArgs({ args: [...args], options, strict: false, allowPositionals: true, tokens: true }).tokens;
}

function unexpected(command: string, arg: string): FlagError {
  return new FlagError(`unexpected argument '${arg}' for ${command}; flags start with -- (see ${command} --help)`);
}

/** Names the flag as typed (`-logdir` rather than parseArgs' `-l`), with a hint for `--bind-all` and `-logdir`. */
function unknownFlag(command: string, arg: string, table: FlagTable): string {
  const typed = arg.split('=')[0]!;
  const name = typed.replace(/^-+/, '').replace(/-/g, '_');
  const hint = typed !== `--${name}` && Object.hasOwn(table, name) ? ` (did you mean --${name}?)` : '';
  return `unknown flag ${typed}${hint}; see ${command} --help`;
}
