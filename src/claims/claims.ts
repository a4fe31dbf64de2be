/**
 * Claim assembly: turns each factual sentence into one or more claims (quote, quantity, event,
 * statement) that point into the entity, quantity, date, attribution and modality layers, with
 * hedges, negation and commentary marked. Reads whichever of those layers exist.
 */
import { z } from 'zod';
import { hashId, type Article } from '../core/article.js';
import type { Stage } from '../core/pipeline.js';
import type { StageFactory } from '../core/registry.js';
import { overlaps, type Span } from '../core/span.js';
import { findQuotes } from './attribution-content.js';
import {
  DATELINE,
  EVENT_VERB_FORMS,
  FALLBACK_HEDGES,
  NEGATION_EXCEPTIONS,
  NEGATION_PATTERN,
  NON_CLAIM_LINE,
  OPINION_PATTERNS,
} from './claims-lexicon.js';
import type {
  AttributionMention,
  Claim,
  DateMention,
  EntityMention,
  ModalityMention,
  QuantityMention,
} from './types.js';

declare module '../core/article.js' {
  interface LayerMap {
    claim: Claim;
  }
}

/** Sentences with fewer words are fragments (captions, credits), not claims. */
const MIN_CLAIM_WORDS = 4;
/** A headline is a first line without terminal punctuation and at most this many words. */
const MAX_HEADLINE_WORDS = 25;
/** Share of a sentence that a direct quote must cover for the claim to be a quote. */
const MIN_QUOTE_SHARE = 0.4;
/** Small counts after "the"/"both" ("the two countries") are references, not figures. */
const DEFINITE_REFERENCE_MAX = 3;
const ANAPHORIC_OPENER = /^(?:It|They|He|She|These|This|The (?:unit|brigade|battalion|group|figure|number))\b/;
/** The backshifted verbs of indirect speech: a report's next sentence often goes on "… had arrived", "… would". */
const INDIRECT_SPEECH = /\b(?:had|would|could|might)\b/;

export interface ClaimsOptions {
  /** Also emit claims for headlines (marked by their position only). */
  includeHeadlines?: boolean;
}

/** The claim layers, typed locally so this stage compiles whichever stages are present. */
interface ClaimInputs {
  sentence?: Span[];
  paragraph?: Span[];
  entity?: EntityMention[];
  quantity?: QuantityMention[];
  date?: DateMention[];
  attribution?: AttributionMention[];
  modality?: ModalityMention[];
}

const EVENT_VERB = new RegExp(`\\b(?:${EVENT_VERB_FORMS.join('|')})\\b`, 'i');
const PLACE_PHRASE = /\b(?:in|to|near|at|into|from|across|over|outside|around)\s+(?:the\s+)?\p{Lu}\p{Ll}/u;
const FALLBACK_HEDGE = new RegExp(`\\b(?:${FALLBACK_HEDGES.map((h) => h.replace(/ /g, '\\s+')).join('|')})\\b`, 'i');
const SUBJECT_SKIP = /^(?:The|A|An|However|But|And|In|On|At|During|After|Before|Also|Meanwhile|Moreover|While|Since|According|Shortly|Simultaneously|Both|This|That|These|Those|It|Its|Their|If|Though|Although|When|As|Despite|Upon|For|Recent|Earlier|Later|Today|Yesterday)$/;

/** Assembles the claims of one article from its sentences and whichever claim layers exist. */
export function assembleClaims(article: Article, options: ClaimsOptions = {}): Claim[] {
  const layers = article.layers as ClaimInputs;
  const text = article.text;
  const sentences = layers.sentence ?? [];
  const claims: Claim[] = [];
  sentences.forEach((raw, index) => {
    const sentence = stripDateline(text, raw);
    if (!sentence || (!options.includeHeadlines && isNonClaim(article, sentence, index))) return;
    const quantities = (layers.quantity ?? [])
      .map((q, i) => ({ q, i }))
      .filter(({ q }) => q.unit && q.start >= sentence.start && q.end <= sentence.end && !isDefiniteReference(text, q));
    const pieces = quantities.length > 1 ? splitByQuantities(text, sentence, quantities) : [{ span: sentence, quantity: quantities[0]?.i }];
    for (const piece of pieces) claims.push(buildClaim(article, layers, sentence, piece.span, piece.quantity));
  });
  inheritAttributions(text, layers, claims);
  return claims;
}

