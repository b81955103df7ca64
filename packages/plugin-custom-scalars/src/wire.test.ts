import { describe, expect, it } from 'vitest';
import { readFields, WireWriter } from './wire.js';

describe('WireWriter and readFields', () => {
  it('writes varints (negative ones as 64-bit two’s complement) and reads them back with their int32', () => {
    const bytes = new WireWriter().varint(1, 300).varint(2, -2).string(3, 'hé').finish();
    expect([...bytes.subarray(0, 3)]).toEqual([0x08, 0xac, 0x02]);
    const fields = readFields(bytes, 'Test');
    expect(fields.map((f) => [f.number, f.bytes ? new TextDecoder().decode(f.bytes) : f.int32])).toEqual([
      [1, 300],
      [2, -2],
      [3, 'hé'],
    ]);
  });

  it('skips fixed-width fields and names a cut-off message', () => {
    const bytes = new WireWriter().double(1, 1.5).float(2, 2).varint(3, 7).finish();
    expect(readFields(bytes, 'Test').map((f) => f.number)).toEqual([3]);
    expect(() => readFields(bytes.subarray(0, 4), 'Test')).toThrow('Test: field 1 at byte 0 is cut off at the end');
    expect(() => readFields(Uint8Array.from([0x08, 0x80]), 'Test')).toThrow('Test: expected a varint, found the message cut off at byte 2');
  });
});
