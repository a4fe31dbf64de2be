/**
 * Modality: hedges ("allegedly", "could"), unverified markers ("could not be independently
 * verified"), non-confirmation ("couldn't confirm") and denials ("denied"), each with the clause it
 * governs. Cues and the decisions on ambiguous words live in `lexicon/modality.ts`.
 */
import { z } from 'zod';
import type { Article } from '../core/article.js';
import type { Stage } from '../core/pipeline.js';
import type { StageFactory } from '../core/registry.js';
import type { Span } from '../core/span.js';
import { CLAUSE_BREAKS, KIND_PRIORITY, MODALITY_CUES, type ModalityCue } from './lexicon/modality.js';
import type { ModalityMention } from './types.js';

declare module '../core/article.js' {
  interface LayerMap {
    modality: ModalityMention;
  }
}

// The leading-boundary lookbehind is checked by hand (`matchCue`): a pattern that starts with a lookbehind scans the text many times slower.
const COMPILED = MODALITY_CUES.map((cue) => ({
  cue,
  re: new RegExp(`(?:${cue.pattern})(?![\\p{L}\\p{N}])`, 'giu'),
}));

/** What `(?<![\p{L}\p{N}'’-])` refused: a letter, digit, apostrophe or hyphen right before the match. */
const BOUNDARY_BEFORE = /^[\p{L}\p{N}'’-]$/u;

/** The matches of `re` (global) not preceded by a boundary character: what the lookbehind form found, in order. */
function* matchCue(text: string, re: RegExp): Generator<RegExpExecArray> {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const at = m.index;
    // The code point before the match (a surrogate pair counts as one, as in a unicode lookbehind).
    const before = at >= 2 && /[\uDC00-\uDFFF]/.test(text[at - 1]) && /[\uD800-\uDBFF]/.test(text[at - 2]) ? text.slice(at - 2, at) : text.slice(at - 1, at);
    if (before && BOUNDARY_BEFORE.test(before)) {
      // The lookbehind form would try the next position; no cue starts inside a surrogate pair.
      re.lastIndex = at + 1;
      continue;
    }
    yield m;
    if (m[0] === '') re.lastIndex = at + 1;
  }
}

// Fallback sentence splitter for the pure function when no sentence layer is given.
const SENTENCE_RE = /[^.!?\n]+(?:[.!?]+["”’)]*|(?=\n)|$)/g;

/** Splits text into rough sentences; the pipeline passes the real sentence layer instead. */
export function roughSentences(text: string): Span[] {
  const out: Span[] = [];
  for (const m of text.matchAll(SENTENCE_RE)) if (m[0].trim()) out.push({ start: m.index!, end: m.index! + m[0].length });
  return out;
}

function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /[\s,;:"“”'‘’(—–-]/.test(text[start])) start++;
  while (end > start && /[\s,;:.!?"“”'‘’)—–-]/.test(text[end - 1])) end--;
  return { start, end };
}

/** Clause boundaries inside a sentence: punctuation and contrastive conjunctions; commas too when `commas`. */
function clauseBounds(text: string, sentence: Span, at: number, atEnd: number, commas: boolean): Span {
  const slice = text.slice(sentence.start, sentence.end);
  const breaks: number[] = [];
  for (const m of slice.matchAll(CLAUSE_BREAKS)) breaks.push(sentence.start + m.index!);
  if (commas) for (const m of slice.matchAll(/,\s/g)) breaks.push(sentence.start + m.index!);
  let start = sentence.start;
  let end = sentence.end;
  for (const b of breaks) {
    if (b < at && b + 1 > start) start = b + 1;
    if (b >= atEnd && b < end) end = b;
  }
  return { start, end };
}

function scopeOf(text: string, sentence: Span, cue: ModalityCue, start: number, end: number): Span {
  if (cue.scope === 'after') {
    const clause = clauseBounds(text, sentence, start, end, false);
    const after = trimSpan(text, { start: end, end: clause.end });
    return after.end > after.start ? after : trimSpan(text, sentence);
  }
  const clause = trimSpan(text, clauseBounds(text, sentence, start, end, true));
  return clause.end > clause.start ? clause : trimSpan(text, sentence);
}

/** True when a capitalised "May" is the month ("The May 5 summit"), not the modal. */
function isMonthMay(text: string, sentence: Span, start: number, end: number): boolean {
  if (text[start] !== 'M') return false;
  const atSentenceStart = text.slice(sentence.start, start).trim() === '';
  const next = text.slice(end, end + 20).match(/^\s+(\S)/)?.[1] ?? '';
  return !atSentenceStart || /[\p{Lu}\d]/u.test(next);
}

/**
 * Finds hedge, unverified, non-confirmation and denial cues and the span each governs.
 * @example findModality("Austin said he couldn't confirm the troops were fighting.")[0].kind // 'non-confirmation'
 */
export function findModality(text: string, sentences: readonly Span[] = roughSentences(text)): ModalityMention[] {
  const sorted = [...sentences].sort((a, b) => a.start - b.start);
  const sentenceAt = (pos: number): Span => sorted.find((s) => s.start <= pos && pos < s.end) ?? { start: pos, end: pos };
  const candidates: { start: number; end: number; cue: ModalityCue; text: string }[] = [];
  for (const { cue, re } of COMPILED) {
    for (const m of matchCue(text, re)) {
      const start = m.index!;
      const end = start + m[0].length;
      if (cue.pattern === 'may' && isMonthMay(text, sentenceAt(start), start, end)) continue;
      candidates.push({ start, end, cue, text: m[0] });
    }
  }
  candidates.sort(
    (a, b) => b.end - b.start - (a.end - a.start) || KIND_PRIORITY.indexOf(a.cue.kind) - KIND_PRIORITY.indexOf(b.cue.kind) || a.start - b.start,
  );
  const kept: typeof candidates = [];
  for (const c of candidates) if (!kept.some((k) => k.start < c.end && c.start < k.end)) kept.push(c);
  return kept
    .sort((a, b) => a.start - b.start)
    .map((c) => {
      const sentence = sentenceAt(c.start);
      const holder = sentence.end > sentence.start ? sentence : { start: c.start, end: c.end };
      return {
        start: c.start,
        end: c.end,
        kind: c.cue.kind,
        cue: c.cue.cue ?? c.text.toLowerCase().replace(/’/g, "'"),
        scope: scopeOf(text, holder, c.cue, c.start, c.end),
      };
    });
}

/** Options of the modality stage (none yet; kept for config validation). */
export type ModalityOptions = Record<string, never>;

/** Stage `claims/modality`: fills `layers.modality` using the sentence layer for scopes. */
export const modalityStage: Stage = {
  name: 'claims/modality',
  requires: ['layers.sentence'],
  produces: ['layers.modality'],
  run(article: Article): Article {
    const sentences = article.layers.sentence?.length ? article.layers.sentence : roughSentences(article.text);
    article.layers.modality = findModality(article.text, sentences);
    return article;
  },
};

/** Registry factory for `claims/modality`. */
export const modalityFactory: StageFactory = {
  name: 'claims/modality',
  version: 1,
  options: z.object({}),
  create: () => modalityStage,
};
