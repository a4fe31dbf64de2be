/**
 * Features of the attribution tagger: per wink token, its word, lemma, part of speech and shape, a window of
 * neighbours, the cue lexicon, what the rules read there (cue, speaker, content), the quote state and where the
 * sentence sits in its paragraph. Shared by the decoder (`tagger.ts`) and `scripts/train-attribution.ts`, so
 * both read exactly the same strings.
 */
import type { Span } from '../../core/span.js';
import type { WinkToken } from '../../nlp/wink.js';
import { FORM_TO_LEMMA } from '../attribution-draft.js';

/** What the rules made of a token: part of a cue, a speaker, a reported content, or nothing. */
export type RuleRole = 'C' | 'S' | 'T' | 'O';

/** One sentence's tokens with the document-level facts the features read. */
export interface SentenceInput {
  tokens: readonly WinkToken[];
  /** Rule role per token (same length as `tokens`). */
  rules: readonly RuleRole[];
  /** Per token: inside a quotation (marks excluded). */
  inQuote: readonly boolean[];
  /** Sentences before this one in its paragraph (0 opens the paragraph). */
  paragraphPosition: number;
}

/** Word shape: capitals, lower case, digits and other characters collapsed to runs ("McCain" → "XxXx", "2016" → "d"). */
export function shapeOf(value: string): string {
  let out = '';
  for (const ch of value.slice(0, 8)) {
    const c = /\p{Lu}/u.test(ch) ? 'X' : /\p{Ll}/u.test(ch) ? 'x' : /\p{N}/u.test(ch) ? 'd' : ch;
    if (!out.endsWith(c)) out += c;
  }
  return out;
}

/** Distance buckets to the nearest lexicon cue (1, 2, 3, 4–6, 7+ tokens, none in the sentence). */
function bucket(d: number): string {
  return d < 0 ? 'n' : d <= 3 ? BUCKETS[d] : d <= 6 ? '4' : '7';
}
const BUCKETS = ['0', '1', '2', '3'];

/** How far right the next verb may be for a token to be read as its subject ("Trump on Saturday criticized"). */
const MAX_VERB_DISTANCE = 6;

/** What the neighbour words and parts of speech read past either end of the sentence. */
export const BEFORE = '<s>';
export const AFTER = '</s>';

/** The features of a token that depend on it alone (cached per word by the decoder). */
export function wordFeatures(t: WinkToken): string[] {
  const cue = FORM_TO_LEMMA.get(t.normal);
  return [
    'b',
    `w=${t.normal}`,
    `l=${t.lemma}|${t.pos}`,
    `s=${shapeOf(t.value)}`,
    `x=${t.normal.slice(-3)}`,
    cue ? `k=${cue}|${t.pos}` : 'k=',
  ];
}

/** Per token, the distance to the nearest lexicon cue form and to the nearest cue the rules read, left and right (-1: none). */
export interface Distances {
  lexLeft: Int32Array;
  lexRight: Int32Array;
  ruleLeft: Int32Array;
  ruleRight: Int32Array;
  verbRight: Int32Array;
}

/** Positions of the neighbour words read, relative to the token. */
export const NEIGHBOURS = [-1, 1, -2, 2] as const;

/** What the context features of one token are made from, as the strings they print. */
export interface TokenArgs {
  /** Neighbour words at `NEIGHBOURS`. */
  near: [string, string, string, string];
  word: string;
  /** Parts of speech from two before to two after. */
  pos: [string, string, string, string, string];
  /** Rule roles before, at and after. */
  rule: [string, string, string];
  quote: string;
  lexRight: string;
  lexLeft: string;
  ruleRight: string;
  ruleLeft: string;
  position: string;
  paragraph: string;
  end: string;
  verb: string;
}

/** The strings token `i`'s context features are made from. */
export function tokenArgs(s: SentenceInput, i: number, d: Distances): TokenArgs {
  const a: TokenArgs = { near: ['', '', '', ''], word: '', pos: ['', '', '', '', ''], rule: ['', '', ''], quote: '', lexRight: '', lexLeft: '', ruleRight: '', ruleLeft: '', position: '', paragraph: '', end: '', verb: '' };
  fillTokenArgs(a, s, i, d);
  return a;
}

