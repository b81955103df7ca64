/**
 * Request fields, checked: each reader says what it expected and what it found. A
 * {@link Fields} is anything with `getAll`, so a query string (`URLSearchParams`) and a
 * form body (`FormData`) read the same way.
 */
import { InvalidArgumentError } from '@tb/core';

/** Named request fields, each possibly repeated (`runs=a&runs=b`). */
export interface Fields {
  getAll(name: string): readonly unknown[];
}

/** The fields of every source, in order: a form body first, then the query string. */
export function mergeFields(...sources: readonly Fields[]): Fields {
  return { getAll: (name) => sources.flatMap((s) => s.getAll(name)) };
}

/** Every value of `name` (none is fine); throws if one is a file upload. */
export function allStrings(fields: Fields, name: string): string[] {
  return fields.getAll(name).map((v) => {
    if (typeof v !== 'string') throw new InvalidArgumentError(`${name} should be text, found a file upload`);
    return v;
  });
}

/** The value of `name` if given once, undefined if absent; throws if repeated. */
export function optionalString(fields: Fields, name: string): string | undefined {
  const values = allStrings(fields, name);
  if (values.length > 1) {
    throw new InvalidArgumentError(`${name} should be given once, found ${values.length} values: ${values.map((v) => JSON.stringify(v)).join(', ')}`);
  }
  return values[0];
}

/** The value of `name`, which must be given exactly once. */
export function requiredString(fields: Fields, name: string): string {
  const value = optionalString(fields, name);
  if (value === undefined) throw new InvalidArgumentError(`${name} is required (e.g. ?${name}=...), found none`);
  return value;
}

/**
 * `downsample`: the most points to draw per series, a positive integer; undefined
 * when absent (every point).
 */
export function parseDownsample(fields: Fields): number | undefined {
  const raw = optionalString(fields, 'downsample');
  if (raw === undefined) return undefined;
  const n = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(n) || n < 1) {
    throw new InvalidArgumentError(`downsample should be a positive integer (the most points per series), found ${JSON.stringify(raw)}`);
  }
  return n;
}

/** The answer formats of the `scalars` route. */
export type OutputFormat = 'json' | 'csv';

/** `format`: `json` (the default) or `csv`. */
export function parseFormat(fields: Fields): OutputFormat {
  const raw = optionalString(fields, 'format') ?? 'json';
  if (raw !== 'json' && raw !== 'csv') throw new InvalidArgumentError(`format should be 'json' or 'csv', found ${JSON.stringify(raw)}`);
  return raw;
}

/** `tagRegex`, compiled; undefined when absent. */
export function parseTagRegex(fields: Fields): RegExp | undefined {
  const raw = optionalString(fields, 'tagRegex');
  if (raw === undefined) return undefined;
  try {
    return new RegExp(raw, 'u');
  } catch (err) {
    throw new InvalidArgumentError(`tagRegex should be a regular expression, found ${JSON.stringify(raw)} (${(err as Error).message})`);
  }
}
