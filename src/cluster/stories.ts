/**
 * Incremental story clustering: each new article joins the story whose term centroid it is most
 * similar to, or opens a new story. Terms are weighted by how few stories seen so far use them (an
 * incremental idf), a join needs shared specific terms (names, numbers) and no sign of a different event
 * of the same kind (event-contrast.ts), and articles in different languages or scripts never share a story.
 */
import type { Article } from '../core/article.js';
import { hashId } from '../core/article.js';
import { inferPublicationDate } from '../claims/dates.js';
import { CALENDAR_NAMES } from '../claims/lexicon/dates.js';
import { addToEvent, contrastWith, DIFFERENT_EVENT_MIN_CONTRAST, isDifferentEvent, type ArticleEvent, type EventContrast, type StoryEvent } from './event-contrast.js';
import { dominantScript, isStopword, normaliseWord, termKey, tokenize } from '../reuse/tokens.js';

/** Cosine (idf-weighted, 0–1) to a story centroid at which an article may join: near-best B³ F on ECB+ train topics, and lower values let topic-only chains form on the benchmark pages. */
export const JOIN_MIN_COSINE = 0.26;
/** Cosine needed in scripts written without spaces (Han, kana, Thai…): character n-grams share far more by chance than words. */
export const UNSPACED_JOIN_MIN_COSINE = 0.35;
/** Shared specific terms (names, numbers) needed to join: topic words alone do not make one event. */
export const JOIN_MIN_SHARED_SPECIFIC_TERMS = 2;
/** Share of the idf-weighted dot product that shared specific terms must carry (0–1): the match must rest on names, not topic words. */
export const JOIN_MIN_SPECIFIC_SHARE = 0.2;
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
  /** Sparse term centroid [term, weight][] (sum of member vectors before idf, top terms). */
  centroid: [string, number][];
  /** Primary language subtag of the story's first article, when known; other languages never join. */
  lang?: string;
  /** Who and when, from the members: tells a different event of the same kind apart (event-contrast.ts). */
  event?: StoryEvent;
}

/** Tunables of {@link addToStories}; defaults are the constants above. */
export interface StoryOptions {
  joinMinCosine?: number;
  unspacedJoinMinCosine?: number;
  joinMinSharedSpecificTerms?: number;
  joinMinSpecificShare?: number;
  /** Participant contrast at which an article is taken for a different event of the same kind (event-contrast.ts). */
  differentEventMinContrast?: number;
  /** Called for each article with its best candidate story (before thresholds), for evaluation and debugging. */
  onCandidate?: (candidate: JoinCandidate) => void;
}

/** The best story an article was compared with, and the evidence that decided the join. */
export interface JoinCandidate {
  articleId: string;
  storyId: string;
  cosine: number;
  joined: boolean;
  /** Shared specific terms (names, numbers) with their share of the idf-weighted dot product. */
  sharedSpecific: string[];
  specificShare: number;
  /** Participant and time contrast with the story, when it keeps event evidence. */
  contrast?: EventContrast;
}

type Vector = Map<string, number>;

/** An article reduced to what clustering compares. */
export interface Profile extends ArticleEvent {
  /** Log term frequencies (specific terms multiplied), before idf. */
  terms: Vector;
  /** Terms that are names or numbers in this article. */
  specific: Set<string>;
  lang?: string;
  script: string;
}

/** Story frequencies of centroid terms: the incremental idf's document counts. */
class StoryFrequency {
  readonly counts = new Map<string, number>();
  stories = 0;
  add(terms: Iterable<string>): void {
    this.stories++;
    for (const t of terms) this.counts.set(t, (this.counts.get(t) ?? 0) + 1);
  }
  remove(terms: Iterable<string>): void {
    this.stories--;
    for (const t of terms) this.counts.set(t, (this.counts.get(t) ?? 1) - 1);
  }
  /**
   * Smoothed inverse story frequency, counting only stories other than `candidate` (whose centroid is given):
   * the candidate's own use of a term is the evidence being weighed, not a sign that the term is common.
   */
  idf(term: string, candidate?: Vector): number {
    return this.idfOf(term, candidate !== undefined, candidate?.has(term) ?? false);
  }
  /** {@link idf} with the candidate given by whether there is one and whether it holds the term. */
  idfOf(term: string, withCandidate: boolean, own: boolean): number {
    const others = this.stories - (withCandidate ? 1 : 0);
    return Math.log((others + 1) / ((this.counts.get(term) ?? 0) - (own ? 1 : 0) + 1)) + 1;
  }
}

