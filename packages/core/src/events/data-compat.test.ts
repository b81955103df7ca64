import { describe, expect, it } from 'vitest';
import { blobCountOf, blobsOf, histogramTensor, scalarOf, tagMetadataOf, tensorOf } from './data-compat.js';
import { encodeHistogramProto, encodeSummaryMetadata, encodeTensorProto } from './proto.js';
import type { RawValue } from './raw-event.js';

function raw(partial: Partial<RawValue>): RawValue {
  return { tag: 't', metadata: undefined, kind: 'none', simpleValue: 0, payload: undefined, ...partial };
}

describe('histogramTensor (legacy HistogramProto -> [k,3])', () => {
  it('drops empty edge buckets and uses min/max as the outer edges', () => {
    const payload = encodeHistogramProto({
      min: -0.7,
      max: 2.2,
      bucketLimit: [-1, -0.5, 0, 1, 2, 3, 1.7e308],
      bucket: [0, 2, 0, 5, 1, 0, 0],
    });
    const t = histogramTensor(payload);
    expect(t.shape).toEqual([4, 3]);
    const f = Math.fround;
    expect(Array.from(t.numbers)).toEqual([
      f(-0.7), f(-0.5), 2,
      f(-0.5), 0, 0,
      0, 1, 5,
      1, f(2.2), 1,
    ]);
  });

  it('gives a [0,3] tensor when every bucket is empty', () => {
    const t = histogramTensor(encodeHistogramProto({ min: 0, max: 0, bucketLimit: [1, 2], bucket: [0, 0] }));
    expect(t.shape).toEqual([0, 3]);
    expect(t.numbers).toHaveLength(0);
  });

  it('one non-empty bucket spans min to max', () => {
    const t = histogramTensor(encodeHistogramProto({ min: 0.25, max: 0.75, bucketLimit: [0, 1, 2], bucket: [0, 4, 0] }));
    expect(Array.from(t.numbers)).toEqual([0.25, 0.75, 4]);
  });
});

describe('tagMetadataOf', () => {
  it('legacy values name their plugin by kind and use the tag as display name', () => {
    expect(tagMetadataOf(raw({ tag: 'loss', kind: 'simple' }))).toMatchObject({ pluginName: 'scalars', dataClass: 'scalar', displayName: 'loss' });
    expect(tagMetadataOf(raw({ kind: 'histo' }))).toMatchObject({ pluginName: 'histograms', dataClass: 'tensor' });
    expect(tagMetadataOf(raw({ kind: 'image' }))).toMatchObject({ pluginName: 'images', dataClass: 'blob_sequence' });
    expect(tagMetadataOf(raw({ kind: 'audio' }))).toMatchObject({ pluginName: 'audio', dataClass: 'blob_sequence', pluginContent: Uint8Array.of(0x10, 11, 0x18, 1) });
  });

  it('TF2 tensors take plugin, description and content from their metadata', () => {
    const metadata = encodeSummaryMetadata({
      pluginData: { pluginName: 'pr_curves', content: Uint8Array.of(8, 1, 16, 127) },
      displayName: 'digit_0',
      summaryDescription: 'PR of digit 0',
    });
    expect(tagMetadataOf(raw({ kind: 'tensor', metadata }))).toEqual({
      pluginName: 'pr_curves',
      dataClass: 'tensor',
      displayName: 'digit_0',
      description: 'PR of digit 0',
      pluginContent: Uint8Array.of(8, 1, 16, 127),
    });
  });

  it('infers the data class from the plugin when the metadata leaves it unknown', () => {
    const md = (pluginName: string) => encodeSummaryMetadata({ pluginData: { pluginName } });
    expect(tagMetadataOf(raw({ kind: 'tensor', metadata: md('scalars') })).dataClass).toBe('scalar');
    expect(tagMetadataOf(raw({ kind: 'tensor', metadata: md('images') })).dataClass).toBe('blob_sequence');
    expect(tagMetadataOf(raw({ kind: 'tensor', metadata: md('graph_keras_model') })).dataClass).toBe('blob_sequence');
    expect(tagMetadataOf(raw({ kind: 'none', metadata: md('hparams') })).dataClass).toBe('tensor');
  });

  it('an explicit data class in the metadata wins', () => {
    const metadata = encodeSummaryMetadata({ pluginData: { pluginName: 'custom' }, dataClass: 3 });
    expect(tagMetadataOf(raw({ kind: 'tensor', metadata })).dataClass).toBe('blob_sequence');
  });
});

describe('values', () => {
  it('scalarOf reads simple_value and TF2 scalar tensors alike', () => {
    expect(scalarOf(raw({ kind: 'simple', simpleValue: 0.5 }))).toBe(0.5);
    const payload = encodeTensorProto({ dtype: 2, tensorShape: { dim: [] }, doubleVal: [0.1] });
    expect(scalarOf(raw({ kind: 'tensor', payload }))).toBe(0.1);
  });

  it('tensorOf converts a legacy histogram and passes TF2 tensors through', () => {
    const histo = encodeHistogramProto({ min: 0, max: 1, bucketLimit: [1], bucket: [3] });
    expect(tensorOf(raw({ kind: 'histo', payload: histo })).shape).toEqual([1, 3]);
    const payload = encodeTensorProto({ dtype: 1, tensorShape: { dim: [{ size: 2 }] }, floatVal: [1, 2] });
    expect(Array.from(tensorOf(raw({ kind: 'tensor', payload })).numbers)).toEqual([1, 2]);
  });

  it('TF2 image tensors count and copy their string elements', () => {
    const payload = encodeTensorProto({
      dtype: 7,
      tensorShape: { dim: [{ size: 4 }] },
      stringVal: [Buffer.from('28'), Buffer.from('28'), Uint8Array.of(1), Uint8Array.of(2)],
    });
    const v = raw({ kind: 'tensor', payload });
    expect(blobCountOf(v)).toBe(4);
    expect(blobsOf(v).map((b) => Array.from(b))).toEqual([[50, 56], [50, 56], [1], [2]]);
  });
});
