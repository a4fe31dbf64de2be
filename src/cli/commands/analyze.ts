import { analyzeStore, type StepTiming } from '../../app/analyze.js';
import { withArticleWorkers } from '../../core/article-workers-config.js';
import { storedCorpus } from '../../app/analyze-store.js';
import { ingestInto, type IngestSummary } from '../../app/ingest.js';
import { buildExport } from '../../report/json.js';
import { renderMarkdown } from '../../report/markdown.js';
import { largestFirst, renderOverview, renderSummary } from '../../report/terminal.js';
import { EXIT } from '../exit-codes.js';
import type { Output } from '../output.js';
import type { Store } from '../../store/store.js';
import { jsonPiecesPaged } from '../../report/json-pieces.js';
import { pagedExport } from '../../report/export-stream.js';
import { writeFileAtomic } from '../write-file.js';
import { ingestExitCode, ingestSummaryLine, showIngestEvent, toIngestOptions, withStore } from './shared.js';
import { runQueued, type QueuedFlags } from './queued.js';

/** Least time between two redraws of the per-article progress bar. */
const PROGRESS_EVERY_MS = 100;

/** The `--timings` table: each step's wall time and the articles it worked on. */
export function renderTimings(timings: readonly StepTiming[]): string {
  const width = Math.max(...timings.map((t) => t.step.length), 5);
  const total = timings.reduce((sum, t) => sum + t.ms, 0);
  const row = (step: string, ms: number, articles: string) => `${step.padEnd(width)}  ${(ms / 1000).toFixed(2).padStart(8)} s  ${articles}`;
  return [
    `${'step'.padEnd(width)}  ${'time'.padStart(10)}  articles`,
    ...timings.map((t) => row(t.step, t.ms, String(t.articles))),
    row('total', total, ''),
  ].join('\n');
}

export async function runAnalyze(
  inputs: string[],
  flags: QueuedFlags & { db?: string; timings?: boolean; workers?: number },
  out: Output,
): Promise<number> {
  return withStore(flags.db, async (store, location) => {
    // PostgreSQL: the inputs and the analysis go to the workers' queue (src/queue); SQLite: this process does the work.
    if (store.kind === 'postgres') return runQueued('analyze', store, location, inputs, flags, out);
    let summary: IngestSummary | undefined;
    if (inputs.length) {
      const count = { n: 0 };
      summary = await ingestInto(store, inputs, toIngestOptions(flags), (e) => showIngestEvent(out, e, count));
      out.endProgress();
      out.info(ingestSummaryLine(summary, out.verbose));
    }
    if ((await store.countArticles()) === 0) {
      out.error('analyze: no articles stored, nothing to analyse');
      return EXIT.ERROR;
    }
    let shown = 0;
    // Worker threads for the per-article stages: a process setting for this analysis, however it runs the pipeline.
    const { articles, reanalysed, timings, ran } = await withArticleWorkers(flags.workers, () => analyzeStore(store, {
      onProgress: ({ stage, index, total }) => out.progress(`stages done (last: ${stage})`, index + 1, total),
      onArticle: ({ stage, index, total, done, articles }) => {
        // A redraw per article would cost more than the stage on a fast one.
        if (performance.now() - shown < PROGRESS_EVERY_MS) return;
        shown = performance.now();
        out.progress(`articles, stage ${index + 1}/${total} ${stage}`, done, articles);
      },
    }));
    out.endProgress();
    const compared = ran['reuse/links'];
    out.info(
      `analyze: ${reanalysed} article(s) analysed, ${articles - reanalysed} already up to date` +
        (compared === undefined ? '' : `; reuse links compared for ${compared} new or changed article(s)`),
    );
    if (flags.timings) out.print(renderTimings(timings));
    if (!out.quiet) out.print(await summarise(store));
    // The JSON export is read from the store a page at a time as it is written.
    if (flags.json) {
      await writeFileAtomic(flags.json, jsonPiecesPaged(await pagedExport(store, new Date().toISOString())));
      out.info(`wrote JSON export to ${flags.json}`);
    }
    if (flags.markdown) {
      await writeFileAtomic(flags.markdown, renderMarkdown(buildExport(await store.listArticles({ layers: false }), await store.loadAnalysis(), new Date().toISOString())));
      out.info(`wrote Markdown report to ${flags.markdown}`);
    }
    out.info(`store: ${store.location}`);
    return summary ? ingestExitCode(summary) : EXIT.OK;
  });
}

/** Stores up to this many articles get the summary article by article; larger ones an overview of their largest stories. */
const SUMMARY_ARTICLES = 200;

/** The terminal summary: every story and article of a small store (with their layers), an overview of a large one. */
async function summarise(store: Store): Promise<string> {
  const overview = await store.loadOverview();
  if (overview.articles.length <= SUMMARY_ARTICLES) {
    const analysis = await store.loadAnalysis();
    return renderSummary(storedCorpus(await store.listArticles(), analysis), analysis);
  }
  const [largest] = largestFirst(overview.stories);
  return renderOverview(overview, largest && { story: largest, propositions: (await store.loadStoryAnalysis(largest.id, largest.articles)).propositions });
}