/**
 * Each story's idf-weighted centroid and its squared norm, kept until what they read changes: the story count (a new
 * story) or the story frequency of one of its terms (a centroid that gained or lost the term). Without it every
 * article re-weighted every candidate story's whole centroid, most of clustering's time.
 */
class WeightedCentroids {
  private readonly cached: ({ vector: Vector; norm2: number } | undefined)[] = [];
  private stories = -1;
  constructor(
    private readonly centroids: Vector[],
    private readonly frequency: StoryFrequency,
    private readonly postings: Map<string, Set<number>>,
  ) {}
  get(i: number): { vector: Vector; norm2: number } {
    if (this.stories !== this.frequency.stories) {
      this.cached.length = 0;
      this.stories = this.frequency.stories;
    }
    let hit = this.cached[i];
    if (!hit) {
      const vector = idfWeighted(this.centroids[i], this.frequency, this.centroids[i]);
      let norm2 = 0;
      for (const w of vector.values()) norm2 += w * w;
      hit = this.cached[i] = { vector, norm2 };
    }
    return hit;
  }
  /** Story `i`'s centroid went from `before` to its current terms: drop what read the terms whose frequency moved. */
  changed(i: number, before: Iterable<string>): void {
    this.cached[i] = undefined;
    const now = this.centroids[i];
    const old = new Set(before);
    const moved = [...old].filter((t) => !now.has(t));
    for (const t of now.keys()) if (!old.has(t)) moved.push(t);
    for (const t of moved) for (const j of this.postings.get(t) ?? []) this.cached[j] = undefined;
  }
}

/**
 * Assigns new articles to existing stories or opens new ones; returns the updated story list.
 * Deterministic and incremental: articles are taken in publication-then-id order, each decision uses only the
 * stories formed before it, and story ids derive from their first article.
 * @example const stories = addToStories([], articles); const later = addToStories(stories, moreArticles);
 */
export function addToStories(existing: readonly Story[], newArticles: readonly Article[], options: StoryOptions = {}): Story[] {
  const known = new Set(existing.flatMap((s) => s.articleIds));
  return addEntriesToStories(existing, newArticles.filter((a) => !known.has(a.id)).map(storyEntry), options);
}

/**
 * What clustering reads of one article, packed so a streamed run can hold one per unclustered article: its terms as
 * one string and a number per term instead of Maps and Sets of strings (about a sixth of the memory).
 */
export interface StoryEntry {
  id: string;
  publishedAt?: string;
  label: string;
  /** The article's terms in first-seen order, joined by {@link TERM_SEPARATOR}. */
  terms: string;
  /** Per term: its count shifted left by 2, then a calendar-name bit, then a specific-term bit. */
  counts: Uint32Array;
  day?: string;
  lang?: string;
  script: string;
}

/** Cannot occur in a term: tokens hold no control characters. */
const TERM_SEPARATOR = '\u0000';
const SPECIFIC_BIT = 1;
const CALENDAR_BIT = 2;
const FLAG_BITS = 2;

/** Reduces an article to what {@link addEntriesToStories} compares. */
export function storyEntry(article: Article): StoryEntry {
  const { counts, specific, calendar, day, lang, script } = termCounts(article);
  const packed = new Uint32Array(counts.size);
  let k = 0;
  for (const [t, c] of counts) packed[k++] = (c << FLAG_BITS) | (calendar.has(t) ? CALENDAR_BIT : 0) | (specific.has(t) ? SPECIFIC_BIT : 0);
  const entry: StoryEntry = { id: article.id, label: ownCopy(labelFor(article)), terms: [...counts.keys()].join(TERM_SEPARATOR), counts: packed, script };
  if (article.meta.publishedAt !== undefined) entry.publishedAt = article.meta.publishedAt;
  if (day !== undefined) entry.day = day;
  if (lang !== undefined) entry.lang = lang;
  return entry;
}

