/**
 * Python's `round()` of a float: rounds the exact binary value, and only an exact halfway
 * value goes to the even neighbour (round(2.5) = 2, round(0.125, 2) = 0.12, but
 * round(0.025, 2) = 0.03 because 0.025 is stored as 0.025000000000000001).
 */

const EXTRA = 30;

/** `round(x)` / `round(x, digits)` as Python rounds floats (0 ≤ digits ≤ 20). */
export function pyRound(x: number, digits = 0): number {
  if (!Number.isFinite(x) || Math.abs(x) >= 1e21) return x;
  const long = Math.abs(x).toFixed(digits + EXTRA);
  const tail = long.slice(long.length - EXTRA);
  if (tail !== `5${'0'.repeat(EXTRA - 1)}`) return Number(x.toFixed(digits));
  let head = long.slice(0, long.length - EXTRA);
  if (head.endsWith('.')) head = head.slice(0, -1);
  const lastDigit = Number(head[head.length - 1]);
  const truncated = Number(head);
  const magnitude = lastDigit % 2 === 0 ? truncated : Number((truncated + 10 ** -digits).toFixed(digits));
  return x < 0 ? -magnitude : magnitude;
}
