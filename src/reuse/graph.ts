/**
 * Terminal drawing of the derivation graph: per story, each independent-origin group as a tree from
 * origin to derivatives with kind, score and direction; shared-source relays listed under the tree.
 */
import type { Article } from '../core/article.js';
import type { Corpus } from '../core/pipeline.js';
import { termSafe } from '../report/escape.js';
import './links-stage.js';
import { DERIVED_KINDS, type ReuseLink } from './types.js';

/** Options of the drawing. */
export interface DerivationGraphOptions {
  /** Plain ASCII instead of box-drawing characters and arrows. */
  ascii?: boolean;
  /** Longest article name shown. */
  maxNameChars?: number;
}

interface StoryView {
  label: string;
  articleIds: string[];
  origins?: string[][];
}

/** Draws the derivation graph of a corpus as text lines joined by newlines. */
export function renderDerivationGraph(corpus: Corpus, opts: DerivationGraphOptions = {}): string {
  const g = opts.ascii
    ? { mid: '|-- ', last: '`-- ', pipe: '|   ', arrow: '->', both: '<->', space: '    ', dash: '-', ellipsis: '...' }
    : { mid: '├─▶ ', last: '└─▶ ', pipe: '│   ', arrow: '→', both: '⇄', space: '    ', dash: '—', ellipsis: '…' };
  const max = opts.maxNameChars ?? 48;
  const byId = new Map(corpus.articles.map((a) => [a.id, a]));
  const name = (id: string) => shorten(displayName(byId.get(id), id), max, g.ellipsis);
  const links = corpus.data.links ?? [];
  const data = corpus.data as { stories?: StoryView[] };
  const stories: StoryView[] = data.stories?.length
    ? data.stories
    : [{ label: 'all articles', articleIds: corpus.articles.map((a) => a.id), origins: corpus.data.origins }];
  const lines: string[] = [];
  for (const story of stories) {
    const members = new Set(story.articleIds);
    const inside = links.filter((l) => members.has(l.from) && members.has(l.to));
    const groups = story.origins ?? story.articleIds.map((id) => [id]);
    lines.push(`Story: ${shorten(story.label, 2 * max, g.ellipsis)} ${g.dash} ${story.articleIds.length} article(s), ${groups.length} independent origin(s)`);
    groups.forEach((group, gi) => {
      lines.push(`  Origin ${gi + 1}:`);
      const inGroup = new Set(group);
      const derived = inside.filter((l) => DERIVED_KINDS.includes(l.kind) && inGroup.has(l.from));
      const derivedIds = new Set(derived.map((l) => l.from));
      const roots = group.filter((id) => !derivedIds.has(id));
      const seen = new Set<string>();
      const draw = (id: string, prefix: string) => {
        const children = derived.filter((l) => l.to === id && !seen.has(l.from));
        children.forEach((l, i) => {
          seen.add(l.from);
          const isLast = i === children.length - 1;
          lines.push(`${prefix}${isLast ? g.last : g.mid}${name(l.from)}  ${describe(l)}`);
          draw(l.from, prefix + (isLast ? g.space : g.pipe));
        });
      };
      for (const root of roots.length ? roots : group.slice(0, 1)) {
        seen.add(root);
        lines.push(`    ${name(root)}`);
        draw(root, '    ');
      }
      for (const l of inside.filter((x) => x.kind === 'shared-source' && inGroup.has(x.from))) {
        lines.push(`    ${name(l.from)} ${g.both} ${name(l.to)}  shared source ${l.score.toFixed(2)}`);
      }
    });
  }
  const crossStory = links.filter((l) => !stories.some((s) => s.articleIds.includes(l.from) && s.articleIds.includes(l.to)));
  if (crossStory.length) {
    lines.push('Across stories:');
    for (const l of crossStory) lines.push(`    ${name(l.from)} ${g.arrow} ${name(l.to)}  ${describe(l)}`);
  }
  return lines.join('\n');
}

function describe(l: ReuseLink): string {
  return `${l.kind} ${l.score.toFixed(2)}${l.direction === 'known' ? '' : ` (direction ${l.direction})`}`;
}

/** Readable article name: site, then title, then file name, then id. */
function displayName(article: Article | undefined, id: string): string {
  if (!article) return id;
  const file = article.source.path?.split(/[\\/]/).pop();
  const head = article.meta.site ?? article.meta.title ?? file ?? id;
  return file && head !== file ? `${head} [${file}]` : head;
}

function shorten(raw: string, max: number, ellipsis: string): string {
  // Names and labels come from inputs: no control or bidi character reaches the terminal.
  const s = termSafe(raw);
  return s.length > max ? `${s.slice(0, max - ellipsis.length)}${ellipsis}` : s;
}
