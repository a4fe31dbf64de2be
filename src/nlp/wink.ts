/**
 * Shared wink-nlp loader: one English lite model per process, loaded lazily on first use,
 * plus offset-carrying token helpers so callers never re-derive character positions.
 * Tokens are history-free: what wink adds to its lexicon while reading one text is dropped afterwards.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { LruCache } from '../core/lru.js';

/** The wink-nlp instance type returned by `getNlp()`. */
export type WinkNlp = ReturnType<typeof winkNLP>;

/** One token (never whitespace) with its UTF-16 offsets into the input text. */
export interface WinkToken {
  start: number;
  end: number;
  /** Surface text as written. */
  value: string;
  /** Universal POS tag from the wink model (PROPN, NOUN, VERB, NUM, PUNCT, …). */
  pos: string;
  /** Lemma from the wink model (lowercased for common words). */
  lemma: string;
  /** Lowercased normal form. */
  normal: string;
  /** wink token type: word, number, punctuation, email, url, emoji, … */
  type: string;
}

let instance: WinkNlp | undefined;

/**
 * The wink pipeline step we read: part of speech (lemmas follow from it). Its sentence step went unused (sentences are
 * ours) and took a third of its time; without it tokens, tags and lemmas are the same on the 1,683 FNC-1 bodies.
 * wink's NER, sentiment and negation go unused as well.
 */
const WINK_PIPE = ['pos'];

/**
 * Lexemes wink may hold beyond its own before the instance is loaded afresh: a lemma is packed in 20 bits
 * (1,048,576 lexemes, 87,593 of them the model's), and a text appends its unknown words with punctuation anew (see `readTokens`).
 */
const MAX_ADDED_LEXEMES = 300_000;

/** Share of a packed feature's range (prefix, suffix, shape) its values may fill before the instance is loaded afresh (past it, wink's packing overflows). */
const MAX_FEATURE_FILL = 0.9;

/** A word of letters only: whether wink knows it changes no split (splits are tried at periods, hyphens and apostrophes). */
const LETTERS_ONLY = /^\p{L}+$/u;

/** One of wink's hashed features (lexeme, prefix, suffix, shape): values by index and index by value. */
interface WinkFeature {
  hash: Record<string, number>;
  list: string[];
  index: number;
  intrinsicSize?: number;
  maxIndex?: number;
}

/** The unpacked core model of the current instance (wink keeps it private; the wrapped `core` loader below catches it). */
let core: { features: Record<string, WinkFeature> } | undefined;

/** wink's English model with its loaders wrapped: the core model is caught, and the pattern model is read once. */
const wrappedModel = (() => {
  // The model's `metaCER` re-serialises its own cached string on every call, so the second instance of a process gets a mangled (and the twentieth an oversized) one.
  let cerMeta: unknown;
  const loaders = model as unknown as { core: () => typeof core; metaCER: () => unknown };
  return {
    ...model,
    core: () => (core = loaders.core()),
    metaCER: () => (cerMeta ??= loaders.metaCER()),
  } as unknown as typeof model;
})();

/** Returns the process-wide wink-nlp instance, loading the model on first call (~150 ms). */
export function getNlp(): WinkNlp {
  instance ??= winkNLP(wrappedModel, WINK_PIPE);
  return instance;
}

/**
 * Tokenises `text` with wink and returns tokens with character offsets checked against the text.
 * @example tokenize('Lt. Gen. Budanov said.')[2] // { start: 9, end: 16, value: 'Budanov', pos: 'PROPN', … }
 */
export function tokenize(text: string): WinkToken[] {
  // Several stages tokenise the same sentences; a small cache saves repeating wink's work (copies keep callers apart).
  // A literal of the fields, in their order, copies far faster than an object spread.
  return tokenizeShared(text).map((t) => ({ start: t.start, end: t.end, value: t.value, pos: t.pos, lemma: t.lemma, normal: t.normal, type: t.type }));
}

/**
 * Like `tokenize`, but returns the cached tokens themselves: callers must not change them (the entity
 * tagger copies what it keeps), which saves a copy of every token of the article.
 */
export function tokenizeShared(text: string): readonly Readonly<WinkToken>[] {
  return tokenCache.get(text, tokenizeUncached);
}

/** Forgets cached tokens (benchmarks use it so that repeated texts are not measured warm). */
export function clearTokenCache(): void {
  tokenCache.clear();
}

/** Texts whose tokens are kept, least recently used dropped first. */
const TOKEN_CACHE_ENTRIES = 2048;
const tokenCache = new LruCache<string, WinkToken[]>(TOKEN_CACHE_ENTRIES);

/** Whitespace only (the characters `trim` removes), tested without building a trimmed copy per token. */
const BLANK = /^\s*$/;

/** wink's columns for one text: surface, preceding whitespace, part of speech, lemma, normal form, token type. */
interface Columns {
  values: string[];
  spaces: string[];
  pos: string[];
  lemma: string[];
  normal: string[];
  type: string[];
}

/**
 * Reads one text with wink, then forgets the words with other characters than letters that the text added to wink's
 * lexicon. wink keeps every unknown word it meets and afterwards keeps a known word whole, so without this a text's
 * tokens would depend on the texts read before it ("Baghdadi’s," in one article made a later "Baghdadi’s body" one
 * token instead of two). Words of letters only stay: they split nowhere, and wink reads each one's features once.
 */
function readTokens(text: string): Columns {
  const nlp = getNlp();
  const features = core!.features;
  const lexeme = features.lexeme;
  const mark = lexeme.list.length;
  const its = nlp.its;
  const tokens = nlp.readDoc(text).tokens();
  // The typings give several `its` helpers signatures that `out` rejects; they all work at run time.
  const read = (fn: unknown) => tokens.out(fn as typeof its.value) as string[];
  const columns = { values: read(its.value), spaces: read(its.precedingSpaces), pos: read(its.pos), lemma: read(its.lemma), normal: read(its.normal), type: read(its.type) };
  // The list keeps its length: wink's private per-lexeme table is indexed alike.
  for (let i = mark; i < lexeme.list.length; i++) if (!LETTERS_ONLY.test(lexeme.list[i])) delete lexeme.hash[lexeme.list[i]];
  const full = Object.values(features).some((f) => f.maxIndex !== undefined && f.list.length > f.maxIndex * MAX_FEATURE_FILL);
  if (full || lexeme.list.length - (lexeme.intrinsicSize ?? 0) > MAX_ADDED_LEXEMES) instance = undefined;
  return columns;
}

function tokenizeUncached(text: string): WinkToken[] {
  const { values, spaces, pos, lemma, normal, type } = readTokens(text);
  const out: WinkToken[] = [];
  let offset = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    let start = offset + spaces[i].length;
    // wink may normalise some whitespace or characters; fall back to searching for the value.
    if (!text.startsWith(value, start)) {
      const found = text.indexOf(value, offset);
      if (found >= 0) start = found;
    }
    const end = start + value.length;
    offset = end;
    // wink emits line breaks as tokens; callers want words and punctuation only (the regex only for what could be blank).
    const first = value.charCodeAt(0);
    if (!(first > 32 && first < 0xa0) && BLANK.test(value)) continue;
    out.push({ start, end, value, pos: pos[i], lemma: lemma[i], normal: normal[i], type: type[i] });
  }
  return out;
}

/** Index of the first token starting at or after `offset` (binary search; tokens are sorted). */
export function tokenIndexAt(tokens: readonly Readonly<WinkToken>[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
