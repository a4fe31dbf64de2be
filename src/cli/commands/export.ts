import { termSafe } from '../../report/escape.js';
import { renderHtml } from '../../report/html.js';
import { buildExport } from '../../report/json.js';
import { storyDocument } from '../../report/story-document.js';
import { renderMarkdown } from '../../report/markdown.js';
import { EXIT } from '../exit-codes.js';
import type { Output } from '../output.js';
import { jsonPiecesPaged } from '../../report/json-pieces.js';
import { pagedExport } from '../../report/export-stream.js';
import { writeFileAtomic } from '../write-file.js';
import { withStore } from './shared.js';
import type { StoredStory } from '../../store/store.js';

export async function runExport(flags: { db?: string; format: 'json' | 'markdown' | 'html'; out?: string; story?: string }, out: Output): Promise<number> {
  return withStore(flags.db, async (store) => {
    const now = new Date().toISOString();
    let story: StoredStory | undefined;
    if (flags.story) {
      const matches = (await store.loadStoryState()).stories.filter((s) => s.id.startsWith(flags.story!));
      if (!matches.length) {
        out.error(`export: no stored story starts with "${termSafe(flags.story)}" (see triangulate show stories)`);
        return EXIT.ERROR;
      }
      if (matches.length === 1) story = matches[0];
    }
    let text: string | AsyncIterable<string>;
    let articles: number;
    if (flags.format === 'json') {
      // Read from the store a page at a time as it is written: a large store's export is never held whole.
      text = jsonPiecesPaged(await pagedExport(store, now));
      articles = await store.countArticles();
    } else {
      // One story is read by key, so its report costs what the story costs.
      const doc = story && flags.format === 'html' ? await storyDocument(store, story, undefined, now) : buildExport(await store.listArticles({ layers: false }), await store.loadAnalysis(), now);
      text = flags.format === 'markdown' ? renderMarkdown(doc) : renderHtml(doc, { story: flags.story });
      articles = doc.articles.length;
    }
    if (flags.out) {
      await writeFileAtomic(flags.out, text);
      out.info(`wrote ${flags.format} export of ${articles} articles to ${flags.out}`);
    } else {
      let whole = '';
      if (typeof text === 'string') whole = text;
      else for await (const piece of text) whole += piece;
      out.print(whole);
    }
    return EXIT.OK;
  }, { readOnly: true });
}
