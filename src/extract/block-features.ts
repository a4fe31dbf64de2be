/**
 * Features of a page's blocks for the block model (block-model.ts): jusText's block measures (length, link density,
 * stopword density, sentence punctuation) with their neighbours', where the block sits (its ancestors' tags and
 * class/id words, as trafilatura's and Readability's class patterns read them) and whether the cascade picked it.
 */
import type { DomElement } from './dom.js';
import { STOPWORDS } from './lang-lexicon.js';
import type { SourceParagraph } from './paragraph.js';

/** Ancestor tags recorded as marks. */
const MARK_TAGS = new Set(['nav', 'header', 'footer', 'aside', 'article', 'main', 'table', 'dl', 'section', 'menu', 'label', 'form', 'dialog', 'details']);

/** Class/id/itemprop/role words recorded as marks (singular; a trailing "s" is dropped before lookup): generic web-page vocabulary. */
const MARK_WORDS = new Set([
  'content', 'article', 'post', 'entry', 'body', 'text', 'main', 'story', 'recipe', 'ingredient', 'instruction', 'direction', 'step',
  'product', 'description', 'detail', 'price', 'review', 'comment', 'reply', 'message', 'thread', 'topic', 'forum', 'question', 'answer',
  'card', 'item', 'list', 'grid', 'teaser', 'title', 'header', 'footer', 'nav', 'navigation', 'menu', 'sidebar', 'widget', 'related', 'share',
  'social', 'breadcrumb', 'cookie', 'banner', 'ad', 'advert', 'promo', 'newsletter', 'subscribe', 'login', 'search', 'meta', 'tag', 'author',
  'date', 'byline', 'caption', 'pagination', 'table', 'doc', 'documentation', 'markdown', 'prose', 'hero', 'modal', 'popup', 'footnote',
  'toc', 'summary', 'feature', 'spec', 'specification', 'faq', 'accordion', 'tab', 'user', 'profile', 'signature', 'vote', 'rating', 'hidden',
  'complementary', 'contentinfo', 'articlebody', 'reviewbody', 'headline', 'blog', 'page', 'copyright', 'legal', 'utility', 'toolbar',
  'dropdown', 'overlay', 'notice', 'alert', 'skip', 'logo', 'brand', 'account', 'cart', 'checkout', 'filter', 'sort', 'result', 'listing',
  'thumbnail', 'more', 'recommend', 'popular', 'trending', 'latest', 'also', 'next', 'prev', 'sponsor', 'disclaimer', 'bio', 'avatar',
  // Calls to action, site chrome and shop furniture (session 9): buttons, sign-up and consent boxes, carousels, member stats, cart options.
  'btn', 'button', 'cta', 'action', 'form', 'signup', 'register', 'consent', 'privacy', 'stat', 'badge', 'counter', 'carousel', 'slider',
  'swiper', 'gallery', 'app', 'download', 'survey', 'feedback', 'help', 'member', 'rank', 'drawer', 'offcanvas', 'sticky', 'announcement',
  'upsell', 'recently', 'viewed', 'variant', 'swatch', 'option', 'quantity', 'stock', 'shipping', 'delivery', 'policy', 'term', 'chat',
  'support', 'contact', 'follow', 'print', 'email',
]);

function singular(word: string): string {
  return word.length > 3 && word.endsWith('s') && !word.endsWith('ss') ? word.slice(0, -1) : word;
}

/** Structural marks an element gives its blocks: `t:<tag>` and `w:<word>` of its class, id, role, itemprop and itemtype. */
export function blockMarks(el: DomElement): readonly string[] {
  const out: string[] = [];
  if (MARK_TAGS.has(el.localName)) out.push(`t:${el.localName}`);
  const names = [el.getAttribute('class'), el.getAttribute('id'), el.getAttribute('role'), el.getAttribute('itemprop'), el.getAttribute('itemtype')];
  for (const name of names) {
    if (!name) continue;
    for (const part of name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().split(/[^a-z]+/)) {
      const w = singular(part);
      if (MARK_WORDS.has(w) && !out.includes(`w:${w}`)) out.push(`w:${w}`);
    }
  }
  return out;
}

const STOPWORD_SET = new Set(Object.values(STOPWORDS).flat());

/** The marks that are features, in a fixed order. */
export const MARK_FEATURES: readonly string[] = [...[...MARK_TAGS].map((t) => `t:${t}`), ...[...MARK_WORDS].map((w) => `w:${w}`)];

/** Per-block measures the features are built from. */
interface Measures {
  chars: number;
  logChars: number;
  link: number;
  terminal: number;
  stop: number;
  main: number;
}

