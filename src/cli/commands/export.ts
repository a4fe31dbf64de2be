import { jsonSafe } from '../../report/escape.js';
import { buildExport } from '../../report/json.js';
import { renderMarkdown } from '../../report/markdown.js';
import { EXIT } from '../exit-codes.js';
import type { Output } from '../output.js';
import { writeFileAtomic } from '../write-file.js';
import { withStore } from './shared.js';

export async function runExport(flags: { db?: string; format: 'json' | 'markdown'; out?: string }, out: Output): Promise<number> {
  return withStore(flags.db, async (store) => {
    const doc = buildExport(await store.listArticles(), await store.loadAnalysis(), new Date().toISOString());
    const text = flags.format === 'markdown' ? renderMarkdown(doc) : `${jsonSafe(doc, 2)}\n`;
    if (flags.out) {
      await writeFileAtomic(flags.out, text);
      out.info(`wrote ${flags.format} export of ${doc.articles.length} articles to ${flags.out}`);
    } else {
      out.print(text);
    }
    return EXIT.OK;
  }, { readOnly: true });
}
