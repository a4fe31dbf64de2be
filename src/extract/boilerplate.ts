import {
  AFFILIATE_RE, AUTHOR_BIO_RE, BYLINE_LINE_RE, DATE_NAME_RE, DATELINE_WORDS_RE, INLINE_CREDIT_TAIL_RE, RIGHTS_NOTICE_RE, UI_LABEL_RE,
  AD_RE, APPEAL_PHRASES, AUTHOR_BOX_RE, CLAUSE_WORDS, COMMENTS_RE, COOKIE_RE, COPYRIGHT_RE, CREDIT_TAIL_RE, NEWSLETTER_RE, PHOTO_CREDIT_RE,
  READ_MORE_RE, RELATED_HEADER_RE, REPUBLICATION_CREDIT_RE, SHARE_WORDS, SOURCE_LINK_RE, STRICT_PHOTO_CREDIT_RE, TAGS_RE, TITLE_CASE_SMALL_WORDS, VISIT_COUNTER_RE,
} from './boilerplate-rules.js';
import type { DroppedPiece, SourceParagraph } from './paragraph.js';

/** Longest line (words) read as a credit, counter, header or widget. */
export const MAX_FURNITURE_WORDS = 20;
/** Longest dateline (words), and how many paragraphs from either end one may sit. */
export const MAX_DATELINE_WORDS = 16;
export const DATELINE_EDGE_PARAGRAPHS = 3;
/** Longest caption (words) before a credit line. */
export const MAX_CAPTION_WORDS = 40;
/** Shortest / longest unterminated mid-text line read as a caption (words). */
export const MIN_LOOSE_CAPTION_WORDS = 8;
export const MAX_LOOSE_CAPTION_WORDS = 45;
/** A neighbour counts as prose from this many words. */
export const MIN_PROSE_WORDS = 15;
/** Longest line (words) in a run of headlines. */
export const MAX_HEADLINE_WORDS = 25;
/** A headline run shares at most this share of its content words with the article. */
export const MAX_HEADLINE_OVERLAP_RATIO = 0.35;
/** Longest republication credit line, in words. */
export const MAX_CREDIT_LINE_WORDS = 30;
/** Paragraphs from either end of the text where a republication credit is looked for. */
export const CREDIT_EDGE_PARAGRAPHS = 2;
/** Paragraphs from the end searched for an author bio. */
export const AUTHOR_BIO_TAIL_PARAGRAPHS = 3;
/** Longest author bio (words). */
export const MAX_AUTHOR_BIO_WORDS = 70;
/** Minimum headlines in an unannounced run at the end of the text. */
export const MIN_TAIL_HEADLINES = 2;
/** Link density from which a short HTML paragraph is a link list. */
export const MIN_LINK_LIST_DENSITY = 0.6;
/** Longest link-dense paragraph (words) dropped as a link list. */
export const MAX_LINK_LIST_WORDS = 40;
/** Distinct appeal phrases that make a paragraph an appeal. */
export const MIN_APPEAL_HITS = 2;
/** Share of share-widget words that makes a short line a widget. */
export const MIN_SHARE_WORD_RATIO = 0.7;

/** Longest line (words) read as a field of a teaser card (section, author, date). */
export const MAX_CARD_FIELD_WORDS = 6;
/** Cards in a row that make a teaser rail. */
export const MIN_CARD_REPEATS = 3;
/** Longest teaser card, in paragraphs. */
export const MAX_CARD_PARAGRAPHS = 6;

/** Result of the filter: paragraphs kept (in order) and pieces dropped with reasons. */
export interface BoilerplateResult {
  kept: SourceParagraph[];
  dropped: DroppedPiece[];
}

/** Options for {@link filterBoilerplate}. */
export interface BoilerplateOptions {
  /** Paragraphs came from HTML, so link density and figure membership are known. */
  html?: boolean;
  /** Contextual rules to switch off: `figure-caption`, `link-list`, `caption-before-credit`, `loose-caption`, `appeal-run`, `headline-run`, `teaser-cards`, `kicker-rail`, `tail-headlines`, `author-bio`, `publisher-bio`, `dateline`, `orphan-heading`. */
  skipRules?: readonly string[];
  /** Lower-cased names the publisher goes by (its host's labels), for the `publisher-bio` rule. */
  publisherNames?: readonly string[];
  /** The page is a listing (its entries are links): every paragraph the block model reads as main text is an entry the `link-list` rule leaves. */
  listing?: boolean;
}

