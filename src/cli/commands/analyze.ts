import { analyzeStore } from '../../app/analyze.js';
import { ingestInto, type IngestSummary } from '../../app/ingest.js';
import { jsonSafe } from '../../report/escape.js';
import { buildExport } from '../../report/json.js';
import { renderMarkdown } from '../../report/markdown.js';
import { renderSummary } from '../../report/terminal.js';
import { EXIT } from '../exit-codes.js';
import type { Output } from '../output.js';
import { writeFileAtomic } from '../write-file.js';
import { ingestExitCode, ingestSummaryLine, showIngestEvent, toIngestOptions, withStore, type InputFlags } from './shared.js';

export async function runAnalyze(
  inputs: string[],
  flags: InputFlags & { db?: string; json?: string; markdown?: string },
  out: Output,
): Promise<number> {
  return withStore(flags.db, async (store) => {
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
    const { corpus, analysis, reanalysed } = await analyzeStore(store, {
      onProgress: ({ stage, index, total }) => out.progress(`stages (${stage})`, index + 1, total),
    });
    out.endProgress();
    out.info(`analyze: ${reanalysed} article(s) analysed, ${corpus.articles.length - reanalysed} already up to date (cross-article stages re-ran over all)`);
    if (!out.quiet) out.print(renderSummary(corpus, analysis));
    const doc = () => buildExport(corpus.articles, analysis, new Date().toISOString());
    if (flags.json) {
      await writeFileAtomic(flags.json, `${jsonSafe(doc(), 2)}\n`);
      out.info(`wrote JSON export to ${flags.json}`);
    }
    if (flags.markdown) {
      await writeFileAtomic(flags.markdown, renderMarkdown(doc()));
      out.info(`wrote Markdown report to ${flags.markdown}`);
    }
    out.info(`store: ${store.location}`);
    return summary ? ingestExitCode(summary) : EXIT.OK;
  });
}
