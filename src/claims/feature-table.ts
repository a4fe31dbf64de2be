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
