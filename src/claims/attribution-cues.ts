/**
 * How it is said: the cue readers. Each reads one kind of cue (reporting verb, "according to"/"citing",
 * passive "by X", participle continuation, "went on to say", headline colon) into a draft report, calling the
 * speaker and content readers; tokens are re-tagged first where wink errs.
 */
import type { Span } from '../core/span.js';
import type { WinkToken } from '../nlp/wink.js';
import {
  ACCORDING_TO_NON_SOURCES,
  ADDRESSEE_VERBS,
  STATE_CUES,
  BASE_FORM_BLOCKERS,
  BE_FORMS,
  CLAUSE_FINAL_CUES,
  COLON_NON_SOURCES,
  CUE_PARTICLES,
  EVIDENCE_CUES,
  EVIDENCE_HEADS,
  NAMING_CUES,
  PARTICIPLE_BLOCKERS,
  SOURCE_IN_HEADS,
  TIME_WORDS,
  TO_CUE_LEADS,
} from './lexicon/attribution.js';
import { type Draft, type Ctx, type LeftSpeaker, FORM_TO_LEMMA, tokenAt } from './attribution-draft.js';
import { contentAfter, contentBefore, innerQuote, quoteRightAfter, trimContent, markDirect } from './attribution-content.js';
import { MAX_APPOSITIVE_TOKENS, readCoordinatedSpeaker, readClauseSubject, headOf, isPluralOrPronoun, readLeftSpeaker, readRightNp, readTrailingName, isCapitalisedName } from './attribution-speaker.js';

/** Month names (and their abbreviations) that open a date after "by". */
const MONTH_NAMES = /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?$/i;
/** Times an all-capitals label must open a line to be a transcript speaker rather than a dateline. */
const MIN_TRANSCRIPT_TURNS = 2;
/** Most tokens between a lead verb and "to" in "took to Twitter to say". */
const MAX_TO_LEAD_GAP_TOKENS = 4;

/** Fewest words after a headline colon for it to be a statement ("Clinton: 1,769." is a tally). */
const MIN_COLON_CONTENT_WORDS = 3;

/** Longest speaker before a headline colon ("Lynch: …"), in tokens. */
const MAX_COLON_SPEAKER_TOKENS = 6;

/** Longest topic between a headline's speaker and its colon ("Clinton to Planned Parenthood: …"), in tokens. */
const MAX_COLON_TOPIC_TOKENS = 8;

/** Prepositions that open a headline's topic or audience after its speaker. */
const HEADLINE_TOPIC_LINKS = new Set(['to', 'on', 'at', 'about']);

/** Parts of speech a title-case headline capitalises. */
const TITLE_CASED_POS = new Set(['NOUN', 'PROPN', 'VERB', 'AUX', 'ADJ', 'ADV']);

const FIRST_SECOND_PERSON = new Set(['i', 'you', 'we']);

/** Words that end a relative clause describing a source ("who asked not to be named because …"). */
const CLAUSE_BREAKS = new Set([',', 'because', 'since', 'as', '.', ';', '—', '–']);

/** Tokens right before an -ing cue that make it a continuation of the clause before. */
const PARTICIPLE_OPENERS = new Set([',', '—', '–', 'by', 'while', 'and']);

/**
 * Fixes the tags the speaker walk relies on: hyphenated compounds ("Seventy-four", "self-described") become one
 * token, and capitalised words tagged VERB/ADJ/NOUN right before a name ("Ted Cruz") become PROPN.
 */
