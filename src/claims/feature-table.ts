/**
 * Tables of a trained model's two-part features (`w-1|w=x|y`, `w+1=y`) by their parts, so that a tagger looks a word
 * pair or a neighbour up from the words it holds instead of building and hashing a new string for each token.
 */

/**
 * The prefix and separator of features built as `build(x, y)` (`w-1|w=` and `|` for `w-1|w=x|y`; no separator for a
 * builder that ignores x), read off the builder itself so that a table cannot drift from the features it stands for.
 */
export function featureTemplate(build: (x: string, y: string) => string): [prefix: string, separator: string] {
  const probe = build('\u0001', '\u0002');
  const x = probe.indexOf('\u0001');
  const y = probe.indexOf('\u0002');
  if (y !== probe.length - 1 || y < x) throw new Error(`feature table: unexpected feature template ${JSON.stringify(probe)}`);
  return x < 0 ? [probe.slice(0, y), ''] : [probe.slice(0, x), probe.slice(x + 1, y)];
}

/**
 * The values of the features `prefix + x + separator + y`, as `table.get(x)?.get(y)` (with no separator, x is empty).
 * A feature whose rest holds the separator more than once is entered under every split, so a look-up finds exactly the
 * features the built string would.
 */
export function featureTable<V>(features: Iterable<[string, V]>, [prefix, separator]: [string, string]): Map<string, Map<string, V>> {
  const table = new Map<string, Map<string, V>>();
  const enter = (x: string, y: string, value: V) => {
    let inner = table.get(x);
    if (!inner) table.set(x, (inner = new Map()));
    inner.set(y, value);
  };
  for (const [feature, value] of features) {
    if (!feature.startsWith(prefix)) continue;
    const rest = feature.slice(prefix.length);
    if (!separator) enter('', rest, value);
    else for (let k = rest.indexOf(separator); k >= 0; k = rest.indexOf(separator, k + 1)) enter(rest.slice(0, k), rest.slice(k + separator.length), value);
  }
  return table;
}

/**
 * Integers (≥ 0) by a pair of small integer ids (≥ 0), in one open-addressed table of typed arrays: a look-up reads one
 * or two neighbouring slots, where a Map per first id scattered the word pairs of a model over the heap.
 */
export class IdPairTable {
  private readonly first: Int32Array;
  private readonly second: Int32Array;
  private readonly values: Int32Array;
  private readonly mask: number;
  constructor(entries: number) {
    // At most half full, so that a probe ends after a slot or two.
    let capacity = 16;
    while (capacity < entries * 2) capacity *= 2;
    this.first = new Int32Array(capacity).fill(-1);
    this.second = new Int32Array(capacity);
    this.values = new Int32Array(capacity);
    this.mask = capacity - 1;
  }
  /** Enters `value` for (a, b); the table must have been made for at least this many entries. */
  set(a: number, b: number, value: number): void {
    let k = this.slot(a, b);
    while (this.first[k] !== -1 && !(this.first[k] === a && this.second[k] === b)) k = (k + 1) & this.mask;
    this.first[k] = a;
    this.second[k] = b;
    this.values[k] = value;
  }
  /** The value entered for (a, b), or -1. */
  get(a: number, b: number): number {
    for (let k = this.slot(a, b); ; k = (k + 1) & this.mask) {
      const f = this.first[k];
      if (f === -1) return -1;
      if (f === a && this.second[k] === b) return this.values[k];
    }
  }
  private slot(a: number, b: number): number {
    const h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca77);
    return (h ^ (h >>> 15)) & this.mask;
  }
}
