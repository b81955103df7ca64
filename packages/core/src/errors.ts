/**
 * Typed errors that cross layers. The HTTP layer turns each into its status code, in
 * one place; everything below it (the multiplexer, plugins' pure functions) throws these
 * instead of building responses.
 *
 * @example
 * throw new NotFoundError(`no scalars for run ${JSON.stringify(run)}`); // a 404 naming the plugin
 * throw new HttpError(409, 'the sweep is still being written');        // any other status
 */

const BRAND = Symbol.for('@tb/core:HttpError');

/**
 * An error that becomes an HTTP answer with `status` and this message. Recognised by a
 * brand rather than by class, so a plugin that bundles its own copy of @tb/core still
 * gets its 4xx answers.
 */
export class HttpError extends Error {
  override readonly name: string = 'HttpError';
  readonly status: number;
  readonly [BRAND] = true;

  static override [Symbol.hasInstance](value: unknown): boolean {
    if (this !== HttpError) return Function.prototype[Symbol.hasInstance].call(this, value);
    return typeof value === 'object' && value !== null && (value as { [BRAND]?: unknown })[BRAND] === true;
  }

  constructor(status: number, message: string) {
    super(message);
    if (!Number.isInteger(status) || status < 400 || status > 599) {
      throw new RangeError(`HttpError status should be an integer from 400 to 599, found ${status}`);
    }
    this.status = status;
  }
}

/** An absent run, tag, blob or file. Becomes a 404. */
export class NotFoundError extends HttpError {
  override readonly name = 'NotFoundError';
  constructor(message: string) {
    super(404, message);
  }
}

/** A request whose arguments cannot be right. Becomes a 400. */
export class InvalidArgumentError extends HttpError {
  override readonly name = 'InvalidArgumentError';
  constructor(message: string) {
    super(400, message);
  }
}