/** "the two countries" refers back to known things; it is no figure to check. */
function isDefiniteReference(text: string, q: QuantityMention): boolean {
  return q.value <= DEFINITE_REFERENCE_MAX && /\b(?:the|these|those|both|its|their|his|her|our)\s+$/i.test(text.slice(Math.max(0, q.start - 8), q.start));
}

/**
 * Carries an attribution over to the next sentences of its paragraph while they read as the same report: a sentence
 * opening with a pronoun ("It/They/The unit …"), one in the backshifted tense of indirect speech ("… had arrived",
 * "… would"), or one opening with a quotation mark or inside a quotation after a sentence that quotes (the report
 * marked direct or not). A sentence with its own source, a new paragraph, or plain narration ends the run. A figure
 * after an indirect report is not carried for being a figure: on PolNeAR train such figures were the report's 35 times
 * and the writer's or another source's 408 times (docs/claims.md, "Figures with their speakers").
 */
function inheritAttributions(text: string, layers: ClaimInputs, claims: Claim[]): void {
  const paragraphs = layers.paragraph ?? [];
  const attributions = layers.attribution ?? [];
  const quotes = findQuotes(text);
  for (let k = 1; k < claims.length; k++) {
    const claim = claims[k];
    const prev = claims[k - 1];
    if (claim.attribution !== undefined || prev.attribution === undefined) continue;
    const opening = text.slice(claim.start, claim.start + 12);
    const body = text.slice(claim.start, claim.end);
    const reported = attributions[prev.attribution];
    const quoting = !!reported?.direct || quotes.some((q) => overlaps(q, prev));
    const inQuote = /^(?:["“]|'')/.test(opening) || quotes.some((q) => q.start < claim.start && claim.start < q.end);
    const continues = ANAPHORIC_OPENER.test(opening) || (INDIRECT_SPEECH.test(body) && !reported?.direct) || (inQuote && quoting);
    if (!continues) continue;
    const gap = text.slice(prev.end, claim.start);
    const samePara = paragraphs.length
      ? paragraphs.some((p) => p.start <= prev.start && claim.end <= p.end)
      : !/\n\s*\n/.test(gap);
    if (samePara) claim.attribution = prev.attribution;
  }
}

function stripDateline(text: string, sentence: Span): Span | undefined {
  const m = DATELINE.exec(text.slice(sentence.start, sentence.end));
  const start = m && m[0].length < sentence.end - sentence.start ? sentence.start + m[0].length : sentence.start;
  return start < sentence.end ? { start, end: sentence.end } : undefined;
}

/** Headlines, captions, credits and fragments are not claims. */
function isNonClaim(article: Article, sentence: Span, index: number): boolean {
  const body = article.text.slice(sentence.start, sentence.end).trim();
  const words = body.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
  if (words.length < MIN_CLAIM_WORDS) return true;
  if (NON_CLAIM_LINE.test(body)) return true;
  const title = article.meta.title?.trim();
  if (title && normalise(body) === normalise(title)) return true;
  // A first line without terminal punctuation is the headline.
  if (index === 0 && !/[.!?…]["”’)]?$/.test(body) && words.length <= MAX_HEADLINE_WORDS) return true;
  return false;
}

function normalise(s: string): string {
  return s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** Cuts a sentence with several counted quantities into one piece per quantity, at clause breaks. */
function splitByQuantities(text: string, sentence: Span, quantities: { q: QuantityMention; i: number }[]): { span: Span; quantity: number }[] {
  const pieces: { span: Span; quantity: number }[] = [];
  let start = sentence.start;
  for (let k = 0; k < quantities.length; k++) {
    const current = quantities[k].q;
    const next = quantities[k + 1]?.q;
    let end = sentence.end;
    if (next) {
      const between = text.slice(current.unitSpan?.end ?? current.end, next.start);
      const offset = current.unitSpan?.end ?? current.end;
      const breaks = [...between.matchAll(/[,;]\s+|\s+[—–]\s+|\s+(?:and|while|but|with)\s+/g)];
      // Without a clause break, right after the figure's phrase: never inside a word (was "1.8 metres i|n 24 hours").
      const space = between.search(/\s/);
      const cut = offset + (breaks.length ? breaks[breaks.length - 1].index : Math.max(space, 0));
      end = Math.max(cut, current.end);
    }
    pieces.push({ span: trimSpan(text, { start, end }), quantity: quantities[k].i });
    start = end;
  }
  return pieces;
}

function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /[\s,;"“”—–]/.test(text[start])) start++;
  while (end > start && /[\s,;"“”—–]/.test(text[end - 1])) end--;
  return { start, end };
}


/** The opinion patterns as one regex: one scan of each claim instead of one per pattern (the same claims match). */
const OPINION = new RegExp(OPINION_PATTERNS.map((re) => `(?:${re.source})`).join('|'), 'i');

function buildClaim(article: Article, layers: ClaimInputs, sentence: Span, span: Span, quantity: number | undefined): Claim {
  const text = article.text;
  const body = text.slice(span.start, span.end);
  const attribution = pickAttribution(layers.attribution ?? [], sentence, span);
  const att = attribution === undefined ? undefined : layers.attribution![attribution];
  const dates = (layers.date ?? []).map((d, i) => ({ d, i })).filter(({ d }) => d.start >= span.start && d.end <= span.end);
  const date = (dates.find(({ d }) => d.resolved) ?? dates[0])?.i;
  const claim: Claim = {
    id: hashId(`${article.id}:${span.start}:${span.end}`),
    start: span.start,
    end: span.end,
    kind: 'statement',
  };
  if (quantity !== undefined) claim.quantity = quantity;
  if (date !== undefined) claim.date = date;
  if (attribution !== undefined) claim.attribution = attribution;

  const quoteShare = att?.direct && att.content ? overlapLength(att.content, span) / (span.end - span.start) : 0;
  const hasPlace = (layers.entity ?? []).some((e) => e.type === 'place' && e.start >= span.start && e.end <= span.end) || PLACE_PHRASE.test(body);
  if (quoteShare >= MIN_QUOTE_SHARE) claim.kind = 'quote';
  else if (quantity !== undefined) claim.kind = 'quantity';
  else if (EVENT_VERB.test(outsideAttribution(text, span, att)) && (date !== undefined || hasPlace)) claim.kind = 'event';

  const subject = findSubject(text, layers, span, quantity, att);
  if (subject) claim.subject = subject;
  applyModality(claim, text, layers, span);
  if (OPINION.test(body)) claim.opinion = true;
  return claim;
}

function overlapLength(a: Span, b: Span): number {
  return Math.max(0, Math.min(a.end, b.end) - Math.max(a.start, b.start));
}

/** The attribution whose content covers the claim most; else one whose cue sits in the sentence. */
function pickAttribution(attributions: AttributionMention[], sentence: Span, span: Span): number | undefined {
  let best: { i: number; score: number } | undefined;
  // Indices some attribution cites, gathered once rather than searched for at each attribution.
  const cited = new Set(attributions.map((o) => o.citing));
  attributions.forEach((a, i) => {
    const byContent = a.content ? overlapLength(a.content, span) : 0;
    const byCue = a.cue.start >= sentence.start && a.cue.end <= sentence.end ? 1 : 0;
    // A cited source (chain) is reached through the citing attribution, so the outer one wins ties.
    const score = byContent * 2 + byCue - (a.citing === undefined && cited.has(i) ? 0.5 : 0);
    if (score > 0 && (!best || score > best.score)) best = { i, score };
  });
  return best?.i;
}

/** The claim text without the speaker and cue, so "X told Y" is not read as an event. */
function outsideAttribution(text: string, span: Span, att: AttributionMention | undefined): string {
  if (!att?.content) return text.slice(span.start, span.end);
  const start = Math.max(span.start, att.content.start);
  const end = Math.min(span.end, att.content.end);
  return end > start ? text.slice(start, end) : text.slice(span.start, span.end);
}

/** The main entity or noun phrase: the counted thing, else the first entity in the content. */
function findSubject(text: string, layers: ClaimInputs, span: Span, quantity: number | undefined, att: AttributionMention | undefined): Span | undefined {
  const q = quantity === undefined ? undefined : layers.quantity?.[quantity];
  if (q?.unitSpan) {
    const start = q.unitSpan.start > q.end ? q.end : q.unitSpan.start;
    return trimSpan(text, { start, end: q.unitSpan.end });
  }
  const region = att?.content && overlaps(att.content, span)
    ? { start: Math.max(span.start, att.content.start), end: Math.min(span.end, att.content.end) }
    : span;
  const blocked = [att?.speaker, att?.via, att?.cue].filter((s): s is Span => !!s);
  const entity = (layers.entity ?? []).find(
    (e) => e.start >= region.start && e.end <= region.end && !blocked.some((b) => overlaps(b, e)),
  );
  if (entity) return { start: entity.start, end: entity.end };
  const slice = text.slice(region.start, region.end);
  for (const m of slice.matchAll(/\p{Lu}[\p{L}\p{N}'’.-]*(?:\s+(?:of\s+(?:the\s+)?)?\p{Lu}[\p{L}\p{N}'’.-]*)*/gu)) {
    const first = m[0].split(/\s+/)[0];
    if (SUBJECT_SKIP.test(first) && !/\s/.test(m[0])) continue;
    const skip = SUBJECT_SKIP.test(first) ? first.length + 1 : 0;
    const s = { start: region.start + m.index + skip, end: region.start + m.index + m[0].length };
    if (blocked.some((b) => overlaps(b, s))) continue;
    return trimSpan(text, { start: s.start, end: s.end - (/['’]s$/.test(m[0]) ? 2 : 0) });
  }
  return undefined;
}

/** Hedge, negation and opinion from the modality layer (or a fallback lexicon) and plain "not". */
function applyModality(claim: Claim, text: string, layers: ClaimInputs, span: Span): void {
  const body = text.slice(span.start, span.end);
  if (layers.modality) {
    for (const m of layers.modality) {
      if (!overlaps(m.scope, span) && !overlaps(m, span)) continue;
      if (m.kind === 'hedge' || m.kind === 'unverified' || m.kind === 'non-confirmation') claim.hedge ??= m.cue;
      if (m.kind === 'denial' || m.kind === 'non-confirmation') claim.negated = true;
      if (m.kind === 'opinion') claim.opinion = true;
    }
  } else {
    const hedge = FALLBACK_HEDGE.exec(body);
    if (hedge) claim.hedge = hedge[0].toLowerCase();
  }
  if (NEGATION_PATTERN.test(body.replace(NEGATION_EXCEPTIONS, ' '))) claim.negated = true;
}

/** Creates the claims stage. */
export function createClaimsStage(options: ClaimsOptions = {}): Stage {
  return {
    name: 'claims/claims',
    requires: ['layers.sentence'],
    produces: ['layers.claim'],
    run(article) {
      const claims = assembleClaims(article, options);
      return { ...article, layers: { ...article.layers, claim: claims } };
    },
  };
}

/** The claims stage with default options. */
export const claimsStage: Stage = createClaimsStage();

const claimsOptionsSchema = z.object({ includeHeadlines: z.boolean().default(false) });

/** Registry factory for `claims/claims`. */
export const claimsFactory: StageFactory<typeof claimsOptionsSchema> = {
  name: 'claims/claims',
  version: 3,
  options: claimsOptionsSchema,
  create: (options) => createClaimsStage(options),
};
