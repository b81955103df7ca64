/**
 * A parser of the protobuf text format (what `text_format.Parse` reads and
 * `projector_config.pbtxt` is written in), into a schema-free tree: each message is its
 * fields in order, each value a string, a number, an identifier (enum names, true/false)
 * or a nested message. Schemas are applied afterwards (./config.ts).
 *
 * Covered: `name: value`, `name { ... }` and `name: < ... >`, lists `name: [a, b]`,
 * single- and double-quoted strings with C escapes (adjacent strings concatenate),
 * integers (decimal, hex, octal), floats (`1.5e3`, `1f`, `inf`, `nan`), `#` comments,
 * optional `,`/`;` separators.
 */

/** One value of a field. */
export type TextValue =
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'number'; readonly value: number; readonly text: string }
  | { readonly kind: 'ident'; readonly value: string }
  | { readonly kind: 'message'; readonly value: TextMessage };

/** One `name: value` of a message, with its line for error messages. */
export interface TextField {
  readonly name: string;
  readonly value: TextValue;
  readonly line: number;
}

/** A message: its fields in the order written (repeated fields repeat). */
export interface TextMessage {
  readonly fields: readonly TextField[];
}

/** Text that is not the protobuf text format; the message says where and what was expected. */
export class TextFormatError extends Error {
  override readonly name = 'TextFormatError';
}

type Token = { kind: 'ident' | 'string' | 'number' | 'punct'; text: string; line: number };

const PUNCT = new Set([':', '{', '}', '<', '>', '[', ']', ',', ';']);

function unescape(body: string, line: number): string {
  const bytes: number[] = [];
  const enc = new TextEncoder();
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== '\\') {
      const cp = body.codePointAt(i)!;
      if (cp > 0xffff) i++;
      bytes.push(...enc.encode(String.fromCodePoint(cp)));
      continue;
    }
    const n = body[++i];
    const simple: Record<string, number> = { n: 10, t: 9, r: 13, '\\': 92, "'": 39, '"': 34, a: 7, b: 8, f: 12, v: 11, '?': 63 };
    if (n !== undefined && n in simple) bytes.push(simple[n]!);
    else if (n === 'x' || n === 'X') {
      const m = /^[0-9a-fA-F]{1,2}/.exec(body.slice(i + 1));
      if (!m) throw new TextFormatError(`line ${line}: expected hex digits after \\x, found ${JSON.stringify(body.slice(i + 1, i + 3))}`);
      bytes.push(parseInt(m[0], 16));
      i += m[0].length;
    } else if (n !== undefined && /[0-7]/.test(n)) {
      const m = /^[0-7]{1,3}/.exec(body.slice(i))!;
      bytes.push(parseInt(m[0], 8) & 0xff);
      i += m[0].length - 1;
    } else throw new TextFormatError(`line ${line}: unknown escape \\${n ?? ''} in a string`);
  }
  return new TextDecoder().decode(Uint8Array.from(bytes));
}

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let line = 1;
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '\n') {
      line++;
      i++;
    } else if (/\s/.test(c)) i++;
    else if (c === '#') {
      while (i < text.length && text[i] !== '\n') i++;
    } else if (PUNCT.has(c)) {
      out.push({ kind: 'punct', text: c, line });
      i++;
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < text.length && text[j] !== c) {
        if (text[j] === '\n') throw new TextFormatError(`line ${line}: expected the closing ${c} of a string, found the end of the line`);
        j += text[j] === '\\' ? 2 : 1;
      }
      if (j >= text.length) throw new TextFormatError(`line ${line}: expected the closing ${c} of a string, found the end of the text`);
      out.push({ kind: 'string', text: unescape(text.slice(i + 1, j), line), line });
      i = j + 1;
    } else {
      const m = /^-?\s*(?:[A-Za-z_][\w.]*|(?:0[xX][0-9a-fA-F]+|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)[fF]?)/.exec(text.slice(i));
      if (!m) throw new TextFormatError(`line ${line}: expected a field name, value or one of : { } < > [ ] , ; found ${JSON.stringify(text.slice(i, i + 20))}`);
      const word = m[0].replace(/\s+/g, '');
      const isNumber = /^-?(?:\d|\.\d)/.test(word) || /^-?(?:inf|infinity|nan)$/i.test(word);
      out.push({ kind: isNumber ? 'number' : 'ident', text: word, line });
      i += m[0].length;
    }
  }
  return out;
}

