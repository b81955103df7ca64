import { describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { acceptsGzip, AnswerCache, replyJson } from './answer-cache.js';

describe('AnswerCache', () => {
  it('computes once per version, again when the version changes', () => {
    const cache = new AnswerCache();
    let calls = 0;
    const compute = () => `"answer ${++calls}"`;
    expect(cache.get('k', 'v1', compute).json).toBe('"answer 1"');
    expect(cache.get('k', 'v1', compute).json).toBe('"answer 1"');
    expect(cache.get('k', 'v2', compute).json).toBe('"answer 2"');
    expect(calls).toBe(2);
  });

  it('drops the least recently used answers past its size, and keeps no answer larger than its bound', () => {
    const cache = new AnswerCache(10, 6);
    cache.get('a', 'v', () => 'aaaa');
    cache.get('b', 'v', () => 'bbbb');
    cache.get('a', 'v', () => 'never');
    cache.get('c', 'v', () => 'cccc'); // 12 > 10: 'b' goes
    expect(cache.count).toBe(2);
    let calls = 0;
    expect(cache.get('a', 'v', () => `${++calls}`).json).toBe('aaaa');
    expect(cache.get('b', 'v', () => `${++calls}`).json).toBe('1');
    cache.get('big', 'v', () => 'x'.repeat(7));
    expect(cache.get('big', 'v', () => 'computed again').json).toBe('computed again');
  });
});

describe('replyJson', () => {
  const big = { version: 'v', json: JSON.stringify(Array.from({ length: 500 }, (_, i) => i)) };
  it('sends gzip to a client that accepts it, the text to one that does not', () => {
    const gz = replyJson(new Request('http://x/', { headers: { 'Accept-Encoding': 'gzip, deflate' } }), { ...big });
    expect(gz.headers['Content-Encoding']).toBe('gzip');
    expect(gunzipSync(gz.body as Uint8Array).toString()).toBe(big.json);
    const plain = replyJson(new Request('http://x/'), { ...big });
    expect(plain.headers['Content-Encoding']).toBeUndefined();
    expect(plain.body).toBe(big.json);
  });

  it('reads Accept-Encoding as HTTP does', () => {
    expect(acceptsGzip('gzip')).toBe(true);
    expect(acceptsGzip('deflate, gzip;q=0')).toBe(false);
    expect(acceptsGzip('*')).toBe(true);
    expect(acceptsGzip('br')).toBe(false);
    expect(acceptsGzip(undefined)).toBe(false);
  });
});
