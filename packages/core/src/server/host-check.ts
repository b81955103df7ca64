/**
 * The Host header check, against DNS rebinding: a web page on evil.test can point its
 * own name at 127.0.0.1 and have the browser read a local tb-core as same-origin. Its
 * requests still say `Host: evil.test`, so a server bound to loopback answers only Host
 * names that mean loopback (and those the user allows with `--allowed_hosts`).
 */
import type { MiddlewareHandler } from 'hono';
import { capText, ECHO_LIMIT } from '../plugins/describe.js';

/**
 * Which Host names are answered: `'*'` any, else the loopback names (`localhost`,
 * `*.localhost`, `127.0.0.1` and the rest of 127/8, `[::1]`) plus these, each a name
 * (`tb.example.com`), a wildcard (`*.example.com`) or an IP address.
 */
export type AllowedHosts = '*' | readonly string[];

const NAME = /^(?:\*\.)?[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]*[a-z0-9_])?)*\.?$/i;
const IPV6 = /^\[?[0-9a-f:.]+\]?$/i;

/**
 * Reads `--allowed_hosts`: names separated by commas, `*` for any. Throws an Error that
 * says which entry is not a host name.
 *
 * @example parseAllowedHosts('tb.example.com, *.corp.example') // ['tb.example.com', '*.corp.example']
 */
export function parseAllowedHosts(value: string): AllowedHosts {
  const entries = value.split(',').map((s) => s.trim()).filter(Boolean);
  if (entries.length === 0) throw new Error(`expected host names separated by commas (e.g. tb.example.com,*.corp.example), found '${value}'`);
  if (entries.includes('*')) return '*';
  for (const entry of entries) {
    if (!NAME.test(entry) && !(entry.includes(':') && IPV6.test(entry))) {
      throw new Error(`expected host names separated by commas (e.g. tb.example.com,*.corp.example), found '${capText(entry, ECHO_LIMIT)}'`);
    }
  }
  return entries.map(normalizeName);
}

/** Whether a bind address is this machine only (then foreign Host names are refused). */
export function isLoopbackAddress(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || /^(::ffff:)?127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

/**
 * The Host policy for a server bound to `bindHost`: `--allowed_hosts` when given, else
 * loopback names only when bound to loopback, else any (as TensorBoard with --bind_all).
 */
export function hostPolicy(bindHost: string, allowedHosts: AllowedHosts | undefined): AllowedHosts {
  if (allowedHosts !== undefined) return allowedHosts;
  return isLoopbackAddress(bindHost) ? [] : '*';
}

/**
 * A middleware answering 403 (JSON, in the usual error shape) to a request whose Host is
 * not allowed. A request with no Host header is checked by the host of its URL.
 */
export function hostCheck(allowed: AllowedHosts): MiddlewareHandler {
  if (allowed === '*') return async (_c, next) => next();
  const names = allowed.map(normalizeName);
  return async (c, next) => {
    const header = c.req.header('host') ?? new URL(c.req.url).host;
    const name = hostnameOf(header);
    if (name !== null && (isLoopbackName(name) || names.some((n) => matches(n, name)))) return next();
    const shown = capText(header, ECHO_LIMIT);
    const message =
      `Host '${shown}' is not allowed: this tb-core listens on loopback and answers only ` +
      `localhost, *.localhost, 127.0.0.1 and [::1]${names.length ? ` and ${names.join(', ')}` : ''} (a guard against DNS rebinding); ` +
      `to reach it by another name, start it with --allowed_hosts ${name === null ? 'NAME' : capText(name, ECHO_LIMIT)}`;
    return c.json({ error: { status: 403, message } }, 403);
  };
}

/** The lower-case host name of a Host header (`[::1]` keeps its brackets), or null when it is not one. */
function hostnameOf(header: string): string | null {
  const m = /^(\[[0-9a-f:.]+\]|[^:[\]/\s@]+)(?::\d{1,5})?$/i.exec(header.trim());
  return m ? normalizeName(m[1]!) : null;
}

function normalizeName(name: string): string {
  const lower = name.toLowerCase().replace(/\.$/, '');
  return lower.includes(':') && !lower.startsWith('[') ? `[${lower}]` : lower;
}

function isLoopbackName(name: string): boolean {
  return name === 'localhost' || name.endsWith('.localhost') || name === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(name);
}

function matches(allowed: string, name: string): boolean {
  return allowed.startsWith('*.') ? name.endsWith(allowed.slice(1)) && name.length > allowed.length - 1 : allowed === name;
}
