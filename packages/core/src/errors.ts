/**
 * Typed errors that cross layers. The HTTP layer turns each into one status code, in
 * one place; everything below it throws these instead of building responses.
 */

/** An absent run, tag, blob or file. Becomes a 404. */
export class NotFoundError extends Error {
  override readonly name = 'NotFoundError';
}

/** A request whose arguments cannot be right. Becomes a 400. */
export class InvalidArgumentError extends Error {
  override readonly name = 'InvalidArgumentError';
}
