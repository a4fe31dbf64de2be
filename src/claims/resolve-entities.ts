/**
 * Cross-article entity resolution: groups entity mentions of all articles into entities with a
 * canonical name and aliases (surnames, acronyms, possessive reorderings, transliterations).
 */
import { z } from 'zod';
import { hashId, type Article } from '../core/article.js';
import type { Corpus, CorpusStage } from '../core/pipeline.js';
import type { StageFactory } from '../core/registry.js';
import type { Span } from '../core/span.js';
import { UnionFind } from '../core/union-find.js';
import { CONLL_FIRST_NAMES } from './lexicon/entities-conll.js';
import { FIRST_NAMES, STATE_ALIASES } from './lexicon/entities.js';
import type { EntityMention, EntityType } from './types.js';

/** One entity across the corpus: exactly the export shape (src/report/export-schema.ts). */
export interface ResolvedEntity {
  /** Stable id: hash of type and canonical name. */
  id: string;
  name: string;
  type: EntityType;
  aliases: string[];
  mentions: Array<{ article: string; start: number; end: number }>;
}

declare module '../core/pipeline.js' {
  interface CorpusData {
    entities?: ResolvedEntity[];
  }
}

/** Names of at most this many letters merge by spelling only when identical. */
const MIN_FUZZY_CHARS = 5;
/** Allowed edit distance per this many characters of the shorter name (length-scaled bound). */
const CHARS_PER_EDIT = 5;
/** Upper bound on the edit distance between two spellings of one name. */
const MAX_EDITS = 2;

const STOP_WORDS = new Set(['of', 'the', 'for', 'and', 'on', 'in', 'de', '&']);

interface Item {
  article: string;
  mention: EntityMention;
  surface: string;
  key: string;
  tokens: string[];
}

