/**
 * A cache that keeps its most recently used entries: a Map in order of last use, the oldest dropped first. One
 * piece for the token cache, prepared SQL statements and the API's story analyses.
 */
export class LruCache<K, V> {
  private readonly entries = new Map<K, V>();
  constructor(private readonly max: number) {}

  /** The value for `key`, made by `make` when missing; the least recently used entry goes when the cache is full. */
  get(key: K, make: (key: K) => V): V {
    let value: V;
    if (this.entries.has(key)) {
      value = this.entries.get(key)!;
      this.entries.delete(key);
    } else {
      value = make(key);
      if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value!);
    }
    this.entries.set(key, value);
    return value;
  }

  delete(key: K): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}
