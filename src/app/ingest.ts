/** Reads inputs, extracts each, and stores the result: the `ingest` half of every command. */
import type { Article } from '../core/article.js';
import type { InputFailure, RawDocument } from '../core/raw-document.js';
import { extractDocument } from '../extract/extract.js';
import { cleanControlCharacters } from '../ingest/control-characters.js';
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

/** What reading and extracting one input gave: an article, or a failure or warning naming the input. */
export type ExtractedInput =
  | { type: 'article'; raw: RawDocument; article: Article }
  | { type: 'failed' | 'warning'; failure: InputFailure };

/**
 * Reads input specs and extracts each document, in order; stores nothing. Ingestion notes on a
 * document (e.g. a charset fallback) come out as warnings just before its article.
 */
export function extractInputs(specs: string[], options: IngestOptions = {}): AsyncGenerator<ExtractedInput> {
  return extractItems(readInputs(specs, options));
}

/** Extracts documents already read (or the failures reading them gave), in order. */
export async function* extractItems(items: AsyncIterable<RawDocument | InputFailure> | Iterable<RawDocument | InputFailure>): AsyncGenerator<ExtractedInput> {
  for await (const item of items) {
    if (isInputFailure(item)) {
      yield { type: item.severity === 'warning' ? 'warning' : 'failed', failure: item };
      continue;
    }
    const outcome = extractOne(item);
    if ('ruleId' in outcome) {
      yield { type: 'failed', failure: outcome };
      continue;
    }
    for (const note of item.notes ?? []) yield { type: 'warning', failure: note };
    yield { type: 'article', raw: item, article: outcome };
  }
}

/**
 * Turns input specs into stored articles; a bad input becomes a failure and the batch goes on.
 * @example await ingestInto(store, ['articles/', 'https://example.org/feed.xml'], { allowPrivate: false })
 */
export function ingestInto(
  store: Store,
  specs: string[],
  options: IngestOptions = {},
  onEvent: (event: IngestEvent) => void = () => {},
): Promise<IngestSummary> {
  return storeExtracted(store, extractInputs(specs, options), { onEvent });
}

export interface StoreHooks {
  /** Told what happened to each input; awaited, so a job can queue follow-up work for the article. */
  onEvent?: (event: IngestEvent) => void | Promise<void>;
  /** Asked before a failure is stored: an error returned is thrown instead, ending the batch (a job's retryable fetch). */
  retryable?: (failure: InputFailure) => Error | undefined;
}

/** Stores extracted inputs: articles through the store's duplicate checks, failures at once; the batch goes on. */
export async function storeExtracted(store: Store, items: AsyncIterable<ExtractedInput>, hooks: StoreHooks = {}): Promise<IngestSummary> {
  const summary: IngestSummary = { added: [], duplicates: 0, failed: [], warnings: 0 };
  const onEvent = hooks.onEvent ?? (() => undefined);
  for await (const item of items) {
    if (item.type !== 'article') {
      const { input, ruleId, reason } = item.failure;
      if (item.type === 'failed') {
        const retry = hooks.retryable?.(item.failure);
        if (retry) throw retry;
        summary.failed.push(item.failure);
        // Stored at once: a run killed later (a stalled feed, Ctrl-C) must not lose the failures already seen.
        await store.recordFailures([{ ...item.failure, at: new Date().toISOString() }]);
      } else {
        summary.warnings++;
      }
      await onEvent({ type: item.type, input, ruleId, reason });
      continue;
    }
    const { raw, article } = item;
    const result = await store.addArticle(article);
    if (result.status === 'added') {
      summary.added.push(result.id);
      await onEvent({ type: 'added', input: raw.input, id: result.id, title: article.meta.title, dropped: droppedCount(article) });
    } else {
      summary.duplicates++;
      await onEvent({ type: 'duplicate', input: raw.input, id: result.id, duplicateOf: result.duplicateOf, reason: result.reason });
    }
  }
  return summary;
}

/** Extracts one document; a crash or a fatal extraction message becomes a failure naming the input. */
export function extractOne(raw: RawDocument): Article | InputFailure {
  let article: Article;
  cleanControlCharacters(raw);
  try {
    article = extractDocument(raw);
  } catch (error) {
    return { input: raw.input, ruleId: 'extract:crashed', reason: `extraction failed: ${(error as Error).message}` };
  }
  const fatal = article.messages.find((m) => m.severity === 'fatal');
  if (fatal) return { input: raw.input, ruleId: fatal.ruleId, reason: fatal.reason };
  return article;
}

function droppedCount(article: Article): number {
  return article.data.dropped?.length ?? 0;
}
