import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../errors.js';
import { decodeBlobKey, encodeBlobKey } from './blob-key.js';

describe('blob keys', () => {
  it('round-trip, unicode run names included, URL-safe', () => {
    const k = { run: 'ünïcødé run ✓', file: 'events.out.tfevents.1', offset: 1234, slot: -1, index: 2 };
    const key = encodeBlobKey(k);
    expect(key).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeBlobKey(key)).toEqual(k);
  });

  it.each(['', '!!!', Buffer.from('[1,2]').toString('base64url'), Buffer.from('["r","f",-1,0,0]').toString('base64url')])(
    'refuses %j with an InvalidArgumentError',
    (key) => {
      expect(() => decodeBlobKey(key)).toThrow(InvalidArgumentError);
    },
  );
});
