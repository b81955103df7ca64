/**
 * What a plugin asks core for: a record of named tokens, and the services it then
 * receives under the same names.
 *
 * @example
 * const needs = { data: DataProviderToken, log: LoggerToken };
 * // handlers receive { data: DataProvider, log: Logger }
 */
import type { Token, TokenType } from './tokens.js';

/** What a plugin may ask for: a record of named tokens. */
export type Needs = Readonly<Record<string, Token<unknown>>>;

/** The services a plugin receives for its `needs`. */
export type Deps<N extends Needs> = { readonly [K in keyof N]: TokenType<N[K]> };
