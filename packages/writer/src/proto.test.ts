import { describe, expect, it } from 'vitest';
import { ProtoWriter } from './proto.js';

const bytes = (w: ProtoWriter) => Array.from(w.finish());

describe('ProtoWriter', () => {
  it('writes varints as the protobuf encoding guide does (field 1 = 150 -> 08 96 01)', () => {
    expect(bytes(new ProtoWriter().varint(1, 150))).toEqual([0x08, 0x96, 0x01]);
    expect(bytes(new ProtoWriter().varint(2, 2 ** 40))).toEqual([0x10, 0x80, 0x80, 0x80, 0x80, 0x80, 0x20]);
    expect(bytes(new ProtoWriter().varint(1, -1))).toEqual([0x08, ...Array<number>(9).fill(0xff), 0x01]);
    expect(bytes(new ProtoWriter().bool(3, true))).toEqual([0x18, 0x01]);
  });

  it('writes fixed-width and length-delimited fields, and nested messages', () => {
    expect(bytes(new ProtoWriter().double(1, 1))).toEqual([0x09, 0, 0, 0, 0, 0, 0, 0xf0, 0x3f]);
    expect(bytes(new ProtoWriter().float(5, 1))).toEqual([0x2d, 0, 0, 0x80, 0x3f]);
    expect(bytes(new ProtoWriter().string(2, 'testing'))).toEqual([0x12, 0x07, ...new TextEncoder().encode('testing')]);
    expect(bytes(new ProtoWriter().message(3, new ProtoWriter().varint(1, 150)))).toEqual([0x1a, 0x03, 0x08, 0x96, 0x01]);
    expect(bytes(new ProtoWriter().packedFloats(4, [1]))).toEqual([0x22, 0x04, 0, 0, 0x80, 0x3f]);
  });

  it('grows past its first buffer', () => {
    const big = new Uint8Array(1000).fill(7);
    const out = new ProtoWriter().varint(1, 1).bytes(2, big).finish();
    expect(out.length).toBe(2 + 3 + 1000);
    expect(out[out.length - 1]).toBe(7);
  });
});