/** The profile an entry was packed from, built when clustering reaches it. */
function unpack(entry: StoryEntry): Profile {
  const terms: Vector = new Map();
  const specific = new Set<string>();
  const names = new Map<string, number>();
  const keys = entry.counts.length ? entry.terms.split(TERM_SEPARATOR) : [];
  keys.forEach((t, k) => {
    const bits = entry.counts[k];
    const c = bits >>> FLAG_BITS;
    const name = (bits & SPECIFIC_BIT) !== 0 && !/^\d/.test(t);
    if (bits & SPECIFIC_BIT) specific.add(t);
    terms.set(t, (1 + Math.log(c)) * (name ? SPECIFIC_TERM_WEIGHT : 1));
    if (name && !(bits & CALENDAR_BIT)) names.set(t, c);
  });
  return { terms, specific, names, day: entry.day, lang: entry.lang, script: entry.script };
}

/** A flat copy: a slice of the article's text would keep the whole text alive for as long as the entry. */
function ownCopy(s: string): string {
  return s.split('').join('');
}

/** {@link addToStories} over articles already reduced by {@link storyEntry}: the same stories. */
export function addEntriesToStories(existing: readonly Story[], entries: readonly StoryEntry[], options: StoryOptions = {}): Story[] {
  const minCosine = options.joinMinCosine ?? JOIN_MIN_COSINE;
  const minUnspacedCosine = options.unspacedJoinMinCosine ?? UNSPACED_JOIN_MIN_COSINE;
  const minShared = options.joinMinSharedSpecificTerms ?? JOIN_MIN_SHARED_SPECIFIC_TERMS;
  const minShare = options.joinMinSpecificShare ?? JOIN_MIN_SPECIFIC_SHARE;
  const minContrast = options.differentEventMinContrast ?? DIFFERENT_EVENT_MIN_CONTRAST;
  const stories: Story[] = existing.map((s) => ({ ...s, articleIds: [...s.articleIds], origins: s.origins.map((g) => [...g]), centroid: [...s.centroid] }));
  const known = new Set(stories.flatMap((s) => s.articleIds));
  const fresh = entries
    .filter((a) => !known.has(a.id))
    .sort((a, b) => (a.publishedAt ?? '').localeCompare(b.publishedAt ?? '') || a.id.localeCompare(b.id));
  const centroids = stories.map((s) => new Map(s.centroid));
  const scripts = stories.map((s) => scriptOfTerms(s.centroid.map(([t]) => t)));
  const frequency = new StoryFrequency();
  // Inverted index term -> stories whose centroid holds it, so only stories sharing a term are compared.
  const postings = new Map<string, Set<number>>();
  const index = (i: number, add: boolean) => {
    for (const t of centroids[i].keys()) {
      if (add) {
        if (!postings.has(t)) postings.set(t, new Set());
        postings.get(t)!.add(i);
      } else postings.get(t)?.delete(i);
    }
    if (add) frequency.add(centroids[i].keys());
    else frequency.remove(centroids[i].keys());
  };
  centroids.forEach((_, i) => index(i, true));
  const weightedCentroids = new WeightedCentroids(centroids, frequency, postings);

  for (const article of fresh) {
    const profile = unpack(article);
    const vector = topTerms(profile.terms, ARTICLE_TERMS, (t, w) => w * frequency.idf(t));
    const unspaced = isUnspacedScript(profile.script);
    const { compared: candidates, joinable } = candidateStories(vector, profile, postings, stories, unspaced ? 1 : minShared, unspaced, !!options.onCandidate);
    const threshold = unspaced ? minUnspacedCosine : minCosine;
    let best = -1;
    let bestSim = 0;
    let top: JoinCandidate | undefined;
    // The article's terms weighted as seen from a story that holds them and from one that does not.
    const inStory = new Map<string, number>();
    const notInStory = new Map<string, number>();
    for (const [t, w] of vector) {
      inStory.set(t, w * frequency.idfOf(t, true, true));
      notInStory.set(t, w * frequency.idfOf(t, true, false));
    }
    // In story-id order, so that a tie goes the same way whatever order the stories were restored in.
    for (const i of [...candidates].sort((a, b) => (stories[a].id < stories[b].id ? -1 : stories[a].id > stories[b].id ? 1 : 0))) {
      if (!sameLanguage(profile, stories[i], scripts[i])) continue;
      const c = weightedCentroids.get(i);
      const sim = cosineTo(vector, centroids[i], inStory, notInStory, c);
      if (sim <= bestSim && (!options.onCandidate || sim <= (top?.cosine ?? 0))) continue;
      const weighted = new Map([...vector.keys()].map((t) => [t, (centroids[i].has(t) ? inStory : notInStory).get(t)!]));
      const evidence = specificEvidence(weighted, c.vector, profile);
      // Unspaced scripts have no capitals to spot names; their higher cosine threshold stands in.
      let passes = joinable.has(i) && sim >= threshold && (unspaced || (evidence.shared.length >= minShared && evidence.share >= minShare));
      const event = stories[i].event;
      const contrast = event && (passes || options.onCandidate) ? contrastWith(profile, event, (t) => frequency.idf(t, centroids[i])) : undefined;
      if (passes && contrast && isDifferentEvent(contrast, sharedFigures(evidence.shared), minContrast)) passes = false;
      if (sim > (top?.cosine ?? 0)) top = { articleId: article.id, storyId: stories[i].id, cosine: sim, joined: false, sharedSpecific: evidence.shared, specificShare: evidence.share, contrast };
      if (passes && sim > bestSim) [best, bestSim] = [i, sim];
    }
    if (top && options.onCandidate) options.onCandidate({ ...top, joined: best >= 0 && stories[best].id === top.storyId });
    if (vector.size && best >= 0) {
      index(best, false);
      const before = centroids[best].keys();
      centroids[best] = topTerms(addVectors(centroids[best], normalise(vector)), CENTROID_TERMS);
      stories[best].articleIds.push(article.id);
      stories[best].centroid = [...centroids[best]];
      // A story restored without event evidence (stored by an older version) gets none from one new member.
      if (stories[best].event) stories[best].event = addToEvent(stories[best].event, profile);
      index(best, true);
      weightedCentroids.changed(best, before);
    } else {
      const centroid = normalise(vector);
      const story: Story = {
        id: `story-${hashId(article.id, 10)}`,
        label: article.label,
        articleIds: [article.id],
        origins: [],
        centroid: [...centroid],
        event: addToEvent(undefined, profile),
      };
      if (profile.lang) story.lang = profile.lang;
      stories.push(story);
      centroids.push(centroid);
      scripts.push(scriptOfTerms([...centroid.keys()]));
      index(centroids.length - 1, true);
    }
  }
  return stories;
}

