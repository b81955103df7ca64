// @vitest-environment happy-dom
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MemoryAnswer, MemoryCurveAnswer } from './api.js';
import { curveTimeToTs } from './MemoryCurve.js';
import { $, choose, click, mount, openView, q, referenceAnswer, RUN0, server, setUp, settle, tearDown } from './harness.js';

beforeEach(setUp);
afterEach(tearDown);

const memory = () => referenceAnswer(`memory?${q(RUN0)}`) as MemoryAnswer;

/** A small curve in torch's shape (the recorded traces have no allocator events). */
const curve: MemoryCurveAnswer = {
  metadata: { default_device: 'GPU0', devices: ['GPU0'], first_ts: 1623142623460016, time_factor: 0.001, time_metric: 'ms', memory_metric: 'MB', peaks: {} },
  columns: [
    { name: 'Time (ms)', type: 'number' },
    { name: 'Allocated (MB)', type: 'number' },
    { name: 'Reserved (MB)', type: 'number' },
  ],
  rows: { GPU0: [[0, 10, 20], [100, 50, 80], [200, 30, 80]] },
};

async function pointer(el: Element, kind: string, clientX: number) {
  await act(async () => {
    el.dispatchEvent(new PointerEvent(kind, { clientX, clientY: 50, bubbles: true }));
  });
}

describe('Memory view', () => {
  it('lists the devices of the answer, the default first, and shows its table', async () => {
    await mount();
    await openView('Memory');
    const m = memory();
    const select = $<HTMLSelectElement>('memory-device')!;
    expect([...select.options].map((o) => o.value).sort()).toEqual(Object.keys(m.rows).sort());
    expect(select.value).toBe(m.metadata.default_device);
    expect($('memory-table-count')!.textContent).toBe(`${m.rows[m.metadata.default_device!]!.length} rows`);
    await choose('memory-device', 'CPU');
    expect($('memory-table-count')!.textContent).toBe(`${m.rows.CPU!.length} rows`);
    expect($('memory-curve-empty')).not.toBeNull();
  });

  it('dragging across the curve refilters the table with start_ts and end_ts', async () => {
    server.overrides.memory_curve = () => curve;
    const asked: URLSearchParams[] = [];
    server.overrides.memory = (route) => {
      asked.push(new URLSearchParams(route.split('?')[1]));
      return memory();
    };
    await mount();
    await openView('Memory');
    const paths = $('memory-curve')!.querySelectorAll('path.tb-prof-chart__line');
    expect(paths).toHaveLength(2);
    expect(paths[0]!.getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+L[\d.]+,[\d.]+L/);
    const overlay = $('memory-curve-overlay')!;
    const left = Number(overlay.getAttribute('x'));
    const width = Number(overlay.getAttribute('width'));
    await pointer(overlay, 'pointerdown', left + width * 0.25);
    await pointer(overlay, 'pointermove', left + width * 0.75);
    await pointer(overlay, 'pointerup', left + width * 0.75);
    await settle(4);
    const last = asked.at(-1)!;
    const start = Number(last.get('start_ts'));
    const end = Number(last.get('end_ts'));
    // A quarter to three quarters of 200 ms after the first timestamp, within a microsecond.
    expect(Math.abs(start - (curve.metadata.first_ts + 50_000))).toBeLessThanOrEqual(1);
    expect(Math.abs(end - (curve.metadata.first_ts + 150_000))).toBeLessThanOrEqual(1);
    expect($('memory-reset')).not.toBeNull();
    await click($('memory-reset'));
    expect(asked.at(-1)!.has('start_ts')).toBe(false);
  });

  it('converts curve times to trace timestamps as the reference does', () => {
    const ref = referenceAnswer(`memory_curve?${q(RUN0)}`) as MemoryCurveAnswer;
    expect(curveTimeToTs(ref.metadata, 0)).toBe(ref.metadata.first_ts);
    expect(curveTimeToTs(ref.metadata, 262.404)).toBe(ref.metadata.first_ts + 262404);
  });
});
