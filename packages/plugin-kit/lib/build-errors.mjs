// Build errors as a person reads them: the source file relative to the package, its line
// and column in the file as written (not in what SWC turned it into), then the message.
import { stripVTControlCharacters } from 'node:util';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The parts of an rspack `StatsError` the formatting reads.
 * @typedef {{ message: string, moduleIdentifier?: string, moduleName?: string }} BuildError
 */

/**
 * The source file in a module identifier.
 * @example moduleFile('builtin:swc-loader??ruleSet[1].rules[0]!/a/b.tsx') // '/a/b.tsx'
 * @param {string} identifier
 * @returns {string}
 */
export function moduleFile(identifier) {
  const last = identifier.split('!').pop() ?? identifier;
  return last.split('?')[0] ?? last;
}

/**
 * Where `request` is imported in `source`: the 1-based line and column of its quoted
 * specifier, or null. rspack places a "Module not found" in the code SWC emitted, whose
 * lines differ from the file's (type imports go, the JSX runtime import comes first).
 * @param {string} source
 * @param {string} request
 * @returns {{ line: number, column: number } | null}
 */
export function findImport(source, request) {
  const lines = source.split('\n');
  for (const [i, text] of lines.entries()) {
    for (const quote of ["'", '"', '`']) {
      const at = text.indexOf(`${quote}${request}${quote}`);
      if (at >= 0 && /\b(from|import|require)\b/.test(text)) return { line: i + 1, column: at + 1 };
    }
  }
  return null;
}

/** "Module not found: Can't resolve './x.js' in '/dir'": the request. */
const NOT_FOUND = /Module not found: Can't resolve '([^']+)'/;

/** The first code frame in a message, `╭─[12:5]`: SWC's own errors point into the file as written. */
const FRAME = /╭─\[(\d+):(\d+)\]/;

/**
 * One build error as `file:line:column: message`, the file relative to `context`.
 * @param {BuildError} error
 * @param {string} context The package's directory.
 * @param {(file: string) => string} [readSource] Reads a source file (for tests).
 * @returns {string}
 */
export function formatBuildError(error, context, readSource = (file) => readFileSync(file, 'utf8')) {
  // rspack colours its messages when it thinks a terminal (or CI) will show them.
  const message = stripVTControlCharacters(error.message).trim();
  const file = error.moduleIdentifier ? moduleFile(error.moduleIdentifier) : null;
  const shown = file ? path.relative(context, file) || file : error.moduleName;
  if (!shown) return message;

  const notFound = file ? NOT_FOUND.exec(message) : null;
  if (file && notFound?.[1]) {
    let source = null;
    try {
      source = readSource(file);
    } catch {
      // The file went away: fall through to what rspack said.
    }
    const at = source === null ? null : findImport(source, notFound[1]);
    if (source !== null && at) {
      const text = source.split('\n')[at.line - 1] ?? '';
      const headline = message.split('\n')[0]?.replace(/^\s*×\s*/, '') ?? message;
      return `${shown}:${at.line}:${at.column}: ${headline}\n  ${at.line} | ${text}`;
    }
  }
  // rspack's own `loc` counts lines in SWC's output, so only SWC's frame gives a line here.
  const frame = notFound ? null : FRAME.exec(message);
  return `${shown}${frame ? `:${frame[1]}:${frame[2]}` : ''}: ${message}`;
}