/** Shortest publisher description that ends a press release (words): a credit line naming the site is shorter. */
export const MIN_PUBLISHER_BIO_WORDS = 15;

/** The names a page's host gives its publisher: "www.acme.com" gives "acme" (labels of three letters or more, TLD and www left out). */
export function publisherNamesOf(url: string | undefined): string[] {
  if (!url) return [];
  try {
    const labels = new URL(url).hostname.toLowerCase().split('.').slice(0, -1);
    return labels.filter((l) => l.length >= 3 && l !== 'www');
  } catch {
    return [];
  }
}

/** The paragraph opens with one of the names followed by a lower-case word ("Acme is a global provider ..."). */
function opensWithName(text: string, names: readonly string[]): boolean {
  const lower = text.toLowerCase();
  return names.some((name) => lower.startsWith(name) && /^\s+\p{Ll}/u.test(text.slice(name.length)));
}

const DATE_SHAPE_RE = /\b\d{1,2}[:.h]\d{2}\b|\b\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b(?:19|20)\d{2}\b/;
const TERMINAL_RE = /[.!?…。！？]["'”’»)\]]*$/u;

function wordsOf(text: string): string[] {
  return text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [];
}

function isTerminated(text: string): boolean {
  return TERMINAL_RE.test(text);
}

function startsUpper(text: string): boolean {
  const m = /\p{L}|\p{N}/u.exec(text);
  return !!m && /\p{Lu}/u.test(m[0]);
}

function isTitleCased(words: readonly string[]): boolean {
  const content = words.filter((w) => !TITLE_CASE_SMALL_WORDS.has(w.toLowerCase()));
  if (content.length < 2) return false;
  const caps = content.filter((w) => /^[\p{Lu}\p{N}]/u.test(w)).length;
  return caps / content.length >= 0.75;
}

function appealHits(text: string): number {
  let hits = 0;
  for (const re of APPEAL_PHRASES) if (re.test(text)) hits++;
  return hits;
}

function hasClauseWord(words: readonly string[]): boolean {
  return words.some((w) => CLAUSE_WORDS.has(w.toLowerCase()));
}

function isShareWidget(words: readonly string[]): boolean {
  if (!words.length || words.length > 12) return false;
  const lower = words.map((w) => w.toLowerCase());
  const shareLike = lower.filter((w) => SHARE_WORDS.has(w)).length;
  return shareLike / lower.length >= MIN_SHARE_WORD_RATIO && lower.some((w) => /^(share|tweet|facebook|whatsapp|telegram|linkedin|pinterest|reddit|email|print)$/.test(w));
}

/** Classifies one paragraph on its own; `undefined` when it looks like article text. */
function classifyAlone(p: SourceParagraph, words: readonly string[], html: boolean, on: (rule: string) => boolean, listing: boolean): string | undefined {
  const text = p.text;
  const n = words.length;
  if (n === 0) return /^[\s\p{P}\p{S}]*$/u.test(text) ? 'boilerplate:empty' : undefined;
  if (/^https?:\/\/\S+$/.test(text)) return 'boilerplate:url';
  if (n <= 6 && UI_LABEL_RE.test(text)) return 'boilerplate:ui-label';
  if (n <= 10 && BYLINE_LINE_RE.test(text) && !isTerminated(text)) return 'boilerplate:byline';
  if (n <= 60 && (AFFILIATE_RE.test(text) || RIGHTS_NOTICE_RE.test(text))) return 'boilerplate:disclosure';
  if (n <= MAX_FURNITURE_WORDS) {
    if (VISIT_COUNTER_RE.test(text)) return 'boilerplate:visit-counter';
    if (PHOTO_CREDIT_RE.test(text) || (n <= 12 && CREDIT_TAIL_RE.test(text) && !isTerminatedSentence(words))) return 'boilerplate:photo-credit';
    if (RELATED_HEADER_RE.test(text)) return 'boilerplate:related-list';
    if (AUTHOR_BOX_RE.test(text)) return 'boilerplate:author-box';
    if (COMMENTS_RE.test(text)) return 'boilerplate:comments';
    if (SOURCE_LINK_RE.test(text) && (n <= 4 || (p.linkDensity ?? 0) >= MIN_LINK_LIST_DENSITY)) return 'boilerplate:source-link';
    if (AD_RE.test(text)) return 'boilerplate:ad';
    if (isShareWidget(words)) return 'boilerplate:share-widget';
  }
  if (n <= MAX_CAPTION_WORDS && INLINE_CREDIT_TAIL_RE.test(text)) return 'boilerplate:photo-caption';
  if (READ_MORE_RE.test(text) && (n <= 25 || (p.linkDensity ?? 0) > 0.5)) return 'boilerplate:read-more';
  if (n <= 40 && TAGS_RE.test(text)) return 'boilerplate:tags';
  if (n <= 30 && COPYRIGHT_RE.test(text)) return 'boilerplate:copyright';
  if (n <= 60 && NEWSLETTER_RE.test(text)) return 'boilerplate:newsletter';
  if (n <= 80 && COOKIE_RE.test(text)) return 'boilerplate:cookie-notice';
  const hits = appealHits(text);
  if ((hits >= MIN_APPEAL_HITS && /\b(?:you|your|we|our|us)\b/i.test(text)) || (hits >= 1 && n <= 6)) return 'boilerplate:donation-appeal';
  if (html) {
    if (on('figure-caption') && p.inFigure && !p.heading && !p.quote) return 'boilerplate:photo-caption';
    // A listing's entries are linked list items and headings (or any linked line on a page made of them): where the block model reads one as main text, it stays.
    const modelEntry = p.modelMain && (listing || p.listItem || p.heading);
    if (on('link-list') && !modelEntry && (p.linkDensity ?? 0) >= MIN_LINK_LIST_DENSITY && n <= MAX_LINK_LIST_WORDS) return 'boilerplate:link-list';
  }
  return undefined;
}

/** A line made of a date or time plus "published/updated/by" words and at most a short name. */
function isDateline(text: string, words: readonly string[]): boolean {
  if (!DATE_SHAPE_RE.test(text) && !words.some((w) => DATE_NAME_RE.test(w))) return false;
  let dateish = 0;
  let other = 0;
  for (const w of words) {
    if (/^\d/.test(w) || DATE_NAME_RE.test(w)) dateish++;
    else if (!DATELINE_WORDS_RE.test(w)) other++;
  }
  return dateish >= 2 && other <= 3;
}

function isTerminatedSentence(words: readonly string[]): boolean {
  return words.length > 8 && hasClauseWord(words);
}

function isProse(p: SourceParagraph | undefined, words: readonly string[] | undefined): boolean {
  return !!p && !!words && !p.heading && words.length >= MIN_PROSE_WORDS && isTerminated(p.text);
}

function contentWords(words: readonly string[]): string[] {
  return words.map((w) => w.toLowerCase()).filter((w) => w.length > 3);
}

/** Marks a run of repeated teaser cards that follows prose, from its first card (and short header) on. */
function markTeaserCards(paragraphs: readonly SourceParagraph[], words: readonly string[][], reasons: Array<string | undefined>): void {
  const n = paragraphs.length;
  const isField = (i: number) => !reasons[i] && words[i].length > 0 && words[i].length <= MAX_CARD_FIELD_WORDS && !isTerminated(paragraphs[i].text);
  const pairs = new Map<string, number[]>();
  for (let i = 0; i + 1 < n; i++) {
    if (!isField(i) || !isField(i + 1)) continue;
    const key = `${paragraphs[i].text}\u0001${paragraphs[i + 1].text}`;
    const list = pairs.get(key) ?? [];
    list.push(i);
    pairs.set(key, list);
  }
  for (const positions of pairs.values()) {
    if (positions.length < MIN_CARD_REPEATS) continue;
    // The longest run of cards no more than a card apart.
    let best: [number, number] = [0, 0];
    for (let a = 0, b = 0; b < positions.length; b++) {
      if (b > a && positions[b] - positions[b - 1] > MAX_CARD_PARAGRAPHS) a = b;
      if (b - a > best[1] - best[0]) best = [a, b];
    }
    if (best[1] - best[0] + 1 < MIN_CARD_REPEATS) continue;
    const run = positions.slice(best[0], best[1] + 1);
    let period = Infinity;
    for (let k = 1; k < run.length; k++) period = Math.min(period, run[k] - run[k - 1]);
    let start = run[0];
    while (start > 0 && isField(start - 1)) start--;
    // A rail follows an article; cards from the top are the page itself (a listing).
    let prose = false;
    for (let i = 0; i < start && !prose; i++) prose = !reasons[i] && isProse(paragraphs[i], words[i]);
    if (!prose) continue;
    const end = Math.min(n - 1, run[run.length - 1] + period - 1);
    for (let i = start; i <= end; i++) reasons[i] ??= 'boilerplate:teaser-cards';
  }
}

/** Kicker cards that end a text before they are a rail of other stories. */
export const MIN_KICKER_CARDS = 3;
/** Paragraphs under one kicker (headline, blurb, byline). */
export const MAX_KICKER_CARD_PARAGRAPHS = 3;

/** A kicker: a short unterminated line written in capitals ("LIFE AFTER FEDERER"), the label of a teaser card. */
function isKicker(p: SourceParagraph, w: readonly string[]): boolean {
  return w.length > 0 && w.length <= MAX_CARD_FIELD_WORDS && !isTerminated(p.text) && /\p{Lu}/u.test(p.text) && !/\p{Ll}/u.test(p.text);
}

/**
 * Marks a rail of kicker cards at the end of the text (tabloid "more stories"): at least three cards of a capitals
 * kicker and one to three paragraphs (headline, blurb), whose words the text before the rail mostly does not use.
 */
function markKickerRail(paragraphs: readonly SourceParagraph[], words: readonly string[][], reasons: Array<string | undefined>): void {
  let end = paragraphs.length;
  while (end > 0 && reasons[end - 1]) end--;
  let start = end;
  let cards = 0;
  for (let i = end - 1; i >= 0 && start - i <= MAX_KICKER_CARD_PARAGRAPHS + 1; i--) {
    if (!isKicker(paragraphs[i], words[i])) continue;
    if (start - i < 2) break;
    cards++;
    start = i;
  }
  if (cards < MIN_KICKER_CARDS || start === 0) return;
  // A rail follows an article: cards holding most of the text are the page itself (a promotion, a listing).
  let beforeChars = 0;
  let railChars = 0;
  for (let i = 0; i < end; i++) if (!reasons[i]) i < start ? (beforeChars += paragraphs[i].text.length) : (railChars += paragraphs[i].text.length);
  if (railChars >= beforeChars) return;
  const before = new Set<string>();
  for (let i = 0; i < start; i++) if (!reasons[i]) for (const w of contentWords(words[i])) before.add(w);
  let cw = 0;
  let shared = 0;
  for (let i = start; i < end; i++) {
    if (reasons[i] || isKicker(paragraphs[i], words[i])) continue;
    for (const w of contentWords(words[i])) [cw, shared] = [cw + 1, shared + (before.has(w) ? 1 : 0)];
  }
  if (cw === 0 || shared / cw > MAX_HEADLINE_OVERLAP_RATIO) return;
  for (let i = start; i < end; i++) reasons[i] ??= 'boilerplate:teaser-cards';
}

/**
 * Drops page furniture from a list of paragraphs (captions, credits, appeals, related lists,
 * counters, share widgets, comment and author boxes) using structure, position and lexicons.
 * Works on HTML-derived paragraphs and on plain text alike.
 */
export function filterBoilerplate(paragraphs: readonly SourceParagraph[], options: BoilerplateOptions = {}): BoilerplateResult {
  const html = !!options.html;
  const skip = new Set(options.skipRules ?? []);
  const on = (rule: string) => !skip.has(rule);
  const words = paragraphs.map((p) => wordsOf(p.text));
  const reasons: Array<string | undefined> = paragraphs.map((p, i) => classifyAlone(p, words[i], html, on, !!options.listing));
  const n = paragraphs.length;

  // Date/"updated" lines sit at the top or bottom of an article; in the middle they are content (schedules, lists).
  for (let i = 0; i < n && on('dateline'); i++) {
    if (reasons[i] || paragraphs[i].listItem || words[i].length > MAX_DATELINE_WORDS || paragraphs[i].text.includes('@')) continue;
    if (i >= DATELINE_EDGE_PARAGRAPHS && i < n - DATELINE_EDGE_PARAGRAPHS) continue;
    if (isDateline(paragraphs[i].text, words[i])) reasons[i] = 'boilerplate:dateline';
  }

  // A short line right before a credit is that photo's caption.
  for (let i = 0; i + 1 < n && on('caption-before-credit'); i++) {
    if (reasons[i] || reasons[i + 1] !== 'boilerplate:photo-credit' || !STRICT_PHOTO_CREDIT_RE.test(paragraphs[i + 1].text)) continue;
    // Captions name what is shown; a line with a finite verb like "said" or "is" is more likely prose.
    if (!paragraphs[i].heading && words[i].length <= MAX_CAPTION_WORDS && !hasClauseWord(words[i])) reasons[i] = 'boilerplate:photo-caption';
  }

  // An unterminated, sentence-case line between two prose paragraphs is a caption left by a removed image.
  for (let i = 1; i + 1 < n && on('loose-caption'); i++) {
    const p = paragraphs[i];
    const w = words[i];
    if (reasons[i] || p.heading || p.listItem || p.quote) continue;
    if (w.length < MIN_LOOSE_CAPTION_WORDS || w.length > MAX_LOOSE_CAPTION_WORDS) continue;
    if (isTerminated(p.text) || /[:;,\-–—]$/.test(p.text) || isTitleCased(w)) continue;
    if (!isProse(paragraphs[i - 1], words[i - 1]) || !isProse(paragraphs[i + 1], words[i + 1])) continue;
    if (!startsUpper(paragraphs[i + 1].text)) continue;
    reasons[i] = 'boilerplate:photo-caption';
  }

  // Appeals run over several paragraphs: neighbours with any appeal phrase join the run.
  for (let changed = on('appeal-run'); changed; ) {
    changed = false;
    for (let i = 0; i < n; i++) {
      if (reasons[i] !== 'boilerplate:donation-appeal') continue;
      for (const j of [i - 1, i + 1]) {
        if (j < 0 || j >= n || reasons[j]) continue;
        if (appealHits(paragraphs[j].text) >= 1) {
          reasons[j] = 'boilerplate:donation-appeal';
          changed = true;
        }
      }
    }
  }

  // Article vocabulary, to tell a run of unrelated headlines from the article's own short lines.
  const vocabulary = new Set<string>();
  for (let i = 0; i < n; i++) if (!reasons[i] && isProse(paragraphs[i], words[i])) for (const w of contentWords(words[i])) vocabulary.add(w);
  const isHeadline = (i: number) => {
    const w = words[i];
    if (reasons[i] || w.length === 0 || w.length > MAX_HEADLINE_WORDS || isTerminated(paragraphs[i].text) && !/[?!]$/.test(paragraphs[i].text) && (paragraphs[i].linkDensity ?? 0) < 0.5) return false;
    const cw = contentWords(w);
    if (!cw.length) return false;
    const shared = cw.filter((x) => vocabulary.has(x)).length;
    return shared / cw.length <= MAX_HEADLINE_OVERLAP_RATIO || (paragraphs[i].linkDensity ?? 0) >= MIN_LINK_LIST_DENSITY;
  };

  // Under an announced list, headlines may share the article's words (they are *related* stories): shape alone decides.
  const isListedHeadline = (i: number) => {
    const w = words[i];
    if (reasons[i] || w.length === 0 || w.length > MAX_HEADLINE_WORDS || paragraphs[i].quote) return false;
    return !isTerminated(paragraphs[i].text) || /[?!]$/.test(paragraphs[i].text) || (paragraphs[i].linkDensity ?? 0) >= MIN_LINK_LIST_DENSITY;
  };

  // Teaser cards of other stories after the article: a pair of short field lines (section + author, author + date)
  // repeated card after card; an interview's speaker lines never come in adjacent pairs.
  if (on('teaser-cards')) markTeaserCards(paragraphs, words, reasons);
  if (on('kicker-rail')) markKickerRail(paragraphs, words, reasons);

  // After a "related"/"read more"/"comments" header, the run of headlines under it goes too.
  for (let i = 0; i < n && on('headline-run'); i++) {
    const r = reasons[i];
    if (r !== 'boilerplate:related-list' && r !== 'boilerplate:read-more' && r !== 'boilerplate:comments') continue;
    if (words[i].length > 6) continue;
    const listed = r === 'boilerplate:comments' ? isHeadline : isListedHeadline;
    for (let j = i + 1; j < n && listed(j); j++) reasons[j] = 'boilerplate:headline-list';
  }

  // A republication credit ("Originally published by X. Republished with permission.") at either edge of the text.
  for (let i = 0; i < n && on('edge-credit'); i++) {
    if (reasons[i] || words[i].length > MAX_CREDIT_LINE_WORDS) continue;
    if (i >= CREDIT_EDGE_PARAGRAPHS && i < n - CREDIT_EDGE_PARAGRAPHS) continue;
    if (REPUBLICATION_CREDIT_RE.test(paragraphs[i].text)) reasons[i] = 'boilerplate:source-link';
  }

  // An unannounced run of unrelated headlines at the very end of the text.
  let tail = n;
  while (tail > 0 && reasons[tail - 1]) tail--;
  let runStart = tail;
  while (runStart > 0 && isHeadline(runStart - 1)) runStart--;
  if (on('tail-headlines') && tail - runStart >= MIN_TAIL_HEADLINES && runStart > 0) for (let j = runStart; j < tail; j++) reasons[j] = 'boilerplate:headline-list';

  // A short bio of the author among the last paragraphs, with the bare name line above it.
  for (let i = Math.max(0, n - AUTHOR_BIO_TAIL_PARAGRAPHS); i < n && on('author-bio'); i++) {
    if (reasons[i] || words[i].length > MAX_AUTHOR_BIO_WORDS || !AUTHOR_BIO_RE.test(paragraphs[i].text)) continue;
    reasons[i] = 'boilerplate:author-box';
    const above = i - 1;
    if (above >= 0 && !reasons[above] && words[above].length <= 4 && !isTerminated(paragraphs[above].text) && paragraphs[i].text.startsWith(words[above][0] ?? '\u0000')) {
      reasons[above] = 'boilerplate:author-box';
    }
  }

  // A press release ends with the publisher's description of itself: the trailing paragraphs that open with its name.
  const names = options.publisherNames ?? [];
  if (on('publisher-bio') && names.length) {
    let end = n;
    while (end > 0 && reasons[end - 1]) end--;
    let start = end;
    while (start > 1 && !reasons[start - 1] && opensWithName(paragraphs[start - 1].text, names)) start--;
    if (start < end && words[start].length >= MIN_PUBLISHER_BIO_WORDS) for (let j = start; j < end; j++) reasons[j] = 'boilerplate:author-box';
  }

  // A heading followed only by dropped pieces headed nothing of the article.
  for (let i = n - 1; i >= 0 && on('orphan-heading'); i--) {
    if (reasons[i]) continue;
    if (!paragraphs[i].heading) break;
    reasons[i] = 'boilerplate:orphan-heading';
  }

  const kept: SourceParagraph[] = [];
  const dropped: DroppedPiece[] = [];
  for (let i = 0; i < n; i++) {
    const p = paragraphs[i];
    const reason = reasons[i];
    if (reason) dropped.push({ text: p.text, reason, start: p.start, end: p.end });
    else kept.push(p);
  }
  return { kept, dropped };
}