export function retag(text: string, tokens: readonly WinkToken[]): WinkToken[] {
  const out: WinkToken[] = [];
  for (let i = 0; i < tokens.length; i++) {
    let t = tokens[i];
    while (isHyphenJoin(t, tokens[i + 1], tokens[i + 2])) {
      const last = tokens[i + 2];
      const value = text.slice(t.start, last.end);
      t = { ...last, start: t.start, value, normal: value.toLowerCase(), lemma: value.toLowerCase(), pos: last.pos === 'VERB' ? 'ADJ' : last.pos };
      i += 2;
    }
    // "the 46-year-old." : a hyphenated compound between a determiner and the clause's end is a noun.
    if (t.pos === 'ADJ' && t !== tokens[i] && out[out.length - 1]?.pos === 'DET' && tokens[i + 1]?.pos === 'PUNCT') t = { ...t, pos: 'NOUN' };
    out.push(t);
  }
  for (let i = 0; i < out.length - 1; i++) {
    const t = out[i];
    const misTagged = t.pos === 'VERB' || t.pos === 'ADJ' || t.pos === 'NOUN';
    if (misTagged && /^[A-Z][a-z]/.test(t.value) && out[i + 1].pos === 'PROPN' && !FORM_TO_LEMMA.has(t.normal)) out[i] = { ...t, pos: 'PROPN' };
    // "polls show", "the reports show": wink reads the verb as a noun after a plural.
    const lemma = FORM_TO_LEMMA.get(t.normal);
    if (t.pos === 'NOUN' && lemma && EVIDENCE_CUES.has(lemma) && i > 0 && EVIDENCE_HEADS.has(out[i - 1].normal)) out[i] = { ...t, pos: 'VERB' };
    // "Exit polling showed": a record noun in -ing read as a verb before the evidence verb is the subject.
    const nextLemma = FORM_TO_LEMMA.get(out[i + 1].normal);
    if (t.pos === 'VERB' && EVIDENCE_HEADS.has(t.normal) && nextLemma && EVIDENCE_CUES.has(nextLemma)) out[i] = { ...t, pos: 'NOUN' };
    // "Six in 10 say he …", "majorities in all five say they …": a cue form read as a noun after a count or a plural,
    // with a clause opening after it, is the verb.
    const before = out[i - 1];
    const after = out[i + 1];
    const countBefore = !!before && (before.pos === 'NUM' || (before.pos === 'NOUN' && before.lemma !== before.normal));
    const clauseAfter = after.pos === 'PRON' || after.pos === 'PROPN' || after.pos === 'DET' || after.normal === 'that';
    if (t.pos === 'NOUN' && lemma && countBefore && clauseAfter && !STATE_CUES.has(lemma)) out[i] = { ...out[i], pos: 'VERB' };
  }
  return out;
}

function isHyphenJoin(a: WinkToken, dash: WinkToken | undefined, b: WinkToken | undefined): boolean {
  return !!dash && !!b && dash.value === '-' && dash.start === a.end && b.start === dash.end && /\w$/.test(a.value) && /^\w/.test(b.value);
}

