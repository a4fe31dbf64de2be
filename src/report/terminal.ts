/**
 * The terminal summary `analyze` prints: stories, derivation graph, claim counts, dropped boilerplate, then the ledger;
 * for a large store, an overview of its largest stories.
 */
import type { Corpus } from '../core/pipeline.js';
import { renderClaimsSummary } from '../claims/export.js';
import { renderDerivationGraph } from '../reuse/graph.js';
import { renderLedger } from './ledger.js';
import type { AnalysisRecord, StoredStory, StoryOverview } from '../store/store.js';
import type { ExportProposition } from './export-schema.js';
import { termBlock, termSafe } from './escape.js';
// Type-only: brings the stages' ArticleData fields (dropped, additions) into view; no runtime import.
import type {} from '../extract/extract.js';

export function renderSummary(corpus: Corpus, analysis: AnalysisRecord): string {
  const lines: string[] = [];
  const articles = corpus.articles;
  const name = (id: string) => {
    const a = articles.find((x) => x.id === id);
    return termSafe(a?.meta.title ?? a?.source.path ?? a?.source.url ?? id);
  };
  lines.push(`${articles.length} articles · ${analysis.stories.length} stories · ${analysis.links.length} reuse links · ` +
    `${analysis.entities.length} entities · ${analysis.claims.length} claims · ${analysis.propositions.length} propositions`);
  for (const story of analysis.stories) {
    const origins = story.origins?.length;
    lines.push('', `Story ${story.label ? `“${termSafe(story.label)}”` : story.id}: ${story.articles.length} articles` +
      (origins !== undefined ? `, ${origins} independent origin${origins === 1 ? '' : 's'}` : ''));
    for (const id of story.articles) lines.push(`  · ${name(id)}`);
  }
  lines.push('', 'Derivation graph', renderDerivationGraph(corpus));
  // Per article only the counts: the figures themselves are in the ledger, across articles.
  lines.push('', 'Claims', renderClaimsSummary(corpus, { maxFigures: 0 }));
  const dropped = new Map<string, number>();
  for (const a of articles) {
    for (const d of a.data.dropped ?? []) dropped.set(d.reason, (dropped.get(d.reason) ?? 0) + 1);
  }
  if (dropped.size) {
    lines.push('', 'Dropped boilerplate');
    for (const [reason, n] of [...dropped].sort((a, b) => b[1] - a[1])) lines.push(`  ${String(n).padStart(3)} × ${termSafe(reason)}`);
  }
  // The ledger comes last, where the terminal leaves the reader.
  const ledger = renderLedger(analysis.stories, analysis.propositions);
  if (ledger) lines.push('', ledger);
  // The graph and claims blocks are drawn elsewhere: a last pass keeps any control character of theirs off the terminal.
  return termBlock(lines.join('\n'));
}

/** Stories by size, largest first (ties by id, so the order is stable). */
export function largestFirst(stories: readonly StoredStory[]): StoredStory[] {
  return [...stories].sort((a, b) => b.articles.length - a.articles.length || a.id.localeCompare(b.id));
}

/** The stories a large store's summary lists, largest first. */
export const OVERVIEW_STORIES = 10;

/**
 * The summary of a store too large to list article by article: counts, the largest stories with their origins and
 * propositions, then the ledger of the largest story; the rest is one `show` or `export` away.
 */
export function renderOverview(overview: StoryOverview, largest: { story: StoredStory; propositions: ExportProposition[] } | undefined): string {
  const count = (id: string) => Object.values(overview.propositionCounts.get(id) ?? {}).reduce((a, b) => a + b, 0);
  const contested = (id: string) => overview.propositionCounts.get(id)?.contested ?? 0;
  const stories = largestFirst(overview.stories);
  const total = stories.reduce((sum, s) => sum + count(s.id), 0);
  const lines = [`${overview.articles.length} articles · ${stories.length} stories · ${total} propositions, ${stories.reduce((sum, s) => sum + contested(s.id), 0)} contested`, '', 'Largest stories'];
  for (const s of stories.slice(0, OVERVIEW_STORIES)) {
    const origins = s.origins?.length ?? s.articles.length;
    lines.push(
      `  ${String(s.articles.length).padStart(5)} articles  ${String(origins).padStart(4)} origin${origins === 1 ? ' ' : 's'}  ${String(count(s.id)).padStart(4)} propositions (${contested(s.id)} contested)  ${termSafe(s.label ?? s.id).slice(0, 60)}  ${s.id}`,
    );
  }
  if (stories.length > OVERVIEW_STORIES) lines.push(`  … ${stories.length - OVERVIEW_STORIES} more (triangulate show stories; export --format html --story ID for one story's report)`);
  const ledger = largest ? renderLedger([largest.story], largest.propositions) : '';
  if (ledger) lines.push('', ledger);
  return termBlock(lines.join('\n'));
}