/** Resolves the entity layers of all articles into corpus-wide entities. */
export function resolveEntities(articles: readonly Article[]): ResolvedEntity[] {
  const items: Item[] = [];
  const texts = new Map<string, string>();
  for (const article of articles) {
    texts.set(article.id, article.text);
    for (const mention of article.layers.entity ?? []) {
      const surface = article.text.slice(mention.start, mention.end).replace(/\s+/g, ' ').replace(/['’]s$/, '');
      const key = normaliseKey(mention.key);
      items.push({ article: article.id, mention, surface, key, tokens: key.split(' ') });
    }
  }
  const uf = new UnionFind(items.length);
  const typeOf = (i: number) => items[i].mention.type;

  // 1. Same type and key; untyped mentions join a typed group with their key when there is one.
  const byTypeKey = new Map<string, number>();
  const typesByKey = new Map<string, Set<EntityType>>();
  items.forEach((item, i) => {
    if (item.mention.type === 'other') return;
    const k = `${item.mention.type}\u0000${item.key}`;
    const first = byTypeKey.get(k);
    if (first === undefined) byTypeKey.set(k, i);
    else uf.union(first, i);
    (typesByKey.get(item.key) ?? typesByKey.set(item.key, new Set()).get(item.key)!).add(item.mention.type);
  });
  items.forEach((item, i) => {
    if (item.mention.type !== 'other') return;
    const types = typesByKey.get(item.key);
    if (types?.size === 1) {
      const type = [...types][0];
      item.mention = { ...item.mention, type };
      uf.union(byTypeKey.get(`${type}\u0000${item.key}`)!, i);
    }
  });
  const live = items.map((_, i) => i).filter((i) => typeOf(i) !== 'other');

  // 1b. Other names of states ("DPRK" ~ "North Korea"), from a lexicon; only among places, and only to a usual name that is present.
  for (const i of live) {
    if (typeOf(i) !== 'place') continue;
    const usual = STATE_ALIAS_KEYS.get(items[i].key.replace(/\./g, ''));
    const j = usual === undefined ? undefined : byTypeKey.get(`place\u0000${usual}`);
    if (j !== undefined) uf.union(j, i);
  }

  // 2. Spelling variants of one name within a type (transliterations and typos).
  const reps = () => [...new Set(live.map((i) => uf.find(i)))];
  const groupKey = (root: number) => items[root].key;
  // Candidates share a type and a skeleton (of the surname for persons), so buckets keep this near-linear.
  const buckets = new Map<string, number[]>();
  for (const r of reps()) {
    const key = groupKey(r);
    const block = `${typeOf(r)}\u0000${skeleton(typeOf(r) === 'person' ? key.split(' ').at(-1)! : key)}`;
    (buckets.get(block) ?? buckets.set(block, []).get(block)!).push(r);
  }
  for (const roots of buckets.values()) {
    for (let a = 0; a < roots.length; a++) {
      for (let b = a + 1; b < roots.length; b++) {
        if (uf.find(roots[a]) === uf.find(roots[b])) continue;
        if (sameNameSpelling(typeOf(roots[a]), groupKey(roots[a]), groupKey(roots[b]))) uf.union(roots[a], roots[b]);
      }
    }
  }

  // 3. Surnames alone -> the one full name ending in that surname (in the article, else the corpus).
  const fullNamesBySurname = new Map<string, number[]>();
  for (const i of live) {
    if (typeOf(i) !== 'person' || items[i].tokens.length < 2) continue;
    const surname = skeleton(items[i].tokens.at(-1)!);
    (fullNamesBySurname.get(surname) ?? fullNamesBySurname.set(surname, []).get(surname)!).push(i);
  }
  for (const i of live) {
    if (typeOf(i) !== 'person' || items[i].tokens.length !== 1) continue;
    const matches = fullNamesBySurname.get(skeleton(items[i].key)) ?? [];
    const local = new Set(matches.filter((j) => items[j].article === items[i].article).map((j) => uf.find(j)));
    const global = new Set(matches.map((j) => uf.find(j)));
    const target = local.size === 1 ? [...local][0] : local.size === 0 && global.size === 1 ? [...global][0] : undefined;
    if (target !== undefined) uf.union(target, i);
  }

  // 4. Acronyms: explicit "Full Name (ACRO)" definitions first, then initials of content words.
  const orgLike = (i: number) => typeOf(i) === 'organisation' || typeOf(i) === 'outlet';
  const acronymType = (i: number) => orgLike(i) || typeOf(i) === 'place';
  const acronymOf = new Map<string, Set<number>>();
  const byArticle = new Map<string, number[]>();
  for (const i of live) if (acronymType(i)) (byArticle.get(items[i].article) ?? byArticle.set(items[i].article, []).get(items[i].article)!).push(i);
  for (const i of live) {
    const { mention, article } = items[i];
    if (!acronymType(i) || items[i].tokens.length < 2) continue;
    const text = texts.get(article)!;
    const defined = /^\s*\(([A-Z][A-Za-z&]{1,7})\)/.exec(text.slice(mention.end, mention.end + 12))?.[1];
    const withThe = /^the /i.test(items[i].surface) ? [`t${initialsOf(items[i].key)[0]}`] : [];
    for (const acro of defined ? [defined.toLowerCase()] : [...initialsOf(items[i].key), ...withThe]) {
      (acronymOf.get(acro) ?? acronymOf.set(acro, new Set()).get(acro)!).add(uf.find(i));
    }
  }
  for (const i of live) {
    if (!acronymType(i) || items[i].tokens.length !== 1 || !/^(?:[A-Z]\.?){2,7}$|^[A-Z][A-Z&]{1,7}$/.test(items[i].surface)) continue;
    const acro = items[i].key.replace(/\./g, '');
    const roots = new Set([...(acronymOf.get(acro) ?? [])].filter((r) => typeOf(r) === typeOf(i) || (orgLike(r) && orgLike(i))).map((r) => uf.find(r)));
    const inArticle = byArticle.get(items[i].article) ?? [];
    const local = [...roots].filter((r) => inArticle.some((j) => uf.find(j) === r));
    const target = roots.size === 1 ? [...roots][0] : local.length === 1 ? local[0] : undefined;
    if (target !== undefined) uf.union(target, i);
  }

  // 5. A bare organisation name -> the one "Name of X" form ("Defense Intelligence" ~ "… of Ukraine").
  const byHead = new Map<string, number[]>();
  for (const j of live) {
    const at = items[j].key.indexOf(' of ');
    if (!orgLike(j) || at < 0) continue;
    const head = items[j].key.slice(0, at);
    (byHead.get(head) ?? byHead.set(head, []).get(head)!).push(j);
  }
  for (const i of live) {
    if (!orgLike(i) || items[i].key.includes(' of ')) continue;
    const roots = new Set((byHead.get(items[i].key) ?? []).map((j) => uf.find(j)));
    if (roots.size === 1) uf.union([...roots][0], i);
  }

  // 6. The first or last word of an organisation's name used alone in the same article ("United" for
  // "Portavel United", "Westhaven" for "Westhaven Rovers"), when exactly one such organisation is named there.
  const orgNames = new Map<string, Map<string, Set<number>>>();
  for (const j of live) {
    if (!orgLike(j) || items[j].tokens.length < 2) continue;
    const words = new Map(orgNames.get(items[j].article) ?? []);
    // The first word only of two-word names: in longer ones it is often a place ("Averly Polytechnic University").
    const edges = items[j].tokens.length === 2 ? items[j].tokens : [items[j].tokens.at(-1)!];
    for (const edge of edges) {
      if (STOP_WORDS.has(edge)) continue;
      (words.get(edge) ?? words.set(edge, new Set()).get(edge)!).add(uf.find(j));
    }
    orgNames.set(items[j].article, words);
  }
  const shortForms: number[] = [];
  items.forEach((item, i) => {
    if (item.tokens.length !== 1 || !(orgLike(i) || typeOf(i) === 'other')) return;
    const roots = orgNames.get(item.article)?.get(item.key);
    if (roots?.size !== 1) return;
    const root = [...roots][0];
    if (uf.find(i) === root) return;
    if (typeOf(i) === 'other') {
      item.mention = { ...item.mention, type: typeOf(root) };
      shortForms.push(i);
    } else if (typeOf(i) !== typeOf(root)) return;
    uf.union(root, i);
  });

  return buildEntities(items, [...live, ...shortForms], uf);
}

function buildEntities(items: Item[], live: number[], uf: UnionFind): ResolvedEntity[] {
  const groups = new Map<number, number[]>();
  for (const i of live) {
    const root = uf.find(i);
    (groups.get(root) ?? groups.set(root, []).get(root)!).push(i);
  }
  const entities: ResolvedEntity[] = [];
  for (const members of groups.values()) {
    const forms = new Map<string, number>();
    for (const i of members) forms.set(items[i].surface, (forms.get(items[i].surface) ?? 0) + 1);
    // The most complete form (most words, not an acronym), then the most frequent, then the one
    // with more known given names (a standard transliteration), then alphabetical.
    const ranked = [...forms].sort(
      ([a, na], [b, nb]) => completeness(b) - completeness(a) || nb - na || knownWords(b) - knownWords(a) || a.localeCompare(b),
    );
    const name = ranked[0][0];
    const type = items[members[0]].mention.type;
    const mentions = members
      .map((i) => ({ article: items[i].article, start: items[i].mention.start, end: items[i].mention.end }))
      .sort((a, b) => a.article.localeCompare(b.article) || a.start - b.start);
    entities.push({
      id: hashId(`entity:${type}:${normaliseKey(name)}`),
      name,
      type,
      aliases: ranked.slice(1).map(([form]) => form),
      mentions,
    });
  }
  entities.sort((a, b) => b.mentions.length - a.mentions.length || a.name.localeCompare(b.name));
  return withUniqueIds(entities);
}

/**
 * Groups kept apart can share a type and name (two people called "Kim"); a later one's id then also
 * hashes its first mention, so ids stay distinct and stable across runs.
 */
export function withUniqueIds(entities: ResolvedEntity[]): ResolvedEntity[] {
  const seen = new Set<string>();
  for (const entity of entities) {
    if (seen.has(entity.id)) {
      const first = entity.mentions[0];
      entity.id = hashId(`entity:${entity.type}:${normaliseKey(entity.name)}:${first?.article}:${first?.start}`);
    }
    seen.add(entity.id);
  }
  return entities;
}

function knownWords(form: string): number {
  return form.toLowerCase().split(' ').filter((w) => FIRST_NAMES.has(w) || CONLL_FIRST_NAMES.has(w)).length;
}

function completeness(form: string): number {
  const words = form.split(' ').length;
  return /^[A-Z&.]+$/.test(form) ? 0 : words;
}

/** STATE_ALIASES with both sides normalised as mention keys are. */
const STATE_ALIAS_KEYS: ReadonlyMap<string, string> = new Map(
  [...STATE_ALIASES].map(([alias, usual]) => [normaliseKey(alias).replace(/\./g, ''), normaliseKey(usual)]),
);

function normaliseKey(key: string): string {
  return stripDiacritics(key.toLowerCase())
    .replace(/[’‘]/g, "'")
    .replace(/^the /, '')
    .replace(/'s$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function stripDiacritics(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '');
}

/**
 * Spelling skeleton of a name: lowercase, no diacritics, y/i/j and k/c/q collapsed, doubled
 * letters collapsed, w read as v, vowels after the first letter dropped ("Kyrylo", "Kirill", "Krylo" -> "krl").
 */
export function skeleton(name: string): string {
  return stripDiacritics(name.toLowerCase())
    .replace(/[^a-z0-9 ]/g, '')
    .replace(/[yj]/g, 'i')
    .replace(/[cq]/g, 'k')
    .replace(/w/g, 'v') // Polish/German "w" is transliterated "v" ("Wolodymyr", "Ivanow")
    .replace(/ck/g, 'k')
    .replace(/(.)\1+/g, '$1')
    .split(' ')
    .map((w) => w[0] + w.slice(1).replace(/[aeiou]/g, ''))
    .join(' ');
}

/** Levenshtein distance between two strings. */
export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return row[b.length];
}

function closeSpelling(a: string, b: string): boolean {
  if (a === b) return true;
  const shorter = Math.min(a.length, b.length);
  if (shorter < MIN_FUZZY_CHARS) return false;
  const bound = Math.min(MAX_EDITS, Math.floor(shorter / CHARS_PER_EDIT));
  return skeleton(a) === skeleton(b) || editDistance(a, b) <= bound;
}

/** True when two keys of one type are spellings of one name; full person names must share the surname. */
function sameNameSpelling(type: EntityType, a: string, b: string): boolean {
  if (type !== 'person') return closeSpelling(a, b) && skeleton(a) === skeleton(b);
  const ta = a.split(' ');
  const tb = b.split(' ');
  if (ta.length !== tb.length || ta.length < 2) return false;
  if (skeleton(ta.at(-1)!) !== skeleton(tb.at(-1)!)) return false;
  return ta.every((t, k) => closeSpelling(t, tb[k]));
}

function initialsOf(key: string): string[] {
  const words = key.split(' ');
  const content = words.filter((w) => !STOP_WORDS.has(w));
  const out = new Set([content.map((w) => w[0]).join('')]);
  const ofAt = words.indexOf('of');
  if (ofAt > 1) out.add(words.slice(0, ofAt).filter((w) => !STOP_WORDS.has(w)).map((w) => w[0]).join(''));
  return [...out].filter((s) => s.length >= 2);
}


const indexCache = new WeakMap<ResolvedEntity[], Map<string, Array<{ start: number; end: number; id: string }>>>();

/**
 * Id of the resolved entity mentioned at `span` in an article: the exact mention, else the
 * mention overlapping the span most; undefined when none.
 * @example entityIdAt(corpus, article.id, attribution.speaker)
 */
export function entityIdAt(corpus: Pick<Corpus, 'data'>, articleId: string, span: Span): string | undefined {
  const entities = corpus.data.entities;
  if (!entities) return undefined;
  let index = indexCache.get(entities);
  if (!index) {
    index = new Map();
    for (const entity of entities) {
      for (const m of entity.mentions) {
        (index.get(m.article) ?? index.set(m.article, []).get(m.article)!).push({ start: m.start, end: m.end, id: entity.id });
      }
    }
    indexCache.set(entities, index);
  }
  let best: string | undefined;
  let bestOverlap = 0;
  for (const m of index.get(articleId) ?? []) {
    if (m.start === span.start && m.end === span.end) return m.id;
    const overlap = Math.min(m.end, span.end) - Math.max(m.start, span.start);
    if (overlap > bestOverlap) {
      bestOverlap = overlap;
      best = m.id;
    }
  }
  return best;
}

/** Builds the `claims/resolve-entities` corpus stage, which fills `corpus.data.entities`. */
export function createResolveEntitiesStage(): CorpusStage {
  return {
    name: 'claims/resolve-entities',
    kind: 'corpus',
    requires: ['layers.entity'],
    produces: ['corpus.entities'],
    run(corpus: Corpus): Corpus {
      return { ...corpus, data: { ...corpus.data, entities: resolveEntities(corpus.articles) } };
    },
  };
}

/** Default `claims/resolve-entities` stage. */
export const resolveEntitiesStage: CorpusStage = createResolveEntitiesStage();

const resolveEntitiesOptionsSchema = z.object({});

/** Registry factory for `claims/resolve-entities`. */
export const resolveEntitiesFactory: StageFactory<typeof resolveEntitiesOptionsSchema> = {
  name: 'claims/resolve-entities',
  options: resolveEntitiesOptionsSchema,
  create: () => createResolveEntitiesStage(),
};
