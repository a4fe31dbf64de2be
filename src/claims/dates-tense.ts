/**
 * Tense around a date: which side of the publication date a bare weekday or month falls on. The verb group that
 * governs the date (wink part-of-speech tags and lemmas: auxiliaries, modals, past forms, verbs that plan ahead) decides; the cue words of
 * `lexicon/dates.ts` only where the clause has no verb group with a tense.
 */
import { tokenIndexAt, tokenizeShared, type WinkToken } from '../nlp/wink.js';

/** "until" or "till" right before a date. */
const UNTIL_BEFORE = /\b(?:until|till)\s+$/i;
import { CLAUSE_AFTER_DATE, FUTURE_AUXILIARIES, INTENTION_VERBS, FUTURE_CUES, PAST_AUXILIARIES, PAST_CUES, PERFECT_AUXILIARIES, PRESENT_AUXILIARIES } from './lexicon/dates.js';
import type { Tense } from './dates-calendar.js';

/** Characters either side of a mention searched for tense cues when no sentence bounds are given. */
export const TENSE_WINDOW_CHARS = 120;

/** Sentence-ish window around a span: from the previous boundary to the next one. */
function clauseAround(text: string, start: number, end: number): { start: number; end: number } {
  const lo = Math.max(0, start - TENSE_WINDOW_CHARS);
  const hi = Math.min(text.length, end + TENSE_WINDOW_CHARS);
  const before = text.slice(lo, start);
  const cut = Math.max(before.lastIndexOf('. '), before.lastIndexOf('\n'), before.lastIndexOf('? '), before.lastIndexOf('! '));
  const after = text.slice(end, hi);
  // A clause that follows the date has its own verb ("move on Friday as the focus shifted").
  const stop = after.search(CLAUSE_AFTER_DATE);
  return { start: cut >= 0 ? lo + cut + 1 : lo, end: stop >= 0 ? end + stop : hi };
}

/** The tense of the verb nearest to a span within its clause; past when nothing marks it (news default). */
export function tenseAround(text: string, start: number, end: number): Tense {
  return markedTense(text, start, end) ?? 'past';
}

