import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findImport, formatBuildError, moduleFile } from '../lib/build-errors.mjs';

const ROOT = path.resolve('/plugins/foo');
const FILE = path.join(ROOT, 'src/Dashboard.tsx');
const SOURCE = ["import type { DashboardProps } from '@tb/ui';", '', "import { scaleLinear } from \"d3-scale\";", "import x from './missing.js';", ''].join('\n');

describe('moduleFile', () => {
  it('takes the file out of a module identifier', () => {
    expect(moduleFile(`builtin:swc-loader??ruleSet[1].rules[0]!${FILE}`)).toBe(FILE);
    expect(moduleFile(`${FILE}?raw`)).toBe(FILE);
    expect(moduleFile(FILE)).toBe(FILE);
  });
});

describe('findImport', () => {
  it('finds the line and column of an import in the file as written', () => {
    expect(findImport(SOURCE, 'd3-scale')).toEqual({ line: 3, column: 29 });
    expect(findImport(SOURCE, './missing.js')).toEqual({ line: 4, column: 15 });
    expect(findImport(SOURCE, './other.js')).toBeNull();
  });
});

describe('formatBuildError', () => {
  const identifier = `builtin:swc-loader??ruleSet[1].rules[0]!${FILE}`;

  it("puts a missing import at its line in the source, not in SWC's output", () => {
    const error = {
      message: `  × Module not found: Can't resolve './missing.js' in '${path.dirname(FILE)}'\n   ╭─[4:0]\n 4 │ import x from './missing.js';`,
      moduleIdentifier: identifier,
    };
    expect(formatBuildError(error, ROOT, () => SOURCE)).toBe(
      `src/Dashboard.tsx:4:15: Module not found: Can't resolve './missing.js' in '${path.dirname(FILE)}'\n  4 | import x from './missing.js';`,
    );
  });

  it("takes a syntax error's line from SWC's frame", () => {
    const message = '× Module build failed (from builtin:swc-loader):\n  ╰─▶ × Syntax Error: Unterminated regexp literal\n     ╭─[2:17]';
    expect(formatBuildError({ message, moduleIdentifier: identifier }, ROOT)).toBe(`src/Dashboard.tsx:2:17: ${message}`);
  });

  it('names the file alone when nothing gives a line, and passes errors of no module through', () => {
    expect(formatBuildError({ message: 'something odd', moduleIdentifier: identifier }, ROOT)).toBe('src/Dashboard.tsx: something odd');
    expect(formatBuildError({ message: " × Module not found: Can't resolve 'x'", moduleIdentifier: identifier }, ROOT, () => '')).toBe(
      "src/Dashboard.tsx: × Module not found: Can't resolve 'x'",
    );
    expect(formatBuildError({ message: '  Conflicting names  ' }, ROOT)).toBe('Conflicting names');
  });
});
