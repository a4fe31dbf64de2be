/**
 * Everything reuse detection needs from one article, computed once: tokens, shingles, MinHash
 * signature, sentences with their content terms, facts (numbers, names) and direct quotes.
 */
import type { Article } from '../core/article.js';
import type { Span } from '../core/span.js';
import { QUOTE_PAIRS } from './lexicon.js';
import { minhashSignature } from './minhash.js';
import { distinct, hashString, hashTokens, shingleHashes, shingleSizeFor } from './shingles.js';
import { splitSentences } from './split-sentences.js';
import { dominantScript, isStopword, termKey, tokenize, type Token } from './tokens.js';

/** A number of this many digits or more is a fact worth matching (single digits are too common). */
export const MIN_FACT_NUMBER_DIGITS = 2;
/** Content words this long or longer are used as rare-word anchors. */
export const MIN_ANCHOR_WORD_CHARS = 7;

/** One sentence with its token range and comparable content. */
export interface SentenceProfile extends Span {
  /** Token index range [first, last+1). */
  tokenStart: number;
  tokenEnd: number;
  /** Stemmed content words, numbers and names (deduplicated). */
  terms: string[];
  /** Numbers and transliterated names, in order. */
  facts: string[];
}

/** Precomputed view of one article for reuse detection. */
export interface ReuseProfile {
  id: string;
  article: Article;
  tokens: Token[];
  tokenHashes: Uint32Array;
  shingleSize: number;
  /** Ordered shingle hashes (index i starts at token i). */
  shingles: Uint32Array;
  signature: Uint32Array;
  sentences: SentenceProfile[];
  /** Facts of the whole text, in order of first appearance. */
  facts: string[];
  /** Anchor terms for the rare-term candidate index: facts and long content stems. */
  anchors: string[];
  /** Direct quotes (inner spans) of at least a few words. */
  quotes: Span[];
  script: string;
  lang?: string;
  /** Count of content tokens; 0 for empty or boilerplate-only pages. */
  contentTokens: number;
}

/**
 * `make` kept with each profile it is asked for: a profile is compared with many others, and what depends on it alone
 * (its quotes' words, its line roles…) is made once and goes when the profile does.
 */
export function perProfile<T>(make: (p: ReuseProfile) => T): (p: ReuseProfile) => T {
  const made = new WeakMap<ReuseProfile, T>();
  return (p) => {
    let value = made.get(p);
    if (value === undefined) made.set(p, (value = make(p)));
    return value;
  };
}

/** Builds the reuse profile of an article. */
export function profileArticle(article: Article): ReuseProfile {
  const text = article.text ?? '';
  const tokens = tokenize(text);
  const tokenHashes = hashTokens(tokens);
  const shingleSize = shingleSizeFor(tokens);
  const shingles = shingleHashes(tokenHashes, shingleSize);
  const signature = minhashSignature(distinct(shingles));
  const sentenceSpans = article.layers.sentence?.length ? article.layers.sentence : splitSentences(text);
  const sentences = profileSentences(tokens, sentenceSpans);
  const facts: string[] = [];
  const seenFacts = new Set<string>();
  for (const s of sentences) for (const f of s.facts) if (!seenFacts.has(f)) (seenFacts.add(f), facts.push(f));
  const anchors = new Set<string>(facts);
  let contentTokens = 0;
  for (const t of tokens) {
    if (t.kind === 'char' || !isStopword(t.norm)) contentTokens++;
    if (t.kind === 'word' && t.norm.length >= MIN_ANCHOR_WORD_CHARS && !isStopword(t.norm)) anchors.add(termKey(t.norm));
  }
  return {
    id: article.id,
    article,
    tokens,
    tokenHashes,
    shingleSize,
    shingles,
    signature,
    sentences,
    facts,
    anchors: [...anchors],
    quotes: findQuotes(text),
    script: dominantScript(text),
    lang: article.meta.lang,
    contentTokens,
  };
}

function profileSentences(tokens: Token[], spans: readonly Span[]): SentenceProfile[] {
  const out: SentenceProfile[] = [];
  let t = 0;
  for (const span of spans) {
    while (t < tokens.length && tokens[t].end <= span.start) t++;
    const tokenStart = t;
    while (t < tokens.length && tokens[t].start < span.end) t++;
    const terms = new Set<string>();
    const facts: string[] = [];
    for (let i = tokenStart; i < t; i++) {
      const tok = tokens[i];
      if (tok.kind === 'char') {
        // Unspaced scripts: character bigrams stand in for words.
        if (i + 1 < t && tokens[i + 1].kind === 'char') terms.add(tok.norm + tokens[i + 1].norm);
        continue;
      }
      if (tok.kind === 'number') {
        terms.add(tok.norm);
        if (tok.norm.replace(/\D/g, '').length >= MIN_FACT_NUMBER_DIGITS) facts.push(tok.norm);
        continue;
      }
      if (isStopword(tok.norm)) continue;
      const key = termKey(tok.norm);
      terms.add(key);
      // A capitalised word not opening the sentence is a name candidate.
      if (tok.capital && i > tokenStart && tok.norm.length > 2) facts.push(key);
    }
    out.push({ start: span.start, end: span.end, tokenStart, tokenEnd: t, terms: [...terms], facts });
  }
  return out;
}

/** Minimum words inside quotation marks for a quote to count. */
const MIN_QUOTE_WORDS = 4;

/** Inner spans of direct quotes ("…", “…”, «…», 「…」). */
export function findQuotes(text: string): Span[] {
  const quotes: Span[] = [];
  for (const [open, close] of QUOTE_PAIRS) {
    let from = 0;
    for (;;) {
      const s = text.indexOf(open, from);
      if (s < 0) break;
      const e = text.indexOf(close, s + 1);
      if (e < 0) break;
      const inner = text.slice(s + 1, e);
      // Quotes do not span paragraphs; an unmatched mark would otherwise swallow text.
      if (!inner.includes('\n') && inner.trim().split(/\s+/).length >= MIN_QUOTE_WORDS) quotes.push({ start: s + 1, end: e });
      from = e + 1;
    }
  }
  return quotes.sort((a, b) => a.start - b.start);
}

/** Stable hash of a term, for compact inverted indexes. */
export function termHash(term: string): number {
  return hashString(term, 0x1b873593);
}

/** Content terms of a standalone sentence, as used for sentence alignment (for calibration and tests). */
export function sentenceTerms(text: string): string[] {
  return profileSentences(tokenize(text), [{ start: 0, end: text.length }])[0]?.terms ?? [];
}
