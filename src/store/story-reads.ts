/**
 * Reads of the stored analysis for readers that show one story at a time (the API and web UI): the article listing and
 * the story list without any text, proposition counts per story, and one story's analysis read by key, so a view costs
 * what its story costs rather than what the store holds.
 */
import type { SqlDriver } from './driver.js';
import { mergeEntities } from './analysis-tables.js';
import { bodies, pagePropositions, rowsByIds } from './export-reads.js';
import type { ArticleListing, StoredStory, StoryAnalysis, StoryOverview } from './store.js';
import type { ExportClaim, ExportEntity, ExportProposition, PropositionStatus } from '../report/export-schema.js';
import { exportSource } from '../report/json.js';


interface ListingRow {
  id: string;
  title: string | null;
  published_at: string | null;
  lang: string | null;
  site: string | null;
  source_json: string;
}

/** What the schema holds: propositions and entities per story came with migration 8. */
export interface ReadSchema {
  perStory: boolean;
  storyOrder: string;
  /** Timelines kept apart from the story records (migration 12). */
  timelines: boolean;
}

/**
 * The stories as stored, in order; with `schema.timelines`, each with its timeline from its own row unless its record
 * holds one (written whole, or before migration 12).
 */
export async function readStories(driver: SqlDriver, schema: ReadSchema): Promise<StoredStory[]> {
  const stories = await bodies<StoredStory>(driver, `SELECT body_json FROM stories ORDER BY ${schema.storyOrder}`);
  if (!schema.timelines) return stories;
  const timelines = new Map(
    (await driver.all<{ story_id: string; body_json: string }>('SELECT story_id, body_json FROM story_timelines')).map((r) => [r.story_id, r.body_json]),
  );
  for (const story of stories) {
    const own = timelines.get(story.id);
    if (!story.timeline && own) story.timeline = JSON.parse(own);
  }
  return stories;
}

export async function readOverview(driver: SqlDriver, schema: ReadSchema): Promise<StoryOverview> {
  const rows = await driver.all<ListingRow>('SELECT id, title, published_at, lang, site, source_json FROM articles ORDER BY seq');
  const articles: ArticleListing[] = rows.map((r) => ({
    id: r.id,
    title: r.title,
    published: r.published_at,
    language: r.lang,
    site: r.site,
    source: exportSource(JSON.parse(r.source_json)),
  }));
  const stories = await readStories(driver, schema);
  // Only the counts are kept: the bodies are read a page at a time and let go.
  const counts = new Map<string, Partial<Record<PropositionStatus, number>>>();
  for await (const page of pagePropositions(driver, schema.perStory)) {
    for (const p of page) {
      const perStatus = counts.get(p.story) ?? counts.set(p.story, {}).get(p.story)!;
      perStatus[p.status] = (perStatus[p.status] ?? 0) + 1;
    }
  }
  return { articles, stories, propositionCounts: counts };
}

/** One story's propositions, its members' claims, the links touching its members and its resolved entities. */
export async function readStoryAnalysis(driver: SqlDriver, schema: ReadSchema, story: string | undefined, members: readonly string[]): Promise<StoryAnalysis> {
  const out: StoryAnalysis = { propositions: [], claims: [], links: [], entities: [] };
  const memberSet = new Set(members);
  for await (const rows of rowsByIds<{ body_json: string }>(driver, members, (marks) => `SELECT body_json FROM claims WHERE article_id IN (${marks}) ORDER BY article_id, start_offset, id`)) {
    for (const row of rows) out.claims.push(JSON.parse(row.body_json));
  }
  const seenLinks = new Set<string>();
  for (const column of ['from_id', 'to_id']) {
    for await (const rows of rowsByIds<{ from_id: string; to_id: string; body_json: string }>(driver, members, (marks) => `SELECT from_id, to_id, body_json FROM links WHERE ${column} IN (${marks})`)) {
      for (const row of rows) {
        const key = `${row.from_id}\u0000${row.to_id}`;
        if (seenLinks.has(key)) continue;
        seenLinks.add(key);
        out.links.push(JSON.parse(row.body_json));
      }
    }
  }
  out.links.sort((a, b) => a.from.localeCompare(b.from) || a.to.localeCompare(b.to));
  if (story === undefined) return out;
  // A whole-store analysis (the in-memory run) keeps its propositions and entities in one table each; it is small.
  const whole = (await driver.all('SELECT 1 AS x FROM propositions LIMIT 1')).length > 0;
  if (whole) out.propositions.push(...(await bodies<ExportProposition>(driver, 'SELECT body_json FROM propositions ORDER BY idx')).filter((p) => p.story === story));
  if (schema.perStory) {
    out.propositions.push(...(await bodies<ExportProposition>(driver, 'SELECT body_json FROM story_propositions WHERE story_id = ? ORDER BY idx', [story])));
    out.entities.push(...(await bodies<ExportEntity>(driver, 'SELECT body_json FROM story_entities WHERE story_id = ? ORDER BY id', [story])));
  }
  if (whole || !schema.perStory) {
    const mentioned = (await bodies<ExportEntity>(driver, 'SELECT body_json FROM entities ORDER BY id')).filter((e) => e.mentions.some((m) => memberSet.has(m.article)));
    out.entities.push(...mentioned.map((e) => ({ ...e, mentions: e.mentions.filter((m) => memberSet.has(m.article)) })));
  }
  out.entities = mergeEntities(out.entities);
  return out;
}

/** Every resolved entity of the store: those of a whole-store analysis and those resolved story by story, merged by id. */
export async function readEntities(driver: SqlDriver, schema: ReadSchema): Promise<ExportEntity[]> {
  const entities = await bodies<ExportEntity>(driver, 'SELECT body_json FROM entities ORDER BY id');
  if (!schema.perStory) return entities;
  const perStory = await bodies<ExportEntity>(
    driver,
    'SELECT e.body_json FROM story_entities e LEFT JOIN stories s ON s.id = e.story_id ORDER BY e.id, COALESCE(s.seq, 0), e.story_id',
  );
  return [...entities, ...mergeEntities(perStory)];
}
