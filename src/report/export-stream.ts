/**
 * The JSON export read from the store as it is written: articles, claims and propositions come a page at a time, so
 * exporting a large store holds one page of them, not the store. Same document as `buildExport` over `loadAnalysis`.
 */
import type { Pages } from './json-pieces.js';
import type { Store } from '../store/store.js';
import { EXPORT_VERSION, type ExportArticle } from './export-schema.js';
import { exportArticle, exportStory } from './json.js';

async function* mapPages<T, U>(pages: AsyncIterable<readonly T[]>, map: (item: T) => U): AsyncGenerator<U[]> {
  for await (const page of pages) yield page.map(map);
}

/** The export document with its three large arrays as pages (for `jsonPiecesPaged`); the rest is read now. */
export async function pagedExport(store: Store, generatedAt?: string, pageRows?: number): Promise<Record<string, unknown>> {
  const { stories, links, origins } = await store.loadStoryState();
  const entities = await store.loadEntities();
  const articles: Pages<ExportArticle> = mapPages(store.pageArticles({ layers: false, pageRows }), exportArticle);
  // Keys in the order buildExport gives them.
  return {
    version: EXPORT_VERSION,
    generatedAt,
    articles,
    stories: stories.map(exportStory),
    links,
    origins,
    entities,
    claims: store.pageClaims({ pageRows }),
    propositions: store.pagePropositions({ pageRows }),
  };
}