/**
 * Stories an article may join at most: those sharing the most of its specific terms. Every story sharing two names
 * was compared before, and with stories accumulating that grew with the corpus (clustering 7× the time for 3× the
 * articles from 10,000 to 30,000 generated ones, docs/bench.md); the story an article belongs to shares the most.
 */
export const MAX_CANDIDATE_STORIES = 32;

/**
 * Stories worth comparing: the {@link MAX_CANDIDATE_STORIES} whose centroids hold the most of the article's specific
 * terms (any term, in scripts without capitals), at least `minShared` of them, since no other story can pass the
 * shared-names test; ties go to the earlier story id, so a restored story list decides as the one it was saved from.
 * `wide` (evaluation's best-candidate report) compares every story sharing any term, but only the same ones may be joined.
 */
function candidateStories(
  vector: Vector,
  profile: Profile,
  postings: Map<string, Set<number>>,
  stories: readonly Story[],
  minShared: number,
  anyTerm: boolean,
  wide: boolean,
): { compared: Set<number>; joinable: Set<number> } {
  const shared = new Map<number, number>();
  for (const t of vector.keys()) {
    if (!anyTerm && !profile.specific.has(t)) continue;
    for (const i of postings.get(t) ?? []) shared.set(i, (shared.get(i) ?? 0) + 1);
  }
  const ranked: number[] = [];
  for (const [i, n] of shared) if (n >= minShared) ranked.push(i);
  if (ranked.length > MAX_CANDIDATE_STORIES) {
    const id = (i: number) => stories[i].id;
    ranked.sort((a, b) => shared.get(b)! - shared.get(a)! || (id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0)).length = MAX_CANDIDATE_STORIES;
  }
  const joinable = new Set(ranked);
  if (!wide) return { compared: joinable, joinable };
  const compared = new Set<number>();
  for (const t of vector.keys()) for (const i of postings.get(t) ?? []) compared.add(i);
  return { compared, joinable };
}

