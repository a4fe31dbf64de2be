/** One story's export document, read from the store by key: what a story's report needs and nothing of the other stories. */
import type { StoredStory, Store, StoryAnalysis } from '../store/store.js';
import { buildExport } from './json.js';
import type { ExportDocument } from './export-schema.js';

/** The story, its members (without layers) and its analysis as an export document (the HTML report of one story renders it). */
export async function storyDocument(store: Store, story: StoredStory, analysis?: StoryAnalysis, generatedAt = new Date().toISOString()): Promise<ExportDocument> {
  const own = analysis ?? (await store.loadStoryAnalysis(story.id, story.articles));
  const members = new Set(story.articles);
  return buildExport(
    await store.getArticles(story.articles, { layers: false }),
    {
      stories: [story],
      links: own.links.filter((l) => members.has(l.from) && members.has(l.to)),
      origins: story.origins ?? [],
      entities: own.entities,
      claims: own.claims,
      propositions: own.propositions,
    },
    generatedAt,
  );
}
