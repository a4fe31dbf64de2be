import { termSafe } from '../../report/escape.js';
import { renderHtml } from '../../report/html.js';
import type { ExportDocument } from '../../report/export-schema.js';
import { buildExport } from '../../report/json.js';
import { storyDocument } from '../../report/story-document.js';
import { renderMarkdown } from '../../report/markdown.js';
import { EXIT } from '../exit-codes.js';
import type { Output } from '../output.js';
import { jsonPieces } from '../json-pieces.js';
import { writeFileAtomic } from '../write-file.js';
import { withStore } from './shared.js';
import type { Store } from '../../store/store.js';

async function wholeExport(store: Store): Promise<ExportDocument> {
  return buildExport(await store.listArticles({ layers: false }), await store.loadAnalysis(), new Date().toISOString());
}

export async function runExport(flags: { db?: string; format: 'json' | 'markdown' | 'html'; out?: string; story?: string }, out: Output): Promise<number> {
  return withStore(flags.db, async (store) => {
    let doc: ExportDocument;
    if (flags.story) {
      const { stories } = await store.loadOverview();
      const matches = stories.filter((s) => s.id.startsWith(flags.story!));
      if (!matches.length) {
        out.error(`export: no stored story starts with "${termSafe(flags.story)}" (see triangulate show stories)`);
        return EXIT.ERROR;
      }
      // One story is read by key, so its report costs what the story costs.
      doc = matches.length === 1 && flags.format === 'html' ? await storyDocument(store, matches[0]) : await wholeExport(store);
    } else {
      doc = await wholeExport(store);
    }
    // JSON goes out in pieces (a large store's export is never one string); the reports are rendered whole.
    const text = flags.format === 'markdown' ? renderMarkdown(doc) : flags.format === 'html' ? renderHtml(doc, { story: flags.story }) : jsonPieces(doc);
    if (flags.out) {
      await writeFileAtomic(flags.out, text);
      out.info(`wrote ${flags.format} export of ${doc.articles.length} articles to ${flags.out}`);
    } else {
      out.print(typeof text === 'string' ? text : [...text].join(''));
    }
    return EXIT.OK;
  }, { readOnly: true });
}
