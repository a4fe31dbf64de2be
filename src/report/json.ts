/** Builds the versioned JSON export from stored articles and the stored analysis. */
import type { Article } from '../core/article.js';
import type { AnalysisRecord, StoredStory } from '../store/store.js';
import { EXPORT_VERSION, type ExportArticle, type ExportDocument, type ExportStory } from './export-schema.js';
// Type-only: brings the stages' ArticleData fields (dropped, additions) into view; no runtime import.
import type {} from '../extract/extract.js';
import type {} from '../reuse/links-stage.js';

/** A stored story as exported: the centroid, language, event evidence and alignment digest are analysis state, not part of the contract. */
export function exportStory({ centroid: _centroid, lang: _lang, event: _event, aligned: _aligned, ...story }: StoredStory): ExportStory {
  return story;
}

/** Where an article came from, as the export tells it: path, URL and feed only. */
export function exportSource(from: Article['source']): ExportArticle['source'] {
  const source: ExportArticle['source'] = {};
  if (from.path) source.path = from.path;
  if (from.url) source.url = from.url;
  if (from.feed) source.feed = from.feed;
  return source;
}

/** Converts one article to its export form: text once, dropped pieces with reasons, additions as offsets. */
export function exportArticle(article: Article): ExportArticle {
  const data = article.data;
  return {
    id: article.id,
    source: exportSource(article.source),
    title: article.meta.title ?? null,
    published: article.meta.publishedAt ?? null,
    language: article.meta.lang ?? null,
    site: article.meta.site ?? null,
    byline: article.meta.byline ?? null,
    text: article.text,
    dropped: (data.dropped ?? []).map((d) => ({ text: d.text, reason: d.reason })),
    additions: data.additions?.map((a) => ({ start: a.start, end: a.end, reason: a.reason })),
    messages: article.messages.map((m) => ({ ruleId: m.ruleId, source: m.source, severity: m.severity, reason: m.reason })),
  };
}

/**
 * The whole export document.
 * @example JSON.stringify(buildExport(await store.listArticles(), await store.loadAnalysis()), null, 2)
 */
export function buildExport(articles: readonly Article[], analysis: AnalysisRecord, generatedAt?: string): ExportDocument {
  return {
    version: EXPORT_VERSION,
    generatedAt,
    articles: articles.map(exportArticle),
    stories: analysis.stories.map(exportStory),
    links: analysis.links,
    origins: analysis.origins,
    entities: analysis.entities,
    claims: analysis.claims,
    propositions: analysis.propositions,
  };
}
