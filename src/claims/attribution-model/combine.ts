/**
 * The tagger proposes, the rules attach: the trained tagger marks source and cue spans; a cue the rules did
 * not read becomes a report whose speaker is the tagger's nearest source in the sentence (else the rules' walk
 * left of the cue, else the subject of the verb before it) and whose content the rules' content readers give; a rule
 * report without a speaker takes the tagger's source; rule reports the tagger does not confirm are kept. (Cross-validation on PolNeAR train
 * found no gain in gating the tagger's spans by its margin, and under 0.3 points in dropping unconfirmed rule reports.)
 */
import type { Span } from '../../core/span.js';
import type { Draft, Ctx } from '../attribution-draft.js';
import { FORM_TO_LEMMA } from '../attribution-draft.js';
import { contentAfter, contentBefore, markDirect } from '../attribution-content.js';
import { readClauseSubject, readLeftSpeaker } from '../attribution-speaker.js';
import { EVENT_VERB_FORMS } from '../claims-lexicon.js';
import { BASE_FORM_BLOCKERS, BE_FORMS, EVIDENCE_CUES, EVIDENCE_HEADS, NAMING_CUES, SOURCE_AFTER_CUES } from '../lexicon/attribution.js';
import type { Prepared } from '../attributions.js';
import { sentenceInputs, type RuleRole, type SentenceInput } from './features.js';
import { attributionWeights, decodeSentence, spansOf, type TaggedSpan } from './tagger.js';

/** Rule role of every token: cue over speaker over content. */
export function ruleRoles(p: Prepared, drafts: readonly Draft[]): RuleRole[] {
  const roles: RuleRole[] = p.tokens.map(() => 'O');
  const mark = (span: Span | undefined, role: RuleRole) => {
    if (!span) return;
    for (let k = lowerBound(p.tokens, span.start); k < p.tokens.length && p.tokens[k].start < span.end; k++) roles[k] = role;
  };
  for (const d of drafts) mark(d.content, 'T');
  for (const d of drafts) mark(d.speaker, 'S');
  for (const d of drafts) mark(d.cue, 'C');
  return roles;
}

