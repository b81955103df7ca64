/**
 * Generates `src/events/proto-types.generated.ts`, the TypeScript shapes of the messages
 * and enums of `proto/**\/*.proto`, from the schema itself, so the types cannot drift from
 * it. Run: `pnpm --filter @tb/core run gen:proto`; `proto-types.test.ts` fails when the
 * committed file differs from what this writes.
 *
 * Why not pbts (protobufjs-cli): its interfaces describe what a message constructor
 * accepts, not what our decoders return. Every field is optional and nullable, int64 is
 * `number | Long`, and `toObject` is typed `{ [k: string]: any }`; our decoders return
 * `toObject({ longs: Number, enums: Number, defaults: true, arrays: true, objects: true,
 * oneofs: true })`, where every scalar, repeated and map field is present and int64 is a
 * number. Typing callers with pbts's shapes would force `?.`, `?? 0` and Long checks on
 * values that are never absent or Long. So this walks protobufjs's own reflection (the
 * same `protobuf.parse` that `proto.ts` decodes with) and writes the conventions listed in
 * `src/events/proto-types.ts`:
 *
 * - a message is `interface <Name>Message`; a message without fields is
 *   `Record<string, never>`;
 * - scalar, string, bytes and enum fields are required (`number`, `string`, `boolean`,
 *   `Uint8Array`; every integer width, int64 included, is `number`; enums are `number`);
 * - repeated fields are required arrays, maps are required `Record<string, V>`;
 * - a sub-message outside a oneof is `<Name>Message | null`;
 * - oneof members are optional, and the oneof itself is an optional union of the names of
 *   its members;
 * - an enum is a `const` object of its values, under the proto's own value names.
 *
 * TypeScript names: the message or enum name, with the names of the messages it is nested
 * in before it (`Summary.Value` -> `SummaryValueMessage`), after the prefix of its package
 * in {@link PACKAGE_PREFIXES} (left out when the name already starts with it). Output is
 * in file order (paths sorted), then declaration order: the same schema always gives the
 * same bytes.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import protobuf from 'protobufjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));

/** `packages/core/proto/`. */
export const PROTO_DIR = path.join(HERE, '../proto');

/** The generated file. */
export const OUTPUT_FILE = path.join(HERE, '../src/events/proto-types.generated.ts');

/**
 * The TypeScript name prefix of each proto package, so that two packages may use one
 * name (`tensorboard.DataType` and `tensorboard.hparams.DataType`). A new package needs
 * an entry here.
 */
export const PACKAGE_PREFIXES = new Map([
  ['tensorboard', ''],
  ['tensorboard.hparams', 'HParams'],
  ['google.protobuf', 'Protobuf'],
]);

/** Scalar proto types and the type `toObject` gives them under our options. */
const SCALARS = new Map([
  ...['double', 'float', 'int32', 'uint32', 'sint32', 'fixed32', 'sfixed32'].map((t) => [t, 'number']),
  ...['int64', 'uint64', 'sint64', 'fixed64', 'sfixed64'].map((t) => [t, 'number']),
  ['bool', 'boolean'],
  ['string', 'string'],
  ['bytes', 'Uint8Array'],
]);

/** Longest line of a union written on one line; longer unions get a line per member. */
const MAX_LINE = 100;

/** The `.proto` files under `dir`, as sorted POSIX paths relative to it. */
export function listProtoFiles(dir = PROTO_DIR) {
  const out = [];
  const visit = (rel) => {
    for (const entry of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) visit(child);
      else if (entry.isFile() && entry.name.endsWith('.proto')) out.push(child);
    }
  };
  visit('');
  return out.sort();
}

/** Messages and enums below `ns`, depth first, each before the types nested in it. */
function* typesBelow(ns) {
  for (const child of ns.nestedArray) {
    if (child instanceof protobuf.Type || child instanceof protobuf.Enum) yield child;
    if (child instanceof protobuf.Namespace) yield* typesBelow(child);
  }
}

/**
 * Parses every file of `dir` into one resolved Root (as `proto.ts` does, with the proto's
 * own field names kept so the docs can quote them), and says which file declared which
 * types.
 */
