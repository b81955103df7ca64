/** A bad command line: `tb-core` prints the message as is and exits with status 2. */
export class FlagError extends Error {
  override readonly name = 'FlagError';
}
