/** Reads inputs, extracts each, and stores the result: the `ingest` half of every command. */
import type { Article } from '../core/article.js';
import { hasFatal } from '../core/message.js';
import type { InputFailure, RawDocument } from '../core/raw-document.js';
import { extractDocument } from '../extract/extract.js';
import { isInputFailure, readInputs, type IngestOptions } from '../ingest/index.js';
import type { Store } from '../store/store.js';

/** One thing that happened to one input, for progress display and summaries. */
export type IngestEvent =
  | { type: 'added'; input: string; id: string; title?: string; dropped: number }
  | { type: 'duplicate'; input: string; id: string; duplicateOf: string; reason: string }
  | { type: 'failed'; input: string; ruleId: string; reason: string }
  | { type: 'warning'; input: string; ruleId: string; reason: string };

export interface IngestSummary {
  added: string[];
  duplicates: number;
  failed: InputFailure[];
  warnings: number;
}

/**
 * Turns input specs into stored articles; a bad input becomes a failure and the batch goes on.
 * @example await ingestInto(store, ['articles/', 'https://example.org/feed.xml'], { allowPrivate: false })
 */
export async function ingestInto(
  store: Store,
  specs: string[],
  options: IngestOptions = {},
  onEvent: (event: IngestEvent) => void = () => {},
): Promise<IngestSummary> {
  const summary: IngestSummary = { added: [], duplicates: 0, failed: [], warnings: 0 };
  const failures: InputFailure[] = [];
  const fail = (f: InputFailure) => {
    failures.push(f);
    summary.failed.push(f);
    onEvent({ type: 'failed', input: f.input, ruleId: f.ruleId, reason: f.reason });
  };
  for await (const item of readInputs(specs, options)) {
    if (isInputFailure(item)) {
      if (item.severity === 'warning') {
        summary.warnings++;
        onEvent({ type: 'warning', input: item.input, ruleId: item.ruleId, reason: item.reason });
      } else {
        fail(item);
      }
      continue;
    }
    const article = extractOne(item, fail);
    if (!article) continue;
    for (const note of item.notes ?? []) {
      summary.warnings++;
      onEvent({ type: 'warning', input: item.input, ruleId: note.ruleId, reason: note.reason });
    }
    const result = await store.addArticle(article);
    if (result.status === 'added') {
      summary.added.push(result.id);
      onEvent({ type: 'added', input: item.input, id: result.id, title: article.meta.title, dropped: droppedCount(article) });
    } else {
      summary.duplicates++;
      onEvent({ type: 'duplicate', input: item.input, id: result.id, duplicateOf: result.duplicateOf, reason: result.reason });
    }
  }
  const at = new Date().toISOString();
  await store.recordFailures(failures.map((f) => ({ ...f, at })));
  return summary;
}

/** Extracts one document; a crash or a fatal extraction message becomes a failure naming the input. */
export function extractOne(raw: RawDocument, fail: (f: InputFailure) => void): Article | undefined {
  let article: Article;
  try {
    article = extractDocument(raw);
  } catch (error) {
    fail({ input: raw.input, ruleId: 'extract:crashed', reason: `extraction failed: ${(error as Error).message}` });
    return undefined;
  }
  if (hasFatal(article)) {
    const fatal = article.messages.find((m) => m.severity === 'fatal')!;
    fail({ input: raw.input, ruleId: fatal.ruleId, reason: fatal.reason });
    return undefined;
  }
  return article;
}

function droppedCount(article: Article): number {
  return ((article.data as { dropped?: unknown[] }).dropped ?? []).length;
}
