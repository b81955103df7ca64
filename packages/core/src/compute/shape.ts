/** Shape checks shared by the compute jobs, with messages that say what was expected and found. */

/** Throws a RangeError unless `data` holds n x d numbers with n and d positive integers. */
export function checkData(job: string, data: Float32Array, n: number, d: number): void {
  if (!(data instanceof Float32Array)) throw new TypeError(`${job}: expected data as a Float32Array, found ${Object.prototype.toString.call(data)}`);
  if (!Number.isInteger(n) || !Number.isInteger(d) || n < 1 || d < 1) {
    throw new RangeError(`${job}: expected positive integer n and d, found n=${n}, d=${d}`);
  }
  if (data.length !== n * d) throw new RangeError(`${job}: expected ${n}x${d} = ${n * d} numbers, found ${data.length}`);
}
