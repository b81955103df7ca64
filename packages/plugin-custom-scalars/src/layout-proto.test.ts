import { describe, expect, it } from 'vitest';
import { decodeLayout, encodeLayout, type Layout } from './layout-proto.js';

/** Layout { category { title: "a" chart { title: "b" multiline { tag: "x" } } closed: true } }, by hand. */
const HAND = Uint8Array.from([
  0x12, 0x0f, // category, 15 bytes
  0x0a, 0x01, 0x61, // title "a"
  0x12, 0x08, // chart, 8 bytes
  0x0a, 0x01, 0x62, // title "b"
  0x12, 0x03, 0x0a, 0x01, 0x78, // multiline { tag "x" }
  0x18, 0x01, // closed
]);

describe('decodeLayout', () => {
  it('reads a layout from hand-written bytes', () => {
    expect(decodeLayout(HAND)).toEqual({
      version: 0,
      category: [{ title: 'a', closed: true, chart: [{ title: 'b', multiline: { tag: ['x'] } }] }],
    });
  });

  it('reads margin charts, a negative int32 version and skips unknown fields', () => {
    const bytes = Uint8Array.from([
      0x08, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01, // version -1, as int32 is written
      0x2d, 1, 2, 3, 4, // field 5, fixed32: unknown
      0x12, 0x0f, // category, 15 bytes
      0x12, 0x0d, // chart, 13 bytes
      0x1a, 0x0b, // margin, 11 bytes
      0x0a, 0x09, // series, 9 bytes
      0x0a, 0x01, 0x76, 0x12, 0x01, 0x6c, 0x1a, 0x01, 0x75, // value "v", lower "l", upper "u"
    ]);
    expect(decodeLayout(bytes)).toEqual({
      version: -1,
      category: [{ title: '', closed: false, chart: [{ title: '', margin: { series: [{ value: 'v', lower: 'l', upper: 'u' }] } }] }],
    });
  });

  it('says where bytes are cut off', () => {
    expect(() => decodeLayout(HAND.subarray(0, 10))).toThrow(/Layout: field 2 at byte 0 should have 15 bytes, found 8/);
    expect(() => decodeLayout(Uint8Array.from([0x0b]))).toThrow(/expected a protobuf wire type 0, 1, 2 or 5, found 3 at byte 0/);
  });
});

describe('encodeLayout', () => {
  it('writes the bytes a protobuf writer writes', () => {
    const layout: Layout = { version: 0, category: [{ title: 'a', closed: true, chart: [{ title: 'b', multiline: { tag: ['x'] } }] }] };
    expect([...encodeLayout(layout)]).toEqual([...HAND]);
  });

  it('round-trips every kind of chart and unicode titles', () => {
    const layout: Layout = {
      version: 0,
      category: [
        { title: 'Verluste – ü', closed: false, chart: [{ title: 'loss', multiline: { tag: ['loss/.*', 'val_loss'] } }, { title: '', multiline: { tag: [] } }] },
        { title: 'bands', closed: true, chart: [{ title: 'acc ± sd', margin: { series: [{ value: 'acc', lower: 'acc_lo', upper: 'acc_hi' }] } }] },
      ],
    };
    expect(decodeLayout(encodeLayout(layout))).toEqual(layout);
  });
});