/** Clusters a batch of articles from scratch. */
export function clusterStories(articles: readonly Article[], options: StoryOptions = {}): Story[] {
  return addToStories([], articles, options);
}

/** Primary language subtag, or undefined when unknown. */
function primaryLang(lang: string | undefined): string | undefined {
  const primary = lang?.trim().toLowerCase().split(/[-_]/)[0];
  return primary && primary !== 'und' ? primary : undefined;
}

// Different languages never share a story (translations are not detected yet); unknown language falls back to script.
function sameLanguage(profile: Profile, story: Story, storyScript: string): boolean {
  const storyLang = primaryLang(story.lang);
  if (profile.lang && storyLang) return profile.lang === storyLang;
  return profile.script === 'none' || storyScript === 'none' || profile.script === storyScript;
}

/** Shared specific terms (names, numbers) and their share of the idf-weighted dot product. */
function specificEvidence(article: Vector, centroid: Vector, profile: Profile): { shared: string[]; share: number } {
  let dot = 0;
  let specificDot = 0;
  const shared: string[] = [];
  for (const [t, w] of article) {
    const x = centroid.get(t);
    if (!x) continue;
    dot += w * x;
    if (profile.specific.has(t)) {
      specificDot += w * x;
      shared.push(t);
    }
  }
  return { shared, share: dot > 0 ? specificDot / dot : 0 };
}

const YEAR = /^(?:1[89]|20)\d\d$/;

/** Shared numbers other than years: the same figures (a toll, a score, a magnitude) mark the same event. */
function sharedFigures(shared: readonly string[]): number {
  return shared.filter((t) => /^\d/.test(t) && !YEAR.test(t)).length;
}