/** Writes token `i`'s strings into `a` (the decoder reuses one object for every token: no garbage per token). */
export function fillTokenArgs(a: TokenArgs, s: SentenceInput, i: number, d: Distances): void {
  const { tokens, inQuote, rules } = s;
  const n = tokens.length;
  const v = d.verbRight[i];
  a.near[0] = wordAt(tokens, i - 1);
  a.near[1] = wordAt(tokens, i + 1);
  a.near[2] = wordAt(tokens, i - 2);
  a.near[3] = wordAt(tokens, i + 2);
  a.word = tokens[i].normal;
  a.pos[0] = posAt(tokens, i - 2);
  a.pos[1] = posAt(tokens, i - 1);
  a.pos[2] = tokens[i].pos;
  a.pos[3] = posAt(tokens, i + 1);
  a.pos[4] = posAt(tokens, i + 2);
  a.rule[0] = ruleAt(rules, i - 1);
  a.rule[1] = rules[i];
  a.rule[2] = ruleAt(rules, i + 1);
  a.quote = inQuote[i] ? 'q' : '-';
  a.lexRight = bucket(d.lexRight[i]);
  a.lexLeft = bucket(d.lexLeft[i]);
  a.ruleRight = bucket(d.ruleRight[i]);
  a.ruleLeft = bucket(d.ruleLeft[i]);
  a.position = i < 3 ? POSITIONS[i] : i < 6 ? '3' : 'm';
  a.paragraph = POSITIONS[Math.min(2, s.paragraphPosition)];
  a.end = n - i <= 3 ? POSITIONS[n - i] : 'm';
  a.verb = v >= 0 && v <= MAX_VERB_DISTANCE ? tokens[i + v].lemma : '-';
}

const POSITIONS = ['0', '1', '2', '3'];

// Module-level rather than closures in the hot path (one call per token and neighbour).
function wordAt(tokens: readonly WinkToken[], k: number): string {
  return k < 0 ? BEFORE : k >= tokens.length ? AFTER : tokens[k].normal;
}
function posAt(tokens: readonly WinkToken[], k: number): string {
  return k < 0 ? BEFORE : k >= tokens.length ? AFTER : tokens[k].pos;
}
function ruleAt(rules: readonly RuleRole[], k: number): string {
  return k < 0 || k >= rules.length ? '_' : rules[k];
}

// The context features come in groups, so that the decoder can cache each group's summed weights by what it is made from.
export function neighbourFeature(k: number, word: string): string {
  return `w${k < 0 ? k : `+${k}`}=${word}`;
}
export function pairBefore(before: string, word: string): string {
  return `w-1|w=${before}|${word}`;
}
export function pairAfter(word: string, after: string): string {
  return `w|w+1=${word}|${after}`;
}
export function posGroup([p2, p1, p0, n1, n2]: readonly string[]): string[] {
  return [`p-1|p=${p1}|${p0}`, `p|p+1=${p0}|${n1}`, `p-2|p-1|p=${p2}|${p1}|${p0}`, `p-1|p|p+1=${p1}|${p0}|${n1}`, `p|p+1|p+2=${p0}|${n1}|${n2}`];
}
export function ruleGroup([rPrev, r, rNext]: readonly string[], pos: string, ruleRight: string, ruleLeft: string): string[] {
  return [`r=${r}|${pos}`, `r3=${rPrev}|${r}|${rNext}`, `rcr=${ruleRight}|${r}|${pos}`, `rcl=${ruleLeft}|${r}|${pos}`];
}
export function placeGroup(a: Pick<TokenArgs, 'quote' | 'lexRight' | 'lexLeft' | 'position' | 'paragraph' | 'end'>, pos: string): string[] {
  const q = a.quote;
  return [`q=${q}|${pos}`, `kr=${a.lexRight}|${pos}`, `kl=${a.lexLeft}|${pos}`, `krl=${a.lexRight}|${a.lexLeft}|${q}`, `pos=${a.position}|${a.paragraph}|${q}`, `end=${a.end}|${pos}`];
}
export function verbFeature(verb: string, pos: string): string {
  return `nv=${verb}|${pos}`;
}

