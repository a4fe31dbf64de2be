/**
 * What the API reads, shaped for it: story summaries, ledgers, timelines, graphs and articles with their
 * layers. The story list and the articles' listings (no text) are loaded once and kept until a job changes the
 * store; a story's analysis is read by key when it is asked for, so a view costs what its story costs.
 */
import type { Article } from '../core/article.js';
import type { ExportProposition } from '../report/export-schema.js';
import { renderHtml } from '../report/html.js';
import { exportArticle, exportStory } from '../report/json.js';
import { storyDocument } from '../report/story-document.js';
import { STATUS_ORDER } from '../align/stage.js';
import type { Store, StoredStory, StoryAnalysis, StoryOverview } from '../store/store.js';
import { PARAPHRASE_PASSAGE_JACCARD } from '../reuse/compare.js';
import { profileArticle } from '../reuse/profile.js';
import { alignSentences } from '../reuse/sentence-align.js';
import type { ArticleDetail, ArticleSummary, Compare, LayerSpan, StorySummary } from './api-schemas.js';
import { LruCache } from '../core/lru.js';

interface Snapshot {
  stories: StoredStory[];
  articles: Map<string, ArticleSummary>;
  storyOf: Map<string, StoredStory>;
  propositionCounts: StoryOverview['propositionCounts'];
}

/** Stories whose analysis is kept between requests (the rest are read again by key when asked for). */
const CACHED_STORIES = 32;

/** Read access to one store for the API: the story list and article listings cached between writes, each story's analysis read by key. */
export class ApiData {
  private snapshot?: Promise<Snapshot>;
  /** Stories' analyses, the least recently asked dropped first. */
  private readonly analyses = new LruCache<string, Promise<StoryAnalysis>>(CACHED_STORIES);

  constructor(readonly store: Store) {}

  /** Drops the cache; the next read loads the store again (after an ingest or analysis). */
  invalidate(): void {
    this.snapshot = undefined;
    this.analyses.clear();
  }

  private load(): Promise<Snapshot> {
    this.snapshot ??= buildSnapshot(this.store).catch((error) => {
      this.snapshot = undefined;
      throw error;
    });
    return this.snapshot;
  }

  /** One story's propositions, claims, links and entities; articles outside every story get their claims and links alone. */
  private analysis(story: StoredStory | undefined, articleId?: string): Promise<StoryAnalysis> {
    if (!story) return this.store.loadStoryAnalysis(undefined, articleId ? [articleId] : []);
    return this.analyses.get(story.id, (id) =>
      this.store.loadStoryAnalysis(id, story.articles).catch((error) => {
        this.analyses.delete(id);
        throw error;
      }),
    );
  }

  async stories(): Promise<StorySummary[]> {
    const snap = await this.load();
    return snap.stories.map((s) => summarise(s, snap)).sort((a, b) => b.articles - a.articles || a.label.localeCompare(b.label));
  }

  /** A story by id, or by an unambiguous id prefix. */
  async story(id: string): Promise<StoredStory | undefined> {
    const snap = await this.load();
    const exact = snap.stories.find((s) => s.id === id);
    if (exact) return exact;
    const matches = snap.stories.filter((s) => s.id.startsWith(id));
    return matches.length === 1 ? matches[0] : undefined;
  }

  async storyDetail(story: StoredStory) {
    const snap = await this.load();
    return { story: exportStory(story), summary: summarise(story, snap), articles: story.articles.map((id) => snap.articles.get(id)).filter(isDefined) };
  }

  async ledger(story: StoredStory) {
    const { propositions: all, claims } = await this.analysis(story);
    const propositions = ledgerOrder(all);
    const ids = new Set(propositions.flatMap((p) => p.claims));
    const byId = new Map(claims.map((c) => [c.id, c]));
    return { story: story.id, propositions, claims: [...ids].map((id) => byId.get(id)).filter(isDefined) };
  }

  async timeline(story: StoredStory) {
    const trajectories = (await this.analysis(story)).propositions
      .filter((p) => p.kind === 'figure' && p.trajectory.some((t) => t.date))
      .map((p) => ({
        proposition: p.id,
        label: p.label,
        status: p.status,
        values: p.values.map((v) => ({ text: v.text, ...(v.value !== undefined ? { value: v.value } : {}) })),
        points: p.trajectory,
      }));
    return { story: story.id, timeline: story.timeline ?? [], trajectories: ledgerOrder(trajectories) };
  }

  async graph(story: StoredStory) {
    const snap = await this.load();
    const members = new Set(story.articles);
    const links = (await this.analysis(story)).links.filter((l) => members.has(l.from) && members.has(l.to));
    return { story: story.id, nodes: story.articles.map((id) => snap.articles.get(id)).filter(isDefined), links, origins: story.origins ?? [] };
  }

  async articles(): Promise<ArticleSummary[]> {
    return [...(await this.load()).articles.values()];
  }

