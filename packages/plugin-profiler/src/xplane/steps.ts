/**
 * Step times of an XSpace, where the profile marks its steps:
 *  - a "Steps" line on a device plane (TPU/GPU profiles): each event one step, named by
 *    its step number; the first device plane that has one is used;
 *  - else host events carrying a `step_num` stat (JAX's StepTraceAnnotation, TensorFlow's
 *    step TraceMe annotations): the step is the stat's value;
 *  - else host events named like a step marker ("StepMarker", "TraceContext",
 *    "train_step", "train_function"...): steps numbered in time order.
 */
import { planeKind } from './planes.js';
import { StatFinder } from './stats.js';
import { isTimedEvent } from './timeline.js';
import type { XEvent, XLine, XPlane, XSpace } from './types.js';

/** One step. */
export interface XSpaceStep {
  /** The step number as the profile names it. */
  readonly step: string;
  /** The marking event's name. */
  readonly name: string;
  /** Start, microseconds on the profile's clock less `originUs` (see {@link xspaceSteps}). */
  readonly startUs: number;
  readonly durationUs: number;
}

/** The steps and where they were found. */
export interface XSpaceSteps {
  /** 'device': a device plane's "Steps" line; 'host': step annotations on host threads. */
  readonly source: 'device' | 'host';
  /** The plane they came from. */
  readonly plane: string;
  readonly steps: readonly XSpaceStep[];
  readonly meanUs: number;
  readonly minUs: number;
  readonly maxUs: number;
}

/** Host event names that mark a training/inference step. */
const STEP_NAME = /^(StepMarker|TraceContext|train_step|train_function|test_function|predict_function|step)$/i;

function stepOf(plane: XPlane, line: XLine, event: XEvent, step: string, originUs: number): XSpaceStep {
  const meta = plane.eventMetadata.get(event.metadataId);
  return {
    step,
    name: meta?.name || meta?.displayName || `event#${event.metadataId}`,
    startUs: Number(line.timestampNs) / 1e3 - originUs + event.offsetPs / 1e6,
    durationUs: event.durationPs / 1e6,
  };
}

function deviceSteps(plane: XPlane, originUs: number): XSpaceStep[] {
  const line = plane.lines.find((l) => l.name === 'Steps' || l.displayName === 'Steps');
  if (!line) return [];
  const finder = new StatFinder(plane);
  return line.events.filter(isTimedEvent).map((e) => {
    const num = finder.first(e, ['step_num', 'group_id']);
    const name = plane.eventMetadata.get(e.metadataId)?.name ?? '';
    return stepOf(plane, line, e, num !== null ? String(num) : name, originUs);
  });
}

function hostSteps(plane: XPlane, originUs: number): XSpaceStep[] {
  const finder = new StatFinder(plane);
  const numbered: XSpaceStep[] = [];
  const named: XSpaceStep[] = [];
  for (const line of plane.lines)
    for (const e of line.events) {
      if (!isTimedEvent(e)) continue;
      const num = finder.has('step_num') ? finder.get(e, 'step_num') : null;
      if (num !== null) numbered.push(stepOf(plane, line, e, String(num), originUs));
      else if (STEP_NAME.test(plane.eventMetadata.get(e.metadataId)?.name ?? '')) named.push(stepOf(plane, line, e, '', originUs));
    }
  const byTime = (a: XSpaceStep, b: XSpaceStep) => a.startUs - b.startUs;
  if (numbered.length > 0) return numbered.sort(byTime);
  return named.sort(byTime).map((s, i) => ({ ...s, step: String(i) }));
}

function summarize(source: 'device' | 'host', plane: XPlane, steps: XSpaceStep[]): XSpaceSteps {
  const d = steps.map((s) => s.durationUs);
  return {
    source,
    plane: plane.name,
    steps,
    meanUs: d.reduce((a, b) => a + b, 0) / d.length,
    minUs: Math.min(...d),
    maxUs: Math.max(...d),
  };
}

/**
 * The profile's steps, or null when it marks none.
 * @param originUs subtracted from every start (pass the timeline's origin to share its clock).
 */
export function xspaceSteps(space: XSpace, originUs = 0): XSpaceSteps | null {
  for (const plane of space.planes) {
    if (planeKind(plane) !== 'device') continue;
    const steps = deviceSteps(plane, originUs);
    if (steps.length > 0) return summarize('device', plane, steps);
  }
  for (const plane of space.planes) {
    if (planeKind(plane) !== 'host') continue;
    const steps = hostSteps(plane, originUs);
    if (steps.length > 0) return summarize('host', plane, steps);
  }
  return null;
}