/** The context features of token `i` (neighbours, lexicon distance, rule roles, quotes, positions). */
export function contextFeatures(s: SentenceInput, i: number, d: Distances): string[] {
  const a = tokenArgs(s, i, d);
  const pos = a.pos[2];
  return [
    ...NEIGHBOURS.map((k, n) => neighbourFeature(k, a.near[n])),
    pairBefore(a.near[0], a.word),
    pairAfter(a.word, a.near[1]),
    ...posGroup(a.pos),
    ...ruleGroup(a.rule, pos, a.ruleRight, a.ruleLeft),
    ...placeGroup(a, pos),
    verbFeature(a.verb, pos),
  ];
}

/** Distance from each token to the nearest token matching `hit` on its left and right in the sentence (-1: none). */
function nearest(n: number, hit: (k: number) => boolean): { left: Int32Array; right: Int32Array } {
  const left = new Int32Array(n).fill(-1);
  const right = new Int32Array(n).fill(-1);
  let last = -1;
  for (let i = 0; i < n; i++) {
    if (last >= 0) left[i] = i - last;
    if (hit(i)) last = i;
  }
  last = -1;
  for (let i = n - 1; i >= 0; i--) {
    if (last >= 0) right[i] = last - i;
    if (hit(i)) last = i;
  }
  return { left, right };
}

/** The distances the context features read, for one sentence. */
export function distances(s: SentenceInput): Distances {
  const lex = nearest(s.tokens.length, (k) => FORM_TO_LEMMA.has(s.tokens[k].normal));
  const rule = nearest(s.tokens.length, (k) => s.rules[k] === 'C' && s.rules[k - 1] !== 'C');
  const verb = nearest(s.tokens.length, (k) => s.tokens[k].pos === 'VERB');
  return { lexLeft: lex.left, lexRight: lex.right, ruleLeft: rule.left, ruleRight: rule.right, verbRight: verb.right };
}

/** All static features of a sentence's tokens (word and context), in decoding order. */
export function sentenceFeatures(s: SentenceInput): string[][] {
  const d = distances(s);
  return s.tokens.map((t, i) => [...wordFeatures(t), ...contextFeatures(s, i, d)]);
}

/** Features of the labels given to the previous two tokens. */
export function historyFeatures(prev: string, prev2: string, pos: string): string[] {
  return [`L-1=${prev}`, `L-2=${prev2}|${prev}`, `L-1|p=${prev}|${pos}`];
}

/** Splits a text's tokens into sentences and marks quotes and paragraph positions (rule roles filled by the caller). */
export function sentenceInputs(text: string, tokens: readonly WinkToken[], sentences: readonly Span[], quotes: readonly Span[], rules: readonly RuleRole[]): SentenceInput[] {
  const out: SentenceInput[] = [];
  let t = 0;
  let q = 0;
  let paragraphPosition = 0;
  let previousEnd = 0;
  for (const sentence of sentences) {
    paragraphPosition = out.length === 0 || text.slice(previousEnd, sentence.start).includes('\n') ? 0 : paragraphPosition + 1;
    previousEnd = sentence.end;
    while (t < tokens.length && tokens[t].start < sentence.start) t++;
    const from = t;
    while (t < tokens.length && tokens[t].start < sentence.end) t++;
    if (t === from) continue;
    const inQuote: boolean[] = [];
    for (let k = from; k < t; k++) {
      while (q < quotes.length && quotes[q].end <= tokens[k].start) q++;
      inQuote.push(q < quotes.length && quotes[q].start < tokens[k].start && tokens[k].end < quotes[q].end);
    }
    out.push({ tokens: tokens.slice(from, t), rules: rules.slice(from, t), inQuote, paragraphPosition });
  }
  return out;
}