const WORD_RE = /[\p{L}\p{N}]+/gu;
const TERMINAL_RE = /[.!?;:。！？]["'”’»)\]]*$/u;

function measure(p: SourceParagraph, inMain: boolean): Measures {
  const words = p.text.toLowerCase().match(WORD_RE) ?? [];
  let stop = 0;
  for (const w of words) if (STOPWORD_SET.has(w)) stop++;
  return {
    chars: p.text.length,
    logChars: Math.log1p(p.text.length),
    link: p.linkDensity ?? 0,
    terminal: TERMINAL_RE.test(p.text) ? 1 : 0,
    stop: words.length ? stop / words.length : 0,
    main: inMain ? 1 : 0,
  };
}

/** Names of the non-mark features, in order. */
export const BASE_FEATURES: readonly string[] = [
  'logChars', 'logWords', 'link', 'terminal', 'stop', 'stopLong', 'punct', 'digits', 'caps', 'heading', 'listItem', 'inFigure', 'quote',
  'relPos', 'main', 'prevMain', 'nextMain', 'mainNear', 'mainDist', 'prevLink', 'nextLink', 'winLink', 'winTerminal', 'winLogChars',
  'winStop', 'duplicate', 'mainShare', 'mainNone', 'pageLogBlocks', 'widened', 'readability', 'fallback', 'depthMarks',
  'sigLogCount', 'sigShare', 'sigMain', 'sigLink', 'pageLink', 'hidden',
];

/** All feature names, in the order of {@link blockFeatures}'s rows. */
export const FEATURE_NAMES: readonly string[] = [...BASE_FEATURES, ...MARK_FEATURES];

/** How the cascade's pick was found, as a feature. */
export type PickKind = 'readability' | 'widened' | 'fallback';

const MAIN_REACH = 8;

/**
 * One feature row per page block. `inMain[i]` says whether the cascade's content holds block i.
 * @example blockFeatures(pageBlocks, inMain, 'readability')[0].length === FEATURE_NAMES.length
 */
export function blockFeatures(blocks: readonly SourceParagraph[], inMain: readonly boolean[], pick: PickKind): number[][] {
  const n = blocks.length;
  const m = blocks.map((p, i) => measure(p, inMain[i]));
  const counts = new Map<string, number>();
  for (const p of blocks) counts.set(p.text, (counts.get(p.text) ?? 0) + 1);
  let total = 0;
  let mainChars = 0;
  for (const x of m) {
    total += x.chars;
    mainChars += x.main * x.chars;
  }
  const mainShare = total ? mainChars / total : 0;
  // Distance (in blocks) to the nearest block of the cascade's pick, both ways.
  const dist = new Array<number>(n).fill(Infinity);
  for (let i = 0, last = -Infinity; i < n; i++) {
    if (m[i].main) last = i;
    dist[i] = i - last;
  }
  for (let i = n - 1, next = Infinity; i >= 0; i--) {
    if (m[i].main) next = i;
    dist[i] = Math.min(dist[i], next - i);
  }
  // Repeated structure: blocks with the same ancestor marks and kind are one template's entries (posts, cards, products).
  const sigOf = (p: SourceParagraph) => `${p.heading ? 'h' : ''}${p.listItem ? 'l' : ''}${p.hidden ? 'x' : ''}|${(p.marks ?? []).join(' ')}`;
  const groups = new Map<string, { count: number; chars: number; main: number; link: number }>();
  let linkChars = 0;
  blocks.forEach((p, i) => {
    const g = groups.get(sigOf(p)) ?? { count: 0, chars: 0, main: 0, link: 0 };
    groups.set(sigOf(p), g);
    g.count++;
    g.chars += m[i].chars;
    g.main += m[i].main;
    g.link += m[i].link;
    linkChars += m[i].link * m[i].chars;
  });
  const pageLink = total ? linkChars / total : 0;
  const markIndex = new Map(MARK_FEATURES.map((k, j) => [k, BASE_FEATURES.length + j]));
  const win = (i: number, r: number, key: keyof Measures) => {
    let s = 0;
    let c = 0;
    for (let j = Math.max(0, i - r); j <= Math.min(n - 1, i + r); j++) if (j !== i) (s += m[j][key]), c++;
    return c ? s / c : 0;
  };
  return blocks.map((p, i) => {
    const x = m[i];
    const text = p.text;
    const words = text.match(WORD_RE) ?? [];
    const caps = words.filter((w) => /^\p{Lu}/u.test(w)).length;
    const row = [
      x.logChars,
      Math.log1p(words.length),
      x.link,
      x.terminal,
      x.stop,
      words.length >= 10 ? x.stop : 0,
      (text.match(/[,.;:]/g)?.length ?? 0) / (words.length || 1),
      (text.match(/\p{N}/gu)?.length ?? 0) / (text.length || 1),
      words.length ? caps / words.length : 0,
      p.heading ? 1 : 0,
      p.listItem ? 1 : 0,
      p.inFigure ? 1 : 0,
      p.quote ? 1 : 0,
      n > 1 ? i / (n - 1) : 0,
      x.main,
      i > 0 ? m[i - 1].main : 0,
      i < n - 1 ? m[i + 1].main : 0,
      dist[i] <= MAIN_REACH ? 1 : 0,
      Math.log1p(Math.min(dist[i], 1000)),
      i > 0 ? m[i - 1].link : 1,
      i < n - 1 ? m[i + 1].link : 1,
      win(i, 2, 'link'),
      win(i, 3, 'terminal'),
      win(i, 2, 'logChars'),
      win(i, 2, 'stop'),
      (counts.get(text) ?? 0) > 1 ? 1 : 0,
      mainShare,
      mainChars === 0 ? 1 : 0,
      Math.log1p(n),
      pick === 'widened' ? 1 : 0,
      pick === 'readability' ? 1 : 0,
      pick === 'fallback' ? 1 : 0,
      Math.log1p(p.marks?.length ?? 0),
    ];
    const g = groups.get(sigOf(p))!;
    row.push(Math.log1p(g.count - 1), total ? g.chars / total : 0, g.main / g.count, g.link / g.count, pageLink, p.hidden ? 1 : 0);
    for (let j = row.length; j < FEATURE_NAMES.length; j++) row.push(0);
    for (const mark of p.marks ?? []) {
      const j = markIndex.get(mark);
      if (j !== undefined) row[j] = 1;
    }
    return row;
  });
}
