/**
 * Ready-made zod schemas for query and form fields (a {@link RawFields} value: a string
 * when given once, an array when repeated). Their messages name the field and say what
 * was expected and what was found; core prefixes the field's name.
 *
 * @example
 * query: z.object({ run: field.one, tag: field.one, downsample: field.positiveInt.optional(), runs: field.many })
 */
import { z } from 'zod';

/** `{name}` in a message is replaced by the field's name when core reports the issue. */
const NAME = '{name}';

function describe(value: unknown): string {
  if (Array.isArray(value)) return `${value.length} values: ${value.map(describe).join(', ')}`;
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof File !== 'undefined' && value instanceof File) return 'a file upload';
  return String(value);
}

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

/** Field schemas for routes' `query` and form `body`. */
export const field = { one, many, positiveInt: positiveInt(), positiveIntMeaning: positiveInt, nonNegativeInt, oneOf, boolean } as const;

/** Puts the field's name into a message written with `{name}`. */
export function nameField(message: string, name: string): string {
  return message.includes(NAME) ? message.split(NAME).join(name) : name ? `${name}: ${message}` : message;
}