/** A headline or lead-in "Lynch: No outside influence on the probe": a short name, a colon, then what was said. */
export function readColonHeadline(ctx: Ctx, i: number): Draft | undefined {
  const { tokens, sentence, text } = ctx;
  const inSentence = (k: number) => k < tokens.length && tokens[k].end <= sentence.end;
  // A rubric before a dash is no part of the speaker: "EXCLUSIVE – Roger Stone: …".
  if (COLON_NON_SOURCES.has(tokens[i].normal) && inSentence(i + 1) && /^[-–—]$/.test(tokens[i + 1].value)) i += 2;
  let k = i;
  while (inSentence(k) && tokens[k].value !== ':' && !(k > i && HEADLINE_TOPIC_LINKS.has(tokens[k].normal))) {
    const t = tokens[k];
    const nounish = t.pos === 'PROPN' || t.pos === 'NOUN' || isCapitalisedName(t) || t.value === '.' || (t.pos === 'PART' && /^['’]s$/.test(t.value));
    if (!nounish || k - i >= MAX_COLON_SPEAKER_TOKENS) return undefined;
    k++;
  }
  const speakerEnd = k;
  // "Clinton to Planned Parenthood: …", "Mukasey at RNC: …": a short topic between the speaker and the colon, in title
  // case as headlines are ("Chaos at the border: …" is a scene, not a speaker).
  if (inSentence(k) && tokens[k].value !== ':') {
    for (k++; inSentence(k) && tokens[k].value !== ':' && k - speakerEnd <= MAX_COLON_TOPIC_TOKENS; k++) {
      const t = tokens[k];
      if ((t.pos === 'PUNCT' && t.value !== '.') || (TITLE_CASED_POS.has(t.pos) && !/^[\p{Lu}\p{N}]/u.test(t.value))) return undefined;
    }
  }
  if (speakerEnd === i || tokens[k]?.value !== ':') return undefined;
  const words = tokens.slice(i, speakerEnd);
  const head = words[words.length - 1];
  if (words.some((w) => COLON_NON_SOURCES.has(w.normal))) return undefined;
  // A one-word all-caps label is a dateline ("WASHINGTON:"), not a speaker, unless it recurs (a transcript's turns).
  if (words.length === 1 && /^[A-Z]{5,}$/.test(head.value) && !ctx.labels.has(head.value)) return undefined;
  if (!words.some((w) => w.pos === 'PROPN' || (w.pos !== 'NOUN' && isCapitalisedName(w))) && !EVIDENCE_HEADS.has(head.normal)) return undefined;
  const content = contentAfter(ctx, k + 1);
  if (!content || (text.slice(content.start, content.end).match(/\p{L}+/gu) ?? []).length < MIN_COLON_CONTENT_WORDS) return undefined;
  const draft: Draft = {
    speaker: { start: words[0].start, end: head.end },
    cue: { start: tokens[k].start, end: tokens[k].end },
    cueLemma: ':',
    content,
    direct: false,
    anonymous: false,
  };
  markDirect(ctx, draft);
  return draft;
}

/** A line-opening all-capitals label and colon ("TAPPER: …") seen at least twice: the turns of a transcript. */
export function transcriptLabels(text: string): Set<string> {
  const counts = new Map<string, number>();
  for (const m of text.matchAll(/(?:^|[\n.?!)]\s*)([A-Z][A-Z'’-]{1,}):\s/g)) counts.set(m[1], (counts.get(m[1]) ?? 0) + 1);
  return new Set([...counts].filter(([, n]) => n >= MIN_TRANSCRIPT_TURNS).map(([label]) => label));
}

/**
 * A quotation introduced by a colon: "He then listed the qualities …: “…”", "… surprise pollster Daron Shaw: “…”".
 * A name right before the colon speaks; else the subject of the clause before it. A colon after a cue of its own
 * ("said: …") is that cue's.
 */
export function readColonQuote(ctx: Ctx, i: number, drafts: Draft[]): Draft | undefined {
  const { tokens, sentence, quotes } = ctx;
  const next = tokens[i + 1];
  const quote = next && quotes.find((q) => q.start === next.start);
  if (!quote || i === 0 || tokens[i - 1].start < sentence.start) return undefined;
  if (drafts.some((d) => d.cue.start >= sentence.start && d.cue.end <= tokens[i].start)) return undefined;
  const named = readLeftSpeaker(ctx, i);
  const speaker = named && named.headToken.pos === 'PROPN' && named.span.end === tokens[i - 1].end ? named : readClauseSubject(ctx, i);
  if (!speaker || FIRST_SECOND_PERSON.has(speaker.headToken.normal)) return undefined;
  const draft: Draft = {
    speaker: speaker.span,
    cue: { start: tokens[i].start, end: tokens[i].end },
    cueLemma: ':',
    content: innerQuote(ctx.text, quote),
    direct: true,
    anonymous: false,
    modifier: speaker.modifier,
  };
  return draft;
}

/** "according to X", "citing X": the source follows the cue. */
export function readSourceAfterCue(ctx: Ctx, i: number, phrase: string, lemma: string, drafts: Draft[]): Draft | undefined {
  const { tokens, sentence, text } = ctx;
  const n = phrase.split(' ').length;
  const cue: Span = { start: tokens[i].start, end: tokens[i + n - 1].end };
  const poll = lemma === 'in' ? readPollAfterIn(ctx, i + n) : undefined;
  const np = lemma === 'in' ? poll : readRightNp(ctx, i + n);
  if (!np) return undefined;
  const head = text.slice(np.span.start, np.span.end).toLowerCase().replace(/^(the|an?)\s+/, '');
  if (lemma === 'according to' && ACCORDING_TO_NON_SOURCES.has(head.split(/\s+/)[0])) return undefined;
  const draft: Draft = { speaker: np.span, cue, cueLemma: lemma, direct: false, anonymous: false };
  let afterNp = np.next;
  // "according to the battalion's commander, Major Ruth Calloway": the name after the role is the speaker.
  const name = readTrailingName(ctx, afterNp);
  if (name && tokens.slice(i + n, np.next).some((t) => t.pos === 'NOUN')) {
    draft.speaker = name.span;
    afterNp = name.next;
  }
  // "according to two former employees who asked not to be named because …": the relative clause describes the source.
  if (tokens[afterNp]?.normal === 'who' && draft.speaker === np.span) {
    let m = afterNp + 1;
    while (m < tokens.length && tokens[m].end <= sentence.end && !CLAUSE_BREAKS.has(tokens[m].normal) && m - afterNp < MAX_APPOSITIVE_TOKENS) m++;
    draft.speaker = { start: np.span.start, end: tokens[m - 1].end };
    afterNp = m;
  }
  if (/^(?:reports|claims) /.test(phrase)) {
    // "reports from X that …": without the that-clause, "reports from the front" names a place, not a source.
    if (tokens[afterNp]?.normal !== 'that') return undefined;
    draft.content = contentAfter(ctx, afterNp + 1);
    return draft.content ? draft : undefined;
  }
  if (lemma === 'cite') {
    // A chain: the outer report in the same sentence cites this source and shares its content.
    const outer = [...drafts].reverse().find((d) => d.cue.start >= sentence.start && d.cue.end <= cue.start);
    if (outer) {
      draft.citedByCue = outer.cue.start;
      draft.content = outer.content;
      draft.direct = outer.direct;
    } else {
      draft.content = contentAfter(ctx, afterNp) ?? contentBefore(ctx, cue.start);
    }
    return draft;
  }
  const leading = !/\S/.test(text.slice(sentence.start, cue.start).replace(/^[\s"“]*(?:but|and|however|yet|so|also)?[\s,]*/i, ''));
  // "In a CNN poll released Monday, …" opens the sentence; later in it, only a poll one can name is a source ("a lead
  // in the latest Quinnipiac poll"): "a wide lead in the polls" is a standing.
  if (lemma === 'in' && !leading && !poll?.specific) return undefined;
  draft.content = leading ? contentAfter(ctx, skipToComma(ctx, afterNp)) : contentBefore(ctx, cue.start);
  markDirect(ctx, draft);
  return draft;
}

/** Words that single out one poll among others ("the latest poll", "a new survey"). */
const SPECIFIC_POLL_WORDS: ReadonlySet<string> = new Set(['latest', 'new', 'recent', 'same', 'this', 'that', 'one', 'another', 'exit']);

/** Longest run of words from "in" to the poll noun it names ("in the most recent YouGov/Economist survey"). */
const MAX_POLL_PHRASE_TOKENS = 10;

/**
 * The poll after "in": the words up to a poll noun (names with slashes and hyphens, adjectives, numbers), then what
 * places it ("of South Carolina", "released Monday", "conducted last week", "last month"). `specific` when it names or
 * singles out one poll (a name, "the latest", a participle after it), as a source does.
 */
function readPollAfterIn(ctx: Ctx, from: number): { span: Span; next: number; specific: boolean } | undefined {
  const { tokens, sentence } = ctx;
  const inSentence = (k: number) => k < tokens.length && tokens[k].end <= sentence.end;
  let head = -1;
  let specific = false;
  for (let k = from; inSentence(k) && k - from < MAX_POLL_PHRASE_TOKENS; k++) {
    const t = tokens[k];
    if (SOURCE_IN_HEADS.has(t.normal) && k > from) {
      head = k;
      break;
    }
    if (t.pos === 'PROPN' || /^\p{Lu}/u.test(t.value) || SPECIFIC_POLL_WORDS.has(t.normal)) specific = true;
    const joins = t.value === '/' || t.value === '-' || t.value === '&' || (t.pos === 'PART' && /['’]s/.test(t.value));
    if (!joins && !['DET', 'ADJ', 'PROPN', 'NOUN', 'NUM', 'ADV'].includes(t.pos) && !/^\p{Lu}/u.test(t.value)) return undefined;
  }
  if (head < 0) return undefined;
  let end = head;
  const stop = (k: number) => !inSentence(k) || tokens[k].pos === 'PUNCT' || k - head > 4;
  if (tokens[head + 1]?.normal === 'of' && inSentence(head + 2) && tokens[head + 2].pos === 'PROPN') {
    end = head + 2;
    while (inSentence(end + 1) && tokens[end + 1].pos === 'PROPN') end++;
  }
  const participle = tokens[end + 1];
  if (participle && inSentence(end + 1) && participle.pos === 'VERB' && /(?:ed|en)$/.test(participle.normal) && !FORM_TO_LEMMA.has(participle.normal)) {
    specific = true;
    end++;
    while (!stop(end + 1) && (TIME_WORDS.has(tokens[end + 1].normal) || ['last', 'this', 'on', 'in'].includes(tokens[end + 1].normal) || tokens[end + 1].pos === 'PROPN')) end++;
  } else {
    while (!stop(end + 1) && (TIME_WORDS.has(tokens[end + 1].normal) || ['last', 'this', 'out'].includes(tokens[end + 1].normal))) end++;
  }
  return { span: { start: tokens[from].start, end: tokens[end].end }, next: end + 1, specific };
}

/** A reporting verb: subject before it, or inverted speaker after it. */
export function readVerbCue(ctx: Ctx, i: number, lemma: string, drafts: Draft[]): Draft | undefined {
  const { tokens, text, sentence } = ctx;
  const token = tokens[i];
  const lower = token.normal;
  const prev = tokens[i - 1];
  if (CLAUSE_FINAL_CUES.has(lemma) && !/^[.,;:!?”"’]/.test(tokens[i + 1]?.value ?? '.')) return undefined;
  const prevLower = prev && prev.start >= sentence.start ? prev.normal : '';
  const isBase = lower === lemma;
  const isIng = lower.endsWith('ing');
  const isEd = /ed$|^(?:said|told|wrote)$/.test(lower);
  if (isBase && prevLower === 'to') return readToCue(ctx, i, lemma);
  if (isBase && (BASE_FORM_BLOCKERS.has(prevLower) || /n't$|n’t$/.test(prev?.value ?? ''))) return undefined;
  const cue: Span = { start: token.start, end: token.end };

  // Passive: "was reported by X"; without an agent there is no speaker to name. A reduced relative
  // ("a report published by the Times") is passive too.
  const reduced = isEd && tokens[i + 1]?.normal === 'by' && (prev?.pos === 'NOUN' || prev?.pos === 'PROPN');
  if (reduced || (isEd && (BE_FORMS.has(prevLower) || (prevLower === 'not' && BE_FORMS.has(tokens[i - 2]?.normal ?? ''))))) {
    if (tokens[i + 1]?.normal !== 'by') return undefined;
    const np = readRightNp(ctx, i + 2);
    if (!np) return undefined;
    // "are expected by Friday", "was announced by March 1": a deadline, not an agent.
    const agent = tokens[i + 2];
    if (TIME_WORDS.has(agent.normal) || MONTH_NAMES.test(agent.value) || agent.pos === 'NUM') return undefined;
    // The passive subject is the content: "this figure was not confirmed by the NIS".
    const clauseStart = Math.max(sentence.start, text.lastIndexOf(',', cue.start) + 1);
    let be = i - 1;
    while (!reduced && be > 0 && (BE_FORMS.has(tokens[be - 1].normal) || tokens[be - 1].normal === 'not')) be--;
    const content = trimContent(text, clauseStart, reduced ? cue.start : tokens[be].start);
    return { speaker: np.span, cue, cueLemma: lemma, direct: false, anonymous: false, content };
  }
  if (isEd && PARTICIPLE_BLOCKERS.has(prevLower) && prevLower !== 'that') return undefined;
  // A participle between a number and a noun is attributive: "270 pledged delegates".
  if (isEd && prev?.pos === 'NUM' && tokens[i + 1]?.pos === 'NOUN') return undefined;

  // Participial continuation: "…, adding that …" inherits the speaker of the clause before.
  // Participial continuation: "…, adding that …", "— saying …", "by saying …" inherits the speaker of the
  // clause before: the report earlier in the sentence, else the subject of the nearest verb with one.
  if (isIng && !BE_FORMS.has(prevLower)) {
    const nounBefore = !!prev && prev.start >= sentence.start && (prev.pos === 'NOUN' || prev.pos === 'PROPN');
    if (nounBefore && !STATE_CUES.has(lemma)) return readNounParticiple(ctx, i, lemma);
    if (!PARTICIPLE_OPENERS.has(prev?.value.toLowerCase() ?? '') || STATE_CUES.has(lemma) || EVIDENCE_CUES.has(lemma)) return undefined;
    // The report the participle continues is the sentence's outer one, not a report nested in its content
    // ("he added that the agency had found that …, describing …": he describes).
    const inSentence = drafts.filter((d) => d.cue.start >= sentence.start && d.cue.end <= cue.start);
    const nested = (d: Draft) => inSentence.some((o) => o !== d && !!o.content && o.content.start <= d.cue.start && d.cue.end <= o.content.end);
    const outer = [...inSentence].reverse().find((d) => !nested(d));
    const speaker = outer?.speaker ?? readClauseSubject(ctx, i - 1)?.span;
    if (!speaker) return undefined;
    const draft: Draft = { speaker, cue, cueLemma: lemma, direct: false, anonymous: outer?.anonymous ?? false };
    draft.content = contentAfter(ctx, skipThat(ctx, i + 1));
    markDirect(ctx, draft);
    return draft;
  }

  let left = readLeftSpeaker(ctx, i) ?? (isBase ? undefined : readCoordinatedSpeaker(ctx, i, drafts));
  // A record whose post-modifiers the walk stops at: "A CNN/ORC poll of South Carolina released on Tuesday showed".
  const record = EVIDENCE_CUES.has(lemma) && (!left || !EVIDENCE_HEADS.has(headOf(tokens, left).normal)) ? readRecordSubject(ctx, i) : undefined;
  left = record ?? left;
  if (left) {
    const head = record ? record.headToken : headOf(tokens, left);
    // "Jeb Bush and Chris Christie say": coordinated names take the plural form too.
    const coordinated = /\s(?:and|&)\s/.test(text.slice(left.span.start, left.span.end));
    if (isBase && !isPluralOrPronoun(head) && !coordinated) return undefined;
    // "the poll showed", "a 2009 report … found that": an evidence verb needs a record as subject or a that-clause.
    if (EVIDENCE_CUES.has(lemma) && !EVIDENCE_HEADS.has(head.normal) && tokens[i + 1]?.normal !== 'that') return undefined;
    // "I want", "you know" outside quotes are speech transcripts or asides, not reported states.
    if (STATE_CUES.has(lemma) && FIRST_SECOND_PERSON.has(left.headToken.normal)) return undefined;
    if (NAMING_CUES.has(lemma) && isReducedRelative(tokens, i, left)) return undefined;
    // "…,” she continued." is post-posed; "the search continued." is no report.
    if (CLAUSE_FINAL_CUES.has(lemma) && !/^[,”"’]+$/.test(tokens[tokenAt(tokens, left.span.start) - 1]?.value ?? '')) return undefined;
    const draft: Draft = { speaker: left.span, cue, cueLemma: lemma, direct: false, anonymous: false, modifier: left.modifier };
    if (left.via) draft.via = left.via;
    let next = i + 1;
    if (CUE_PARTICLES[lemma]?.includes(tokens[next]?.normal ?? '')) {
      draft.cue = { start: cue.start, end: tokens[next].end };
      next++;
    }
    if (ADDRESSEE_VERBS.has(lemma)) {
      const addressee = readRightNp(ctx, next);
      if (addressee) {
        draft.via = addressee.span;
        next = addressee.next;
      }
    }
    next = skipCiting(ctx, next);
    draft.content = contentAfter(ctx, skipThat(ctx, next));
    if (!draft.content) draft.content = quoteRightAfter(ctx, tokens[next - 1]?.end ?? cue.end) ?? contentBefore(ctx, left.span.start);
    markDirect(ctx, draft);
    return draft;
  }
  // Inverted: "…,” said X." or "…, says X."; the speaker ends the clause ("said X on Friday", "said X, a …").
  if (isIng || isBase || EVIDENCE_CUES.has(lemma) || STATE_CUES.has(lemma)) return undefined;
  const right = readRightNp(ctx, i + 1);
  // Some outlets close a quote with an opening mark ("…,“ said X"): after a comma it closes all the same.
  if (!right || !prev || !(/^[,”"'’]+$/.test(prev.value) || (prev.value === '“' && tokens[i - 2]?.value === ',' && tokens[i - 2].end === prev.start))) return undefined;
  const after = tokens[right.next];
  if (after && after.start < sentence.end && after.pos !== 'PUNCT' && after.pos !== 'ADP' && after.normal !== 'who') return undefined;
  const draft: Draft = { speaker: right.span, cue, cueLemma: lemma, direct: false, anonymous: false };
  draft.content = contentBefore(ctx, cue.start);
  markDirect(ctx, draft);
  return draft;
}

/** Longest subject read from the clause's start to an evidence verb, in tokens. */
const MAX_RECORD_SUBJECT_TOKENS = 16;
const CLAUSE_OPENERS: ReadonlySet<string> = new Set(['but', 'and', 'however', 'meanwhile', 'still', 'yet', 'so', 'now']);

/**
 * The subject of an evidence verb when it opens the clause with a record noun (poll, survey, analysis …) and runs up
 * to the verb without a clause of its own: names with slashes, "of South Carolina", "out this week", "in Florida",
 * "conducted last week" (participles only, no finite verb, no comma). The phrase is the speaker, the record its head.
 */
function readRecordSubject(ctx: Ctx, i: number): LeftSpeaker | undefined {
  const { tokens, sentence } = ctx;
  let from = i - 1;
  while (from > 0 && tokens[from - 1].start >= sentence.start && i - from < MAX_RECORD_SUBJECT_TOKENS) from--;
  if (tokens[from].start < sentence.start || (from > 0 && tokens[from - 1].start >= sentence.start)) return undefined;
  while (from < i && (CLAUSE_OPENERS.has(tokens[from].normal) || /^[-–—•"“]$/.test(tokens[from].value))) from++;
  let end = i - 1;
  while (end > from && (tokens[end].pos === 'ADV' || tokens[end].pos === 'AUX')) end--;
  let head: WinkToken | undefined;
  for (let k = from; k <= end; k++) {
    const t = tokens[k];
    if (!head && EVIDENCE_HEADS.has(t.normal)) head = t;
    if (t.pos === 'PUNCT' && !['/', '-', '.', '&'].includes(t.value)) return undefined;
    if ((t.pos === 'VERB' && !/(?:ed|en)$/.test(t.normal) && !EVIDENCE_HEADS.has(t.normal)) || t.pos === 'AUX' || t.pos === 'PRON') return undefined;
  }
  // The record heads the phrase: only a determiner, names and modifiers before it.
  if (!head || !['DET', 'ADJ', 'PROPN', 'NOUN', 'NUM', 'ADV', 'PUNCT', 'PART'].includes(tokens[from].pos)) return undefined;
  for (let k = from; tokens[k] !== head; k++) if (tokens[k].pos === 'ADP' && tokens[k].value !== 'of') return undefined;
  return { span: { start: tokens[from].start, end: tokens[end].end }, headToken: head };
}

/**
 * A participle right after the noun that reports: "data suggesting that …", "polls showing …", "an item suggesting
 * that X was …". The noun phrase speaks; an evidence verb needs a record as head or a that-clause.
 */
function readNounParticiple(ctx: Ctx, i: number, lemma: string): Draft | undefined {
  const { tokens } = ctx;
  const left = readLeftSpeaker(ctx, i);
  if (!left || left.headToken.pos === 'PRON') return undefined;
  const head = headOf(tokens, left);
  const that = tokens[i + 1]?.normal === 'that';
  if (!that && !EVIDENCE_HEADS.has(head.normal)) return undefined;
  const cue: Span = { start: tokens[i].start, end: tokens[i].end };
  const draft: Draft = { speaker: left.span, cue, cueLemma: lemma, direct: false, anonymous: false, modifier: left.modifier };
  draft.content = contentAfter(ctx, skipThat(ctx, i + 1));
  markDirect(ctx, draft);
  return draft.content ? draft : undefined;
}

/** "X went on to say …", "took to Twitter to say …": the lead verb's subject speaks; "plans to say" is no report. */
function readToCue(ctx: Ctx, i: number, lemma: string): Draft | undefined {
  const { tokens, sentence } = ctx;
  if (STATE_CUES.has(lemma) || EVIDENCE_CUES.has(lemma)) return undefined;
  // The lead verb sits right before "to", or before "on" ("went on to"), or before a short object ("took to Twitter to").
  let lead = -1;
  for (let k = i - 2; k >= Math.max(0, i - 2 - MAX_TO_LEAD_GAP_TOKENS) && tokens[k].start >= sentence.start; k--) {
    if (TO_CUE_LEADS.has(tokens[k].normal)) {
      lead = k;
      break;
    }
    if (tokens[k].pos === 'PUNCT' || tokens[k].pos === 'VERB') return undefined;
  }
  if (lead < 0) return undefined;
  const left = readLeftSpeaker(ctx, lead);
  if (!left) return undefined;
  const cue: Span = { start: tokens[i].start, end: tokens[i].end };
  const draft: Draft = { speaker: left.span, cue, cueLemma: lemma, direct: false, anonymous: false, modifier: left.modifier };
  draft.content = contentAfter(ctx, skipThat(ctx, i + 1)) ?? quoteRightAfter(ctx, cue.end);
  markDirect(ctx, draft);
  return draft;
}

/**
 * "a group called the Foundation", "a report published Wednesday": a naming or publishing participle right after
 * a common noun, followed by a name, a quote, a date or a preposition, modifies the noun ("called for" is a cue).
 */
function isReducedRelative(tokens: readonly WinkToken[], i: number, left: LeftSpeaker): boolean {
  if (left.headToken.pos !== 'NOUN' || tokens[i - 1]?.end !== left.span.end || !/ed$/.test(tokens[i].normal)) return false;
  if (tokens[i + 1]?.normal === 'for' || tokens[i + 1]?.normal === 'on') return false;
  let n = i + 1;
  if (tokens[n]?.pos === 'DET') n++;
  const next = tokens[n];
  if (!next) return false;
  return next.pos === 'PROPN' || next.pos === 'NUM' || next.pos === 'ADP' || next.pos === 'ADV' || /^[“"‘']/.test(next.value);
}

/** Skips ", citing X," after a cue so the content starts after it. */
function skipCiting(ctx: Ctx, k: number): number {
  const { tokens } = ctx;
  if (tokens[k]?.value === ',' && tokens[k + 1]?.normal === 'citing') {
    let m = k + 2;
    while (m < tokens.length && tokens[m].end <= ctx.sentence.end && tokens[m].value !== ',') m++;
    return m < tokens.length && tokens[m].value === ',' ? m + 1 : m;
  }
  return k;
}

function skipThat(ctx: Ctx, k: number): number {
  const { tokens } = ctx;
  // Time adverbials right after the cue ("said on Friday that").
  if (tokens[k]?.normal === 'on' && tokens[k + 1]?.pos === 'PROPN') k += 2;
  if (tokens[k]?.normal === 'that') k++;
  if (tokens[k]?.value === ':' || tokens[k]?.value === ',') k++;
  return k;
}

function skipToComma(ctx: Ctx, k: number): number {
  const { tokens } = ctx;
  let m = k;
  while (m < tokens.length && tokens[m].end <= ctx.sentence.end && tokens[m].value !== ',' && m - k < 12) m++;
  return tokens[m]?.value === ',' ? m + 1 : k;
}