function lowerBound(tokens: readonly { end: number }[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The tagger's input for an article: sentences of re-tagged tokens with the rules' roles. */
export function taggerInputs(p: Prepared, drafts: readonly Draft[]): SentenceInput[] {
  return sentenceInputs(p.text, p.tokens, p.sentences, p.quotes, ruleRoles(p, drafts));
}

/** Verb forms the claims stage reads as events ("attacked", "shelled"). */
const EVENT_VERBS: ReadonlySet<string> = new Set(EVENT_VERB_FORMS);

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/** Combines the rules' drafts with the tagger's spans (see the file header). */
export function combineWithTagger(p: Prepared, drafts: Draft[]): Draft[] {
  const weights = attributionWeights();
  const out: Draft[] = [];
  const inputs = taggerInputs(p, drafts);
  let d = 0;
  const sorted = [...drafts].sort((a, b) => a.cue.start - b.cue.start);
  for (const s of inputs) {
    const spans = spansOf(s.tokens, decodeSentence(weights, s));
    const sentence: Span = { start: s.tokens[0].start, end: s.tokens[s.tokens.length - 1].end };
    const here: Draft[] = [];
    while (d < sorted.length && sorted[d].cue.start < sentence.end) here.push(sorted[d++]);
    const cues = spans.filter((x) => x.kind === 'CUE');
    const sources = spans.filter((x) => x.kind === 'SRC').map((x) => wholeName(s, x));
    for (const draft of here) {
      if (!draft.speaker && cues.some((c) => overlaps(c, draft.cue))) {
        const source = nearestSource(sources, draft.cue);
        if (source) draft.speaker = { start: source.start, end: source.end };
      }
      out.push(draft);
    }
    for (const cue of cues) {
      if (here.some((x) => overlaps(x.cue, cue))) continue;
      const draft = draftFromTagger(p, s, sentence, cue, sources);
      if (draft) out.push(draft);
    }
  }
  // Drafts outside every sentence (none in practice) are kept as the rules read them.
  return d < sorted.length ? [...out, ...sorted.slice(d)] : out;
}

/**
 * A tagger source widened to the whole run of proper nouns it cuts ("Bernie" → "Sen. Bernie Sanders"): the tagger
 * labels token by token and often misses the first or last word of a name, which the speaker must keep whole.
 */
function wholeName(s: SentenceInput, span: TaggedSpan): TaggedSpan {
  const { tokens } = s;
  let from = span.from;
  let to = span.to;
  if (tokens[from].pos === 'PROPN') while (from > 0 && tokens[from - 1].pos === 'PROPN') from--;
  if (tokens[to - 1].pos === 'PROPN') while (to < tokens.length && tokens[to].pos === 'PROPN') to++;
  return from === span.from && to === span.to ? span : { ...span, from, to, start: tokens[from].start, end: tokens[to - 1].end };
}

/** The tagger's source closest to a cue in the sentence, by characters between them. */
function nearestSource(sources: readonly TaggedSpan[], cue: Span): TaggedSpan | undefined {
  let best: TaggedSpan | undefined;
  let bestGap = Infinity;
  for (const s of sources) {
    if (overlaps(s, cue)) continue;
    const gap = s.end <= cue.start ? cue.start - s.end : s.start - cue.end;
    if (gap < bestGap) {
      best = s;
      bestGap = gap;
    }
  }
  return best;
}

/** A report from a tagger cue: its speaker, lemma and content. */
function draftFromTagger(p: Prepared, s: SentenceInput, sentence: Span, cue: TaggedSpan, sources: readonly TaggedSpan[]): Draft | undefined {
  const { tokens } = p;
  const cueTokens = s.tokens.slice(cue.from, cue.to);
  const verb = cueTokens.find((t) => t.pos === 'VERB') ?? cueTokens.find((t) => t.pos === 'AUX') ?? cueTokens[0];
  const lemma = FORM_TO_LEMMA.get(verb.normal) ?? verb.lemma;
  // The rules guard naming cues with structure of their own (a name after "called"): they decide.
  if (NAMING_CUES.has(lemma)) return undefined;
  // An evidence verb reports only with a record as its source ("a poll conducted by X, shows"), which the tagger reaches past clauses the rules' walk stops at.
  const record = EVIDENCE_CUES.has(lemma) ? recordSourceBefore(s, cue, sources) : undefined;
  if (EVIDENCE_CUES.has(lemma) && !record) return undefined;
  // A lexicon verb in its base form after a modal, "to" or a negation is no report, as the rules read it ("Nobody can say").
  const before = s.tokens[cue.from - 1]?.normal ?? '';
  if (FORM_TO_LEMMA.has(verb.normal) && verb.normal === lemma && (BASE_FORM_BLOCKERS.has(before) || /n[’']t$/.test(before))) return undefined;
  // An event is no report ("Rebels attacked the airport"), whatever figurative use PolNeAR's politics gives the verb.
  if (cueTokens.some((t) => EVENT_VERBS.has(t.normal))) return undefined;
  const first = lowerBound(tokens, cue.start);
  const last = lowerBound(tokens, cue.end - 1);
  const ctx: Ctx = { text: p.text, tokens, sentence, quotes: p.quotes, entities: p.entities, labels: p.labels };
  // A passive cue's subject is what is reported, not who reports ("3,000 evacuees are expected"): only an agent after it speaks.
  const passive = cueTokens.some((t, k) => BE_FORMS.has(t.normal) && k + 1 < cueTokens.length && /(?:ed|en|wn)$/.test(cueTokens[k + 1].normal));
  const source = nearestSource(passive ? sources.filter((x) => x.start >= cue.end) : sources, cue);
  // Only a verb borrows an earlier subject: not a noun cue ("gave way") nor one whose source follows it ("according to").
  const borrows = verb.pos === 'VERB' && !SOURCE_FIRST_WORDS.has(cueTokens[0].normal);
  const found = record ?? (source ? { start: source.start, end: source.end } : passive ? undefined : (readLeftSpeaker(ctx, first)?.span ?? (borrows ? earlierSubject(ctx, first) : undefined)));
  // A bare count is no speaker ("Two confirmed dead and 11 missing").
  const speaker = found && /[\p{L}]/u.test(p.text.slice(found.start, found.end).replace(/\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?|thousands?)\b/gi, '')) ? found : undefined;
  const draft: Draft = { cue: { start: cue.start, end: cue.end }, cueLemma: lemma, direct: false, anonymous: false };
  if (speaker) draft.speaker = speaker;
  if (speaker && speaker.start > cue.end) draft.content = contentBefore(ctx, cue.start);
  else draft.content = contentAfter(ctx, skipThat(tokens, last + 1)) ?? contentBefore(ctx, speaker?.start ?? cue.start);
  markDirect(ctx, draft);
  return draft;
}

/** Parts of speech that open a record's noun phrase ("A Channel 4 News poll", "the latest CNN survey"). */
const RECORD_PREMODIFIERS = new Set(['DET', 'PROPN', 'NUM', 'ADJ', 'NOUN']);

/**
 * The record an evidence cue reports from: the nearest tagger source before it in the sentence that opens with a noun
 * phrase headed by a record ("A Fox poll, conducted …, shows"), cut after that phrase ("Exit polls from" → "Exit polls").
 */
function recordSourceBefore(s: SentenceInput, cue: TaggedSpan, sources: readonly TaggedSpan[]): Span | undefined {
  for (let n = sources.length - 1; n >= 0; n--) {
    const source = sources[n];
    if (source.to > cue.from) continue;
    let head = -1;
    for (let k = source.from; k < source.to; k++) {
      const t = s.tokens[k];
      if (t.pos === 'NOUN' || t.pos === 'PROPN') head = k;
      else if (head >= 0 || t.pos === 'VERB' || t.pos === 'ADP' || t.pos === 'PUNCT') break;
    }
    if (head < 0 || !EVIDENCE_HEADS.has(s.tokens[head].normal)) continue;
    // The tagger often leaves out the phrase's first words ("A Channel 4 News poll" tagged from "4"): take them back.
    let from = source.from;
    while (from > 0 && RECORD_PREMODIFIERS.has(s.tokens[from - 1].pos)) from--;
    return { start: s.tokens[from].start, end: s.tokens[head].end };
  }
  return undefined;
}

/** First words of the cues whose source follows them ("according to X", "citing X"). */
const SOURCE_FIRST_WORDS: ReadonlySet<string> = new Set(SOURCE_AFTER_CUES.map((c) => c.phrase.split(' ')[0]));

/** Subjects of an earlier verb that are things, not speakers ("It was closed, said he would …"). */
const NON_PERSONAL = new Set(['it', 'this', 'that', 'which', 'there', 'these', 'those']);

/**
 * A cue without a subject of its own takes that of the verb before it ("Trump went further, embracing …"), unless it
 * is a thing: on folds 0 and 1 of train source F1 +0.2, cue +0.5 to +0.7.
 */
function earlierSubject(ctx: Ctx, first: number): Span | undefined {
  const subject = readClauseSubject(ctx, first)?.span;
  return subject && !NON_PERSONAL.has(ctx.text.slice(subject.start, subject.end).toLowerCase()) ? subject : undefined;
}

function skipThat(tokens: Prepared['tokens'], k: number): number {
  if (tokens[k]?.normal === 'that') k++;
  if (tokens[k]?.value === ':' || tokens[k]?.value === ',') k++;
  return k;
}