function parseNumber(text: string, line: number): number {
  const neg = text.startsWith('-');
  const body = neg ? text.slice(1) : text;
  let v: number;
  if (/^(inf|infinity)$/i.test(body)) v = Infinity;
  else if (/^nan$/i.test(body)) v = NaN;
  else if (/^0[xX]/.test(body)) v = parseInt(body.slice(2), 16);
  else if (/^0[0-7]+$/.test(body)) v = parseInt(body, 8);
  else v = Number(body.replace(/[fF]$/, ''));
  if (Number.isNaN(v) && !/nan/i.test(body)) throw new TextFormatError(`line ${line}: expected a number, found ${text}`);
  return neg ? -v : v;
}

/**
 * Parses text-format protobuf into a {@link TextMessage}.
 * @example parseTextProto('embeddings { tensor_name: "a" }').fields[0].name // 'embeddings'
 * @throws TextFormatError naming the line and what was expected.
 */
export function parseTextProto(text: string): TextMessage {
  const tokens = tokenize(text);
  let pos = 0;
  const peek = (): Token | undefined => tokens[pos];
  const lastLine = (): number => tokens[tokens.length - 1]?.line ?? 1;

  function scalar(): TextValue {
    const t = tokens[pos++];
    if (!t) throw new TextFormatError(`line ${lastLine()}: expected a value, found the end of the text`);
    if (t.kind === 'string') {
      let s = t.text;
      while (peek()?.kind === 'string') s += tokens[pos++]!.text;
      return { kind: 'string', value: s };
    }
    if (t.kind === 'number') return { kind: 'number', value: parseNumber(t.text, t.line), text: t.text };
    if (t.kind === 'ident') return { kind: 'ident', value: t.text };
    throw new TextFormatError(`line ${t.line}: expected a value, found ${JSON.stringify(t.text)}`);
  }

  function message(close: string | null): TextMessage {
    const fields: TextField[] = [];
    for (;;) {
      const t = peek();
      if (!t) {
        if (close) throw new TextFormatError(`line ${lastLine()}: expected ${JSON.stringify(close)} to close a message, found the end of the text`);
        return { fields };
      }
      if (t.kind === 'punct' && t.text === close) {
        pos++;
        return { fields };
      }
      if (t.kind !== 'ident') throw new TextFormatError(`line ${t.line}: expected a field name, found ${JSON.stringify(t.text)}`);
      pos++;
      const name = t.text;
      let colon = false;
      if (peek()?.text === ':' && peek()?.kind === 'punct') {
        colon = true;
        pos++;
      }
      const next = peek();
      if (next?.kind === 'punct' && (next.text === '{' || next.text === '<')) {
        pos++;
        fields.push({ name, value: { kind: 'message', value: message(next.text === '{' ? '}' : '>') }, line: t.line });
      } else if (next?.kind === 'punct' && next.text === '[' && colon) {
        pos++;
        while (peek()?.text !== ']') {
          const item = peek();
          if (item?.kind === 'punct' && (item.text === '{' || item.text === '<')) {
            pos++;
            fields.push({ name, value: { kind: 'message', value: message(item.text === '{' ? '}' : '>') }, line: t.line });
          } else fields.push({ name, value: scalar(), line: t.line });
          if (peek()?.text === ',') pos++;
          else if (peek()?.text !== ']') throw new TextFormatError(`line ${peek()?.line ?? lastLine()}: expected "," or "]" in the list of ${name}, found ${JSON.stringify(peek()?.text ?? 'the end of the text')}`);
        }
        pos++;
      } else if (colon) fields.push({ name, value: scalar(), line: t.line });
      else throw new TextFormatError(`line ${t.line}: expected ":" or "{" after the field name ${name}, found ${JSON.stringify(next?.text ?? 'the end of the text')}`);
      if (peek()?.kind === 'punct' && (peek()!.text === ',' || peek()!.text === ';')) pos++;
    }
  }

  return message(null);
}
