/**
 * Seeded random numbers, so seeded layouts repeat exactly on every machine and backend:
 * mulberry32 (the one the multiplexer's reservoir sampling already uses) and normal
 * numbers from it.
 */
import { seededRandom } from '../multiplexer/reservoir.js';

/** Uniform numbers in [0, 1) from a 32-bit seed (mulberry32). */
export const mulberry32: (seed: number) => () => number = seededRandom;

/** Standard normal numbers (Box-Muller) from a uniform generator. */
export function gaussian(uniform: () => number): () => number {
  return () => {
    const u = 1 - uniform();
    const v = uniform();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  };
}