  async article(id: string): Promise<ArticleDetail | undefined> {
    const snap = await this.load();
    const matches = snap.articles.has(id) ? [id] : [...snap.articles.keys()].filter((k) => k.startsWith(id));
    const article = matches.length === 1 ? await this.store.getArticle(matches[0]) : undefined;
    if (!article) return undefined;
    const story = snap.storyOf.get(article.id);
    const { claims, links } = await this.analysis(story, article.id);
    return {
      ...exportArticle(article),
      story: story?.id ?? null,
      layers: exportLayers(article),
      claims: claims.filter((c) => c.article === article.id),
      links: links.filter((l) => l.from === article.id || l.to === article.id),
    };
  }

  /**
   * A derivative against its origin: the link's verbatim passages plus the sentence pairs the reuse stage's own
   * aligner finds at its paraphrase threshold, so a rewrite shows which sentence became which.
   */
  async compare(fromId: string, toId: string): Promise<Compare | undefined> {
    const snap = await this.load();
    if (!snap.articles.has(fromId)) return undefined;
    const link = (await this.analysis(snap.storyOf.get(fromId), fromId)).links.find((l) => l.from === fromId && l.to === toId);
    if (!link) return undefined;
    const [derived, origin] = await Promise.all([this.store.getArticle(fromId), this.store.getArticle(toId)]);
    if (!derived || !origin) return undefined;
    const pairs: Compare['pairs'] = link.passages.map((p) => ({ from: p.from, to: p.to, similarity: 1 }));
    const a = profileArticle(derived).sentences;
    const b = profileArticle(origin).sentences;
    for (const pair of alignSentences(a, b, PARAPHRASE_PASSAGE_JACCARD)) {
      const from: [number, number] = [a[pair.a].start, a[pair.a].end];
      if (pairs.some((p) => p.from[0] < from[1] && from[0] < p.from[1])) continue;
      pairs.push({ from, to: [b[pair.b].start, b[pair.b].end], similarity: Math.round(pair.similarity * 1000) / 1000 });
    }
    pairs.sort((x, y) => x.from[0] - y.from[0]);
    return { derivative: fromId, origin: toId, link, pairs };
  }

  /** The shareable HTML report of one story (the same file as `export --format html --story`). */
  async report(story: StoredStory): Promise<string> {
    return renderHtml(await storyDocument(this.store, story, await this.analysis(story)), { story: story.id });
  }

  async entities(story?: StoredStory) {
    return story ? (await this.analysis(story)).entities : this.store.loadEntities();
  }

  async failures() {
    return this.store.listFailures();
  }
}

/** Propositions (or anything with a status) in ledger order: contested first, stable within a status. */
export function ledgerOrder<T extends { status: ExportProposition['status'] }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => STATUS_ORDER.indexOf(a.status) - STATUS_ORDER.indexOf(b.status));
}

/**
 * Each annotation layer as offsets plus its scalar fields and sub-spans, whatever the stage put in it, so a
 * new layer or field reaches the reader without a change here.
 */
export function exportLayers(article: Article): Record<string, LayerSpan[]> {
  const out: Record<string, LayerSpan[]> = {};
  for (const [name, spans] of Object.entries(article.layers)) {
    out[name] = (spans as unknown as Record<string, unknown>[]).map((span) => {
      const attrs: LayerSpan['attrs'] = {};
      const parts: LayerSpan['parts'] = {};
      for (const [key, value] of Object.entries(span)) {
        if (key === 'start' || key === 'end') continue;
        if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') attrs[key] = value;
        else if (isSpan(value)) parts[key] = [value.start, value.end];
      }
      return { start: span.start as number, end: span.end as number, attrs, parts };
    });
  }
  return out;
}

async function buildSnapshot(store: Store): Promise<Snapshot> {
  const overview = await store.loadOverview();
  const storyOf = new Map<string, StoredStory>();
  const originOf = new Map<string, number>();
  for (const s of overview.stories) {
    for (const id of s.articles) storyOf.set(id, s);
    (s.origins ?? []).forEach((group, i) => group.forEach((id) => originOf.set(id, i)));
  }
  const articles = new Map<string, ArticleSummary>();
  for (const a of overview.articles) {
    articles.set(a.id, {
      id: a.id,
      title: a.title,
      site: a.site,
      published: a.published,
      source: a.source,
      story: storyOf.get(a.id)?.id ?? null,
      origin: originOf.get(a.id) ?? null,
    });
  }
  return { stories: overview.stories, articles, storyOf, propositionCounts: overview.propositionCounts };
}

function summarise(story: StoredStory, snap: Snapshot): StorySummary {
  const counts = snap.propositionCounts.get(story.id) ?? {};
  const dates = story.articles.map((id) => snap.articles.get(id)?.published).filter((d): d is string => Boolean(d));
  return {
    id: story.id,
    label: story.label ?? story.id,
    articles: story.articles.length,
    origins: story.origins?.length ?? story.articles.length,
    propositions: Object.values(counts).reduce((sum, n) => sum + n, 0),
    contested: counts.contested ?? 0,
    latest: dates.length ? dates.reduce((a, b) => (Date.parse(b) > Date.parse(a) ? b : a)) : null,
  };
}

function isSpan(value: unknown): value is { start: number; end: number } {
  return typeof value === 'object' && value !== null && typeof (value as { start?: unknown }).start === 'number' && typeof (value as { end?: unknown }).end === 'number';
}

function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined;
}