const PRONOUN_I = /^I['’]/;
const HIRAGANA = /^\p{Script=Hiragana}+$/u;
const HAN_OR_KANA = /[\p{Script=Han}\p{Script=Katakana}\p{Script=Hiragana}]/u;
const SENTENCE_END = /[.!?。！？:"“”'‘’\n]\s*$/;

/** An article's term counts (specific terms counted double) and which terms are names, numbers or calendar names. */
function termCounts(article: Article) {
  const text = article.text;
  const counts: Vector = new Map();
  const capitalised = new Map<string, number>();
  const lowercase = new Map<string, number>();
  const specific = new Set<string>();
  // Weekday and month names are capitalised but say when, not who: they are no participant.
  const calendar = new Set<string>();
  const tokens = tokenize(text);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    let key: string;
    let weight = 1;
    if (t.kind === 'char') {
      // Han and kana: character bigrams, minus all-hiragana ones (grammar, not content); other unspaced scripts: trigrams.
      const n = HAN_OR_KANA.test(t.norm) ? 2 : 3;
      const gram = tokens.slice(i, i + n);
      if (gram.length < n || gram.some((x, j) => x.kind !== 'char' || (j > 0 && x.start !== gram[j - 1].end))) continue;
      key = gram.map((x) => x.norm).join('');
      if (n === 2 && HIRAGANA.test(key)) continue;
    } else if (t.kind === 'number') {
      if (t.norm.length < 2) continue;
      key = t.norm;
      weight = SPECIFIC_TERM_WEIGHT;
      specific.add(key);
    } else {
      // "I'd", "I've": the pronoun, not a name.
      if (isStopword(t.norm) || PRONOUN_I.test(text.slice(t.start, t.end))) continue;
      key = termKey(t.norm);
      if (t.capital && CALENDAR_NAMES.test(t.norm)) calendar.add(key);
      // A capital after a sentence end says nothing; elsewhere it marks a name.
      if (t.capital) {
        if (!SENTENCE_END.test(text.slice(Math.max(0, t.start - 3), t.start)) && t.start > 0) capitalised.set(key, (capitalised.get(key) ?? 0) + 1);
      } else lowercase.set(key, (lowercase.get(key) ?? 0) + 1);
    }
    counts.set(key, (counts.get(key) ?? 0) + weight);
  }
  // A word is a name when mid-sentence it is mostly written with a capital.
  for (const [key, n] of capitalised) if (n > (lowercase.get(key) ?? 0)) specific.add(key);
  // The outlet's own name (byline, footer, share links) is no evidence about the event.
  for (const t of siteTerms(article)) counts.delete(t);
  // A dateline in the text stands in for a missing publication date (as claims/dates does).
  const day = (article.meta.publishedAt ?? inferPublicationDate(text))?.slice(0, 10);
  return { counts, specific, calendar, day, lang: primaryLang(article.meta.lang), script: dominantScript(text) };
}

const GENERIC_HOST_LABELS = new Set(['www', 'm', 'amp', 'mobile', 'news', 'blog', 'com', 'org', 'net', 'co', 'uk', 'de', 'fr', 'br', 'ru', 'in', 'au', 'ca', 'gov', 'edu']);

/** Terms naming the article's own outlet: its site name and the labels of its URL host. */
function siteTerms(article: Article): Set<string> {
  const out = new Set<string>();
  let host = '';
  try {
    host = new URL(article.meta.canonicalUrl ?? article.source.url ?? '').hostname;
  } catch {
    // no usable URL: only the site name counts
  }
  const words = [...host.split('.').filter((l) => !GENERIC_HOST_LABELS.has(l)), ...(article.meta.site ? tokenize(article.meta.site).map((t) => t.norm) : [])];
  for (const w of words) if (w) out.add(termKey(normaliseWord(w)));
  return out;
}

/** Dominant script of a story's centroid terms (stories restored without a language). */
function scriptOfTerms(terms: readonly string[]): string {
  return dominantScript(terms.join(' '));
}

function isUnspacedScript(script: string): boolean {
  return script === 'han' || script === 'thai';
}

function idfWeighted(v: Vector, frequency: StoryFrequency, candidate: Vector): Vector {
  const out: Vector = new Map();
  for (const [t, w] of v) out.set(t, w * frequency.idf(t, candidate));
  return out;
}

function topTerms(v: Vector, n: number, score: (term: string, weight: number) => number = (_, w) => w): Vector {
  return new Map(
    [...v]
      .map(([t, w]) => [t, w, score(t, w)] as const)
      .sort((a, b) => b[2] - a[2] || a[0].localeCompare(b[0]))
      .slice(0, n)
      .map(([t, w]) => [t, w]),
  );
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

/**
 * {@link cosine} of the article's vector weighted for story centroid `centroid` (whose weighted form and squared norm
 * are `c`) without building the weighted vector: the same sums in the same order.
 */
function cosineTo(vector: Vector, centroid: Vector, inStory: Vector, notInStory: Vector, c: { vector: Vector; norm2: number }): number {
  let dot = 0;
  let na = 0;
  for (const t of vector.keys()) {
    const w = (centroid.has(t) ? inStory : notInStory).get(t)!;
    na += w * w;
    const x = c.vector.get(t);
    if (x) dot += w * x;
  }
  return na && c.norm2 ? dot / Math.sqrt(na * c.norm2) : 0;
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
