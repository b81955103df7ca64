import { describe, expect, it } from 'vitest';
import { parseExperiment, parseSessionEndInfo, parseSessionStartInfo } from './metadata.js';

// HParamsPluginData: version = 1 (varint), experiment = 2, session_start_info = 3, session_end_info = 4.
const EMPTY_EXPERIMENT = Uint8Array.of(0x12, 0x00);
const END_FAILURE = Uint8Array.of(0x22, 0x02, 0x08, 0x02);

describe('hparams plugin_data, from fixed bytes', () => {
  it('reads each member of version 0', () => {
    expect(parseExperiment(EMPTY_EXPERIMENT, 'r')).toMatchObject({ name: '', hparamInfos: [], metricInfos: [] });
    expect(parseSessionEndInfo(END_FAILURE, 'r')).toEqual({ status: 2, endTimeSecs: 0 });
  });

  it('refuses another version, as TensorBoard does', () => {
    expect(() => parseExperiment(Uint8Array.of(0x08, 0x01, 0x12, 0x00), 'sweep')).toThrow(
      'run "sweep", tag _hparams_/experiment: only hparams plugin_data version 0 is supported, found version 1',
    );
  });

  it('refuses content whose member is another', () => {
    expect(() => parseSessionStartInfo(END_FAILURE, 'trial')).toThrow(
      'run "trial", tag _hparams_/session_start_info: expected plugin_data.sessionStartInfo to be set, found sessionEndInfo set',
    );
    expect(() => parseSessionStartInfo(new Uint8Array(0), 'trial')).toThrow(/found no member set/);
  });

  it('refuses bytes that do not decode', () => {
    expect(() => parseExperiment(Uint8Array.of(0x12, 0x05, 0x01), 'r')).toThrow(/run "r", tag _hparams_\/experiment: expected an HParamsPluginData message, found bytes that do not decode/);
  });
});