function loadSchema(dir) {
  const root = new protobuf.Root();
  const seen = new Set();
  const files = [];
  for (const file of listProtoFiles(dir)) {
    try {
      const source = readFileSync(path.join(dir, file), 'utf8');
      protobuf.parse(source, root, { keepCase: true, alternateCommentMode: true });
    } catch (err) {
      throw new Error(`cannot parse ${file}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
    const types = [...typesBelow(root)].filter((t) => !seen.has(t.fullName));
    for (const t of types) seen.add(t.fullName);
    files.push({ file, types });
  }
  root.resolveAll();
  return files;
}

/** The TypeScript name of a message or enum (see the rules at the top of this file). */
function tsName(type) {
  const nesting = [];
  let ns = type;
  while (ns instanceof protobuf.Type || ns instanceof protobuf.Enum) {
    nesting.unshift(ns.name);
    ns = ns.parent;
  }
  const pkg = ns.fullName.replace(/^\./, '');
  const prefix = PACKAGE_PREFIXES.get(pkg);
  if (prefix === undefined) {
    throw new Error(
      `no TypeScript prefix for proto package "${pkg}" (of ${type.fullName.slice(1)}): ` +
        'expected an entry in PACKAGE_PREFIXES of scripts/gen-proto-types.mjs',
    );
  }
  const base = nesting.join('');
  const name = base.startsWith(prefix) ? base : prefix + base;
  return type instanceof protobuf.Type ? `${name}Message` : name;
}

/** `text` broken at spaces into lines of at most `width` characters (a longer word stays whole). */
function wrap(text, width) {
  const lines = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  return [...lines, line];
}

/** A JSDoc block at `indent`: one line when it fits, else wrapped to {@link MAX_LINE}. */
function jsdoc(lines, indent) {
  const safe = lines.flatMap((l) => l.split('\n')).map((l) => l.replace(/\*\//g, '*\\/').trim());
  if (safe.length === 1 && indent.length + safe[0].length + 7 <= MAX_LINE) return [`${indent}/** ${safe[0]} */`];
  const body = safe.flatMap((l) => wrap(l, MAX_LINE - indent.length - 3));
  return [`${indent}/**`, ...body.map((l) => (l ? `${indent} * ${l}` : `${indent} *`)), `${indent} */`];
}

/** Doc lines: `first`, then the proto comment (its first line after a colon), then `more`. */
function described(first, comment, ...more) {
  if (!comment) return [`${first}.`, ...more];
  const [head, ...rest] = comment.split('\n');
  return [`${first}: ${head}`, ...rest, ...more];
}

/** The field as declared in the .proto file, e.g. `repeated int64 int64_val = 10`. */
function declaration(field) {
  if (field instanceof protobuf.MapField) return `map<${field.keyType}, ${field.type}> ${field.name} = ${field.id}`;
  return `${field.repeated ? 'repeated ' : ''}${field.type} ${field.name} = ${field.id}`;
}

/** The TypeScript type of one element of a field (the value type of a map). */
function elementType(field, names) {
  const resolved = field.resolvedType;
  if (resolved instanceof protobuf.Enum) return 'number';
  if (resolved instanceof protobuf.Type) return names.get(resolved);
  const scalar = SCALARS.get(field.type);
  if (scalar) return scalar;
  throw new Error(`unsupported type "${field.type}" of ${field.fullName.slice(1)}: expected a scalar, an enum or a message`);
}

/** The member of an interface for one field: its doc, name and type. */
function fieldMember(field, names) {
  const element = elementType(field, names);
  const values = field.resolvedType instanceof protobuf.Enum ? names.get(field.resolvedType) : undefined;
  const enumNote = values ? [`${field.repeated ? 'Each one' : 'One'} of {@link ${values}}, or a number it does not name.`] : [];
  const doc = described(`\`${declaration(field)}\``, field.comment, ...enumNote);
  const name = protobuf.util.camelCase(field.name);
  let member;
  if (field instanceof protobuf.MapField) member = `${name}: Record<string, ${element}>;`;
  else if (field.repeated) member = `${name}: ${element}[];`;
  else if (field.partOf) member = `${name}?: ${element};`;
  else if (field.resolvedType instanceof protobuf.Type) member = `${name}: ${element} | null;`;
  else member = `${name}: ${element};`;
  return [...jsdoc(doc, '  '), `  ${member}`];
}

/** The member naming which field of a oneof is set. */
function oneofMember(oneof) {
  const doc = described(`\`oneof ${oneof.name}\``, oneof.comment, 'The member that is set; undefined when none is.');
  const head = `  ${protobuf.util.camelCase(oneof.name)}?:`;
  const members = oneof.fieldsArray.map((f) => `'${protobuf.util.camelCase(f.name)}'`);
  const oneLine = `${head} ${members.join(' | ')};`;
  const last = members.length - 1;
  const body = oneLine.length <= MAX_LINE ? [oneLine] : [head, ...members.map((m, i) => `    | ${m}${i === last ? ';' : ''}`)];
  return [...jsdoc(doc, '  '), ...body];
}

/** A message as an interface (or `Record<string, never>` when it has no fields). */
function messageLines(type, names) {
  const doc = jsdoc(described(`\`${type.fullName.slice(1)}\``, type.comment), '');
  const name = names.get(type);
  if (type.fieldsArray.length === 0) return [...doc, `export type ${name} = Record<string, never>;`];
  const body = [];
  const oneofsDone = new Set();
  for (const field of type.fieldsArray) {
    if (field.partOf && !oneofsDone.has(field.partOf)) {
      oneofsDone.add(field.partOf);
      body.push(...oneofMember(field.partOf));
    }
    body.push(...fieldMember(field, names));
  }
  return [...doc, `export interface ${name} {`, ...body, '}'];
}

/** An enum as a `const` object of its values. */
function enumLines(type, names) {
  const doc = jsdoc(described(`\`${type.fullName.slice(1)}\``, type.comment), '');
  const body = Object.entries(type.values).flatMap(([key, value]) => [
    ...(type.comments[key] ? jsdoc([type.comments[key]], '  ') : []),
    `  ${key}: ${value},`,
  ]);
  return [...doc, `export const ${names.get(type)} = {`, ...body, '} as const;'];
}

/**
 * The text of `proto-types.generated.ts` for the schema in `dir`.
 *
 * @example generateProtoTypes() === readFileSync(OUTPUT_FILE, 'utf8') // when current
 */
export function generateProtoTypes(dir = PROTO_DIR) {
  const files = loadSchema(dir);
  const names = new Map();
  const owners = new Map();
  for (const { types } of files) {
    for (const type of types) {
      const name = tsName(type);
      const other = owners.get(name);
      if (other) {
        const both = `${other} and ${type.fullName.slice(1)}`;
        throw new Error(`two schema types map to the TypeScript name ${name}: ${both}; expected one per name`);
      }
      owners.set(name, type.fullName.slice(1));
      names.set(type, name);
    }
  }
  const out = [
    '// Generated by packages/core/scripts/gen-proto-types.mjs from packages/core/proto/**/*.proto.',
    '// Do not edit: change the .proto files, then run `pnpm --filter @tb/core run gen:proto`.',
    '//',
    '// The messages and enums of `proto/`, in the shape `proto.ts` decodes them to; the',
    '// conventions are listed in `proto-types.ts`, which re-exports all of this.',
  ];
  for (const { file, types } of files) {
    if (types.length === 0) continue;
    out.push('', `// ${'-'.repeat(75)}`, `// ${file}`);
    for (const type of types) {
      out.push('', ...(type instanceof protobuf.Type ? messageLines(type, names) : enumLines(type, names)));
    }
  }
  return `${out.join('\n')}\n`;
}

/** Writes {@link OUTPUT_FILE} when its text changed; says what it did. */
function main() {
  const text = generateProtoTypes();
  let current;
  try {
    current = readFileSync(OUTPUT_FILE, 'utf8');
  } catch {
    current = undefined;
  }
  const rel = path.relative(process.cwd(), OUTPUT_FILE);
  if (current === text) {
    console.log(`${rel} is up to date`);
    return;
  }
  writeFileSync(OUTPUT_FILE, text);
  console.log(`wrote ${rel} (${text.split('\n').length - 1} lines)`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
