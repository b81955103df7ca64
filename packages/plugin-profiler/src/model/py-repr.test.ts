import { describe, expect, it } from 'vitest';
import { pyRepr, pyStr } from './py-repr.js';

describe("Python's str()/repr() of JSON values", () => {
  it('prints shapes, type lists and scalars as Python does', () => {
    expect(pyStr([[32, 3, 224, 224], [], [1]])).toBe('[[32, 3, 224, 224], [], [1]]');
    expect(pyStr(['float', '', 'Int'])).toBe("['float', '', 'Int']");
    expect(pyStr([null, true, false, 1.5])).toBe('[None, True, False, 1.5]');
    expect(pyStr(null)).toBe('None');
    expect(pyStr('text')).toBe('text');
  });
  it('quotes strings like repr()', () => {
    expect(pyRepr("it's")).toBe('"it\'s"');
    expect(pyRepr('a\'b"c')).toBe("'a\\'b\"c'");
    expect(pyRepr('line\nnext\\')).toBe("'line\\nnext\\\\'");
    expect(pyRepr({ k: [1] })).toBe("{'k': [1]}");
  });
});
