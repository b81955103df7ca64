import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PROTO_DIR, PROTO_FILES } from './proto.js';

/** What `scripts/gen-proto-types.mjs` exports (it is plain JS, so typed here). */
interface Generator {
  generateProtoTypes(protoDir?: string): string;
  listProtoFiles(protoDir?: string): string[];
}

const GENERATOR = fileURLToPath(new URL('../../scripts/gen-proto-types.mjs', import.meta.url));
const GENERATED = fileURLToPath(new URL('./proto-types.generated.ts', import.meta.url));
const generator = (await import(pathToFileURL(GENERATOR).href)) as Generator;

/** The first line where two texts differ, as "line N: expected ..., found ...". */
function firstDifference(expected: string, found: string): string {
  const a = expected.split('\n');
  const b = found.split('\n');
  const i = a.findIndex((line, k) => line !== b[k]);
  const n = i === -1 ? a.length : i;
  return `line ${n + 1}: expected ${JSON.stringify(a[n] ?? '<end of file>')}, found ${JSON.stringify(b[n] ?? '<end of file>')}`;
}

describe('proto-types.generated.ts', () => {
  it('is what the generator writes from proto/ (else: run pnpm --filter @tb/core run gen:proto)', () => {
    const expected = generator.generateProtoTypes(PROTO_DIR);
    const committed = readFileSync(GENERATED, 'utf8');
    if (committed !== expected) {
      expect.fail(
        `src/events/proto-types.generated.ts is stale against proto/ (${firstDifference(expected, committed)}): run pnpm --filter @tb/core run gen:proto`,
      );
    }
  });

  it('comes out the same on every run', () => {
    expect(generator.generateProtoTypes(PROTO_DIR)).toBe(generator.generateProtoTypes(PROTO_DIR));
  });

  it('covers the same .proto files that proto.ts decodes with', () => {
    expect(generator.listProtoFiles(PROTO_DIR)).toEqual([...PROTO_FILES].sort());
  });
});

describe('generateProtoTypes', () => {
  /** Runs `fn` on a scratch folder, removed afterwards. */
  function withDir<T>(fn: (dir: string) => T): T {
    const dir = mkdtempSync(path.join(tmpdir(), 'tb-proto-'));
    try {
      return fn(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  it('follows an edited .proto, so the check above catches a forgotten regeneration', () => {
    const text = withDir((dir) => {
      cpSync(PROTO_DIR, dir, { recursive: true });
      const file = path.join(dir, 'plugins/plugin_data.proto');
      const source = readFileSync(file, 'utf8');
      writeFileSync(file, source.replace('message TextPluginData {', 'message TextPluginData {\n  repeated int64 widths = 9;'));
      return generator.generateProtoTypes(dir);
    });
    expect(text).not.toBe(readFileSync(GENERATED, 'utf8'));
    expect(text).toContain('  /** `repeated int64 widths = 9`. */\n  widths: number[];');
  });

  it('refuses a package it has no name prefix for', () => {
    const run = () =>
      withDir((dir) => {
        writeFileSync(path.join(dir, 'a.proto'), 'syntax = "proto3";\npackage acme;\nmessage Thing { int32 x = 1; }\n');
        return generator.generateProtoTypes(dir);
      });
    expect(run).toThrow(/no TypeScript prefix for proto package "acme" \(of acme.Thing\): expected an entry in PACKAGE_PREFIXES/);
  });

  it('refuses two types that would share a TypeScript name', () => {
    const run = () =>
      withDir((dir) => {
        const source = 'syntax = "proto3";\npackage tensorboard;\nmessage A { message B {} }\nmessage AB {}\n';
        writeFileSync(path.join(dir, 'a.proto'), source);
        return generator.generateProtoTypes(dir);
      });
    expect(run).toThrow('two schema types map to the TypeScript name ABMessage: tensorboard.A.B and tensorboard.AB');
  });
});
