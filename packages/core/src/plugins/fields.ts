/**
 * Ready-made zod schemas for query and form fields (a {@link RawFields} value: a string
 * when given once, an array when repeated). Their messages name the field and say what
 * was expected and what was found; core prefixes the field's name.
 *
 * @example
 * query: z.object({ run: field.one, tag: field.one, downsample: field.positiveInt.optional(), runs: field.many })
 */
import { z } from 'zod';
import { describeValue as describe } from './describe.js';
import { compileRegex, type LinearRegex } from './regex.js';

/** `{name}` in a message is replaced by the field's name when core reports the issue. */
const NAME = '{name}';

/** A field given exactly once, as text. */
const one = z.string({
  error: (issue) => {
    if (issue.input === undefined) return `${NAME} is required (e.g. ?${NAME}=...), found none`;
    if (Array.isArray(issue.input)) return `${NAME} should be given once, found ${describe(issue.input)}`;
    return `${NAME} should be text, found ${describe(issue.input)}`;
  },
});

/** Every value of a field, in order; none is an empty list. Uploads are refused. */
const many = z
  .union([z.string(), z.array(z.string())], { error: (issue) => `${NAME} should be text, found ${describe(issue.input)}` })
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

/** A positive integer given once, e.g. `downsample`; the message can say what it means. */
function positiveInt(meaning?: string) {
  return one.transform((raw, ctx) => {
    const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
    if (Number.isSafeInteger(n) && n >= 1) return n;
    ctx.addIssue({ code: 'custom', message: `${NAME} should be a positive integer${meaning ? ` (${meaning})` : ''}, found ${describe(raw)}` });
    return z.NEVER;
  });
}

/** A non-negative integer given once, e.g. `step` or `sample`. */
const nonNegativeInt = one.transform((raw, ctx) => {
  const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (Number.isSafeInteger(n)) return n;
  ctx.addIssue({ code: 'custom', message: `${NAME} should be a whole number (0 or more), found ${describe(raw)}` });
  return z.NEVER;
});

/** One of the given words, given once. */
function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  return one.refine((v): v is T[number] => values.includes(v), {
    error: (issue) => `${NAME} should be ${values.map((v) => `'${v}'`).join(' or ')}, found ${describe(issue.input)}`,
  }) as unknown as z.ZodType<T[number], string>;
}

/** `true`/`false` (also `1`/`0`), given once. */
const boolean = one.transform((raw, ctx) => {
  if (raw === 'true' || raw === '1') return true;
  if (raw === 'false' || raw === '0') return false;
  ctx.addIssue({ code: 'custom', message: `${NAME} should be true or false, found ${describe(raw)}` });
  return z.NEVER;
});

/**
 * A regular expression given once, compiled for linear-time matching (RE2 syntax; see
 * {@link compileRegex}): the value has a `test(text)` method. Backreferences and
 * lookarounds are refused with a message naming the field and the construct. Flags
 * (`i`, `m`, `s`, `u`) are checked when the schema is made, at start-up.
 */
function regexWithFlags(flags: string) {
  compileRegex('', flags);
  return one.transform((raw, ctx): LinearRegex => {
    try {
      return compileRegex(raw, flags, NAME);
    } catch (err) {
      ctx.addIssue({ code: 'custom', message: (err as Error).message });
      return z.NEVER;
    }
  });
}

/** Field schemas for routes' `query` and form `body`. */
export const field = {
  one,
  many,
  positiveInt: positiveInt(),
  positiveIntMeaning: positiveInt,
  nonNegativeInt,
  oneOf,
  boolean,
  regex: regexWithFlags(''),
  regexWithFlags,
} as const;

/** Puts the field's name into a message written with `{name}`. */
export function nameField(message: string, name: string): string {
  return message.includes(NAME) ? message.split(NAME).join(name) : name ? `${name}: ${message}` : message;
}
