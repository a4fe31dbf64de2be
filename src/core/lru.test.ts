import { describe, expect, it } from 'vitest';
import { LruCache } from './lru.js';

describe('LruCache', () => {
  it('makes a value once, and drops the least recently used when full', () => {
    const made: string[] = [];
    const cache = new LruCache<string, string>(2);
    const get = (k: string) => cache.get(k, (key) => (made.push(key), key.toUpperCase()));
    expect([get('a'), get('b'), get('a')]).toEqual(['A', 'B', 'A']);
    get('c'); // b was used least recently
    get('a');
    get('b');
    expect(made).toEqual(['a', 'b', 'c', 'b']);
    cache.delete('b');
    cache.clear();
    get('a');
    expect(made).toEqual(['a', 'b', 'c', 'b', 'a']);
  });
});
