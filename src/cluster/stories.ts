/**
 * Incremental story clustering: each new article joins the story whose term centroid it is most
 * similar to, or opens a new story. Names and numbers weigh more than topic words, so stories on the
 * same broad topic but about different events stay apart.
 */
import type { Article } from '../core/article.js';
import { hashId } from '../core/article.js';
import { isStopword, stem, tokenize, transliterate } from '../reuse/tokens.js';

/** Cosine similarity to a story centroid at which an article joins (FNC-1 bodies: 93% of same-headline pairs reach it, 3% of others). */
export const JOIN_MIN_COSINE = 0.2;
/** Weight multiplier for names (capitalised words) and numbers: they pin the event, not the topic. */
export const SPECIFIC_TERM_WEIGHT = 2;
/** Terms kept per story centroid. */
export const CENTROID_TERMS = 150;
/** Terms kept per article vector. */
export const ARTICLE_TERMS = 80;
/** Characters of a story label built from text when no title is known. */
const LABEL_MAX_CHARS = 80;

/** One story: its articles, their independent-origin groups and the centroid used to assign new articles. */
export interface Story {
  id: string;
  label: string;
  articleIds: string[];
  /** Independent-origin groups (filled by reuse/links). */
  origins: string[][];
  /** Sparse term centroid [term, weight][] (sum of member vectors, top terms). */
  centroid: [string, number][];
}

type Vector = Map<string, number>;

/**
 * Assigns new articles to existing stories or opens new ones; returns the updated story list.
 * Deterministic: articles are taken in publication-then-id order and story ids derive from their first article.
 * @example const stories = addToStories([], articles); const later = addToStories(stories, moreArticles);
 */
export function addToStories(existing: readonly Story[], newArticles: readonly Article[]): Story[] {
  const stories: Story[] = existing.map((s) => ({ ...s, articleIds: [...s.articleIds], origins: s.origins.map((g) => [...g]), centroid: [...s.centroid] }));
  const known = new Set(stories.flatMap((s) => s.articleIds));
  const fresh = [...newArticles]
    .filter((a) => !known.has(a.id))
    .sort((a, b) => (a.meta.publishedAt ?? '').localeCompare(b.meta.publishedAt ?? '') || a.id.localeCompare(b.id));
  const rawVectors = new Map(fresh.map((a) => [a.id, termCounts(a.text)]));
  const centroids = stories.map((s) => new Map(s.centroid));
  for (const article of fresh) {
    const vector = topTerms(weigh(rawVectors.get(article.id)!), ARTICLE_TERMS);
    let best = -1;
    let bestSim = 0;
    centroids.forEach((c, i) => {
      const sim = cosine(vector, c);
      if (sim > bestSim) [best, bestSim] = [i, sim];
    });
    if (vector.size && best >= 0 && bestSim >= JOIN_MIN_COSINE) {
      stories[best].articleIds.push(article.id);
      centroids[best] = topTerms(addVectors(centroids[best], normalise(vector)), CENTROID_TERMS);
      stories[best].centroid = [...centroids[best]];
    } else {
      const centroid = normalise(vector);
      stories.push({ id: `story-${hashId(article.id, 10)}`, label: labelFor(article), articleIds: [article.id], origins: [], centroid: [...centroid] });
      centroids.push(centroid);
    }
  }
  return stories;
}

/** Clusters a batch of articles from scratch. */
export function clusterStories(articles: readonly Article[]): Story[] {
  return addToStories([], articles);
}

function termCounts(text: string): Vector {
  const counts: Vector = new Map();
  const tokens = tokenize(text);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    let key: string;
    let weight = 1;
    if (t.kind === 'char') {
      if (i + 1 >= tokens.length || tokens[i + 1].kind !== 'char') continue;
      key = t.norm + tokens[i + 1].norm;
    } else if (t.kind === 'number') {
      if (t.norm.length < 2) continue;
      key = t.norm;
      weight = SPECIFIC_TERM_WEIGHT;
    } else {
      if (isStopword(t.norm)) continue;
      key = stem(transliterate(t.norm));
      if (t.capital) weight = SPECIFIC_TERM_WEIGHT;
    }
    counts.set(key, (counts.get(key) ?? 0) + weight);
  }
  return counts;
}

// No idf: a batch is often one story, where within-batch idf would down-weight exactly the shared event terms.
function weigh(counts: Vector): Vector {
  const out: Vector = new Map();
  for (const [t, c] of counts) out.set(t, 1 + Math.log(c));
  return out;
}

function topTerms(v: Vector, n: number): Vector {
  return new Map([...v].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, n));
}

function normalise(v: Vector): Vector {
  let norm = 0;
  for (const w of v.values()) norm += w * w;
  norm = Math.sqrt(norm) || 1;
  return new Map([...v].map(([t, w]) => [t, w / norm]));
}

function addVectors(a: Vector, b: Vector): Vector {
  const out = new Map(a);
  for (const [t, w] of b) out.set(t, (out.get(t) ?? 0) + w);
  return out;
}

/** Cosine similarity of two sparse vectors. */
export function cosine(a: Vector, b: Vector): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [t, w] of a) {
    na += w * w;
    const x = b.get(t);
    if (x) dot += w * x;
  }
  for (const w of b.values()) nb += w * w;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

function labelFor(article: Article): string {
  if (article.meta.title) return article.meta.title;
  const first = article.text.trim().split('\n')[0] ?? '';
  return first.length > LABEL_MAX_CHARS ? `${first.slice(0, LABEL_MAX_CHARS - 1)}…` : first || article.id;
}
