/**
 * Independent-origin groups: connected components of derivation links, joined where two articles
 * relay the same primary source. Corroboration counts these groups, not articles.
 */
import type { ReuseLink } from './types.js';

/** Groups article ids into independent-origin groups (sorted, deterministic); unlinked articles stand alone. */
export function groupOrigins(articleIds: readonly string[], links: readonly ReuseLink[]): string[][] {
  const parent = new Map<string, string>(articleIds.map((id) => [id, id]));
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root)!;
    while (parent.get(x) !== root) {
      const next = parent.get(x)!;
      parent.set(x, root);
      x = next;
    }
    return root;
  };
  for (const link of links) {
    if (!parent.has(link.from) || !parent.has(link.to)) continue;
    const [ra, rb] = [find(link.from), find(link.to)];
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  }
  const groups = new Map<string, string[]>();
  for (const id of articleIds) {
    const root = find(id);
    const g = groups.get(root);
    if (g) g.push(id);
    else groups.set(root, [id]);
  }
  return [...groups.values()].map((g) => [...g].sort()).sort((x, y) => y.length - x.length || x[0].localeCompare(y[0]));
}