/** The tense the clause marks: its verb groups first, else its cue words; undefined when neither says. */
export function markedTense(text: string, start: number, end: number): Tense | undefined {
  // A date in the possessive names an event ("Wednesday's ruling"); the verbs around it are about something else.
  if (/^\s*['’]s\b/.test(text.slice(end, end + 3))) return undefined;
  const clause = clauseAround(text, start, end);
  return verbTense(text, clause, start, end) ?? cueTense(text, clause, start, end);
}

/** One verb group: auxiliaries and particles before a verb, or an auxiliary alone ("was"). */
interface VerbGroup {
  start: number;
  end: number;
  tense: Tense | undefined;
  /** The head verb arranges something ahead ("planned", "scheduled"): a date after it is the planned time. */
  intends: boolean;
}

/** A past form: wink's lemma differs from the word and it is neither a third-person "-s" nor an "-ing" form. */
const isPastForm = (t: Readonly<WinkToken>) => t.normal !== t.lemma && !/(?:s|ing)$/.test(t.normal);

/** The tense of a verb group read from its words (future modal, past auxiliary, perfect, progressive, past form, infinitive). */
function groupTense(group: readonly Readonly<WinkToken>[], before: Readonly<WinkToken> | undefined): Tense | undefined {
  const words = group.map((t) => t.normal);
  const head = group[group.length - 1];
  if (words.some((w) => FUTURE_AUXILIARIES.has(w))) return words.includes('have') ? 'past' : 'future';
  if (before?.normal === 'going' || (words[0] === 'to' && head.pos === 'VERB')) return 'future'; // "to meet Friday", "going to"
  if (PAST_AUXILIARIES.has(words[0])) return 'past';
  if (PERFECT_AUXILIARIES.has(words[0])) return 'past'; // "has said", "have met": done by the time of writing
  if (PRESENT_AUXILIARIES.has(words[0])) return head.pos === 'VERB' && head.normal.endsWith('ing') ? 'future' : undefined; // "is meeting Friday"
  if (group.length === 1 && head.pos === 'VERB') return isPastForm(head) ? 'past' : undefined;
  return undefined;
}

/** Verb groups of the tokens, in order. */
function verbGroups(tokens: readonly Readonly<WinkToken>[]): VerbGroup[] {
  const groups: VerbGroup[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    if (t.pos !== 'AUX' && t.pos !== 'VERB' && !(t.normal === 'to' && tokens[i + 1]?.pos === 'VERB')) {
      i++;
      continue;
    }
    const first = i;
    // Auxiliaries, "not", adverbs and "to" run on to the verb they serve ("has repeatedly said", "would not be held").
    while (i + 1 < tokens.length && tokens[i].pos !== 'VERB' && /^(?:AUX|PART|ADV|VERB)$/.test(tokens[i + 1].pos)) i++;
    const group = tokens.slice(first, i + 1).filter((x) => x.pos === 'AUX' || x.pos === 'VERB' || x.normal === 'to');
    let tense = groupTense(group, tokens[first - 1]);
    const previous = groups[groups.length - 1];
    const intends = INTENTION_VERBS.has(group[group.length - 1]?.lemma ?? '');
    // An infinitive right after a verb takes its tense ("declined to comment Saturday"), unless that verb plans it ("planned to leave Thursday").
    if (group[0]?.normal === 'to' && previous && previous.end === tokens[first - 1]?.end) tense = previous.intends ? 'future' : previous.tense ?? tense;
    if (group.length) groups.push({ start: tokens[first].start, end: tokens[i].end, tense, intends });
    i++;
  }
  return groups;
}

/**
 * The tense of the verb group that governs the date: the nearest one with a tense before it in its clause (an
 * adverbial follows its verb: "voted Friday to …"), else the first one after it ("On Friday, the government planned
 * …"); undefined when none has a tense, or when the date names an event in the possessive ("Wednesday's ruling").
 */
function verbTense(text: string, clause: { start: number; end: number }, start: number, end: number): Tense | undefined {
  // The whole text's tokens: the entities stage has them cached, and wink tags a word better in its full sentence.
  const all = tokenizeShared(text);
  const tokens = all.slice(tokenIndexAt(all, clause.start), tokenIndexAt(all, clause.end));
  let before: Tense | undefined;
  let after: Tense | undefined;
  for (const g of verbGroups(tokens)) {
    if (g.end <= start && g.intends) before = 'future';
    else if (!g.tense) continue;
    else if (g.end <= start) before = g.tense;
    else if (g.start >= end && !after) after = g.tense;
  }
  // "postponed until Tuesday", "extended until …": a limit set after a verb lies ahead of it.
  if (before && UNTIL_BEFORE.test(text.slice(Math.max(clause.start, start - 8), start))) return 'future';
  return before ?? after;
}

/** The tense a cue word in the clause marks, or undefined when no cue is there. */
function cueTense(text: string, clause: { start: number; end: number }, start: number, end: number): Tense | undefined {
  const slice = text.slice(clause.start, clause.end);
  let best: { distance: number; tense: Tense } | undefined;
  for (const [re, tense] of [
    [FUTURE_CUES, 'future'],
    [PAST_CUES, 'past'],
  ] as const) {
    for (const m of slice.matchAll(re)) {
      const s = clause.start + m.index!;
      const e = s + m[0].length;
      if (s < end && start < e) continue; // a cue inside the date itself ("last", "next") is not context
      const distance = e <= start ? start - e : s - end;
      // Future cues win ties: "expected" would also read as a past "-ed" form.
      if (!best || distance < best.distance || (distance === best.distance && tense === 'future')) best = { distance, tense };
    }
  }
  return best?.tense;
}
