import { describe, expect, it } from 'vitest';
import { parsePluginData, PLUGIN_ID, PLUGIN_NAME } from './metadata.js';

describe('metadata', () => {
  it('names the plugin and reads its version from package.json', () => {
    expect(PLUGIN_ID).toBe('scalars');
    expect(PLUGIN_NAME).toBe('scalars');
  });

  it('parses ScalarPluginData: empty is version 0', () => {
    expect(parsePluginData(new Uint8Array())).toEqual({ version: 0 });
    expect(parsePluginData(Uint8Array.from([0x08, 0x01]))).toEqual({ version: 1 });
    expect(parsePluginData(Uint8Array.from([0x08, 0x96, 0x01]))).toEqual({ version: 150 });
    // An unknown length-delimited field 2 ("ab") before version is skipped.
    expect(parsePluginData(Uint8Array.from([0x12, 0x02, 0x61, 0x62, 0x08, 0x03]))).toEqual({ version: 3 });
  });

  it('refuses bytes that are not a message', () => {
    expect(() => parsePluginData(Uint8Array.from([0x08]))).toThrow(/varint cut off/);
    expect(() => parsePluginData(Uint8Array.from([0x12, 0x05, 0x61]))).toThrow(/cut off/);
    expect(() => parsePluginData(Uint8Array.from([0x0b]))).toThrow(/wire type 0, 1, 2 or 5, found 3/);
  });
});
