/**
 * Shared wink-nlp loader: one English lite model per process, loaded lazily on first use,
 * plus offset-carrying token helpers so callers never re-derive character positions.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

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

/** The wink pipeline steps we read: sentences and part of speech (lemmas follow from them). wink's own NER, sentiment and negation go unused and cost a third of its time. */
const WINK_PIPE = ['sbd', 'pos'];

/** Returns the process-wide wink-nlp instance, loading the model on first call (~150 ms). */
export function getNlp(): WinkNlp {
  instance ??= winkNLP(model, WINK_PIPE);
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
  let cached = tokenCache.get(text);
  if (cached) {
    tokenCache.delete(text);
  } else {
    cached = tokenizeUncached(text);
    if (tokenCache.size >= TOKEN_CACHE_ENTRIES) tokenCache.delete(tokenCache.keys().next().value as string);
  }
  tokenCache.set(text, cached);
  return cached;
}

/** Forgets cached tokens (benchmarks use it so that repeated texts are not measured warm). */
export function clearTokenCache(): void {
  tokenCache.clear();
}

/** Texts whose tokens are kept, least recently used dropped first. */
const TOKEN_CACHE_ENTRIES = 2048;
const tokenCache = new Map<string, WinkToken[]>();

/** Whitespace only (the characters `trim` removes), tested without building a trimmed copy per token. */
const BLANK = /^\s*$/;

function tokenizeUncached(text: string): WinkToken[] {
  const nlp = getNlp();
  const its = nlp.its;
  const tokens = nlp.readDoc(text).tokens();
  // The typings give several `its` helpers signatures that `out` rejects; they all work at run time.
  const read = (fn: unknown) => tokens.out(fn as typeof its.value) as string[];
  const values = read(its.value);
  const spaces = read(its.precedingSpaces);
  const pos = read(its.pos);
  const lemma = read(its.lemma);
  const normal = read(its.normal);
  const type = read(its.type);
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
    // wink emits line breaks as tokens; callers want words and punctuation only.
    if (BLANK.test(value)) continue;
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
