/** The terminal summary `analyze` prints: stories, derivation graph, claim counts, dropped boilerplate, then the ledger. */
import type { Corpus } from '../core/pipeline.js';
import { renderClaimsSummary } from '../claims/export.js';
import { renderDerivationGraph } from '../reuse/graph.js';
import { renderLedger } from './ledger.js';
import type { AnalysisRecord } from '../store/store.js';
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
