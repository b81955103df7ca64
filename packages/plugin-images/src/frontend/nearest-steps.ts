/**
 * The steps a run does have next to one it lacks, so that a compare card can say
 * "no image at step 15; nearest: 10, 20" and offer to go there.
 */

/** The closest kept step before and after the step looked for (undefined where none). */
export interface NearestSteps {
  readonly before: number | undefined;
  readonly after: number | undefined;
}

/**
 * @param steps the run's steps, ascending
 * @example nearestSteps([0, 10, 20], 15) // { before: 10, after: 20 }
 */
export function nearestSteps(steps: readonly number[], step: number): NearestSteps {
  let before: number | undefined;
  let after: number | undefined;
  for (const s of steps) {
    if (s < step) before = s;
    else if (s > step) {
      after = s;
      break;
    }
  }
  return { before, after };
}
