import { describe, expect, it } from 'vitest';
import { HttpError, InvalidArgumentError, NotFoundError } from './errors.js';
import { statusOf } from './server/errors.js';

describe('the HttpError family', () => {
  it('carries its status, and refuses one that is not an error status', () => {
    expect(new NotFoundError('x').status).toBe(404);
    expect(new InvalidArgumentError('x').status).toBe(400);
    expect(new HttpError(409, 'busy').status).toBe(409);
    expect(() => new HttpError(200, 'fine')).toThrow('HttpError status should be an integer from 400 to 599, found 200');
  });

  it("is recognised from another copy of @tb/core (a plugin's own), by its brand", () => {
    const brand: unique symbol = Symbol.for('@tb/core:HttpError') as never;
    class ForeignHttpError extends Error {
      readonly status = 404;
      readonly [brand] = true;
    }
    const foreign = new ForeignHttpError('no such run');
    expect(foreign instanceof HttpError).toBe(true);
    expect(foreign instanceof NotFoundError).toBe(false);
    expect(statusOf(foreign)).toBe(404);
    expect(statusOf(new TypeError('bug'))).toBe(500);
    expect(new TypeError('bug') instanceof HttpError).toBe(false);
  });
});
