import type { Span } from './span.js';

export type Severity = 'info' | 'warning' | 'fatal';

/**
 * A data problem or decision about one article, kept where reports and the UI can show it
 * (vfile's `source:ruleId` model). A `fatal` message stops that article, not the batch.
 */
export interface ArticleMessage {
  /** Stable id, `area:rule`, e.g. `extract:too-short`, `ingest:duplicate`. */
  ruleId: string;
  /** Stage or module that raised it, e.g. `extract/html`. */
  source: string;
  severity: Severity;
  /** Human-readable sentence naming the problem. */
  reason: string;
  /** Where in `Article.text` it applies, when it applies to a place. */
  place?: Span;
  /** Underlying error text, if any. */
  cause?: string;
  note?: string;
}

/** Appends a message to a holder of messages and returns it. */
export function addMessage(
  holder: { messages: ArticleMessage[] },
  message: ArticleMessage,
): ArticleMessage {
  holder.messages.push(message);
  return message;
}

/** True when any message on the holder is fatal. */
export function hasFatal(holder: { messages: readonly ArticleMessage[] }): boolean {
  return holder.messages.some((m) => m.severity === 'fatal');
}
