/**
 * Claims without a figure that alignment still tracks: dated events ("ready by November 1"),
 * denials and non-confirmations ("cannot confirm North Korean soldiers were fighting"), and any claim
 * that lies only in a derivative's unsupported addition. Keyed by the main predicate and its subject.
 */
import type { Article } from '../core/article.js';
import { excerpt } from '../core/excerpt.js';
import { overlaps, type Span } from '../core/span.js';
import type { ReuseLink } from '../reuse/types.js';
import type { Claim, DateMention, ModalityMention } from '../claims/types.js';
import { tokenize } from '../nlp/wink.js';
import { THING_CLASSES } from './lexicon.js';
import { baseRecord, counterpart, push, type AlignRecord, type StoryAlignInput } from './records.js';
import type { SourceResolver } from './sources.js';
import type { DateValue, PolarityValue } from './values.js';

/** Longest claim excerpt used as an event proposition's label, in characters. */
const LABEL_CHARS = 90;
/** Verbs that carry tense, mood or control rather than the event ("will", "expected to"). */
const LIGHT_VERBS: ReadonlySet<string> = new Set([
  'be', 'have', 'do', 'will', 'would', 'can', 'could', 'may', 'might', 'must', 'shall', 'should', 'get', 'become', 'seem',
  'appear', 'expect', 'plan', 'aim', 'hope', 'want', 'try', 'begin', 'start', 'continue', 'schedule', 'intend', 'set',
  'go', 'say', 'tell', 'report', 'claim', 'confirm', 'deny', 'add', 'note', 'believe', 'think', 'suggest', 'indicate',
]);
const PRONOUN_SUBJECTS = /^(?:it|they|he|she|we|i|you|this|these|those|that)$/i;

/** Event records of a story: dated, denied or unconfirmed, or unsupported claims without a counted figure. */
export function collectEvents(input: StoryAlignInput, resolver: SourceResolver, figures: ReadonlySet<string>): AlignRecord[] {
  const records: AlignRecord[] = [];
  for (const article of input.articles) {
    const dates = (article.layers.date ?? []) as DateMention[];
    for (const claim of article.layers.claim ?? []) {
      if (figures.has(claim.id)) continue;
      const d = claim.date === undefined ? undefined : dates[claim.date];
      const dated = d?.from && d.resolved && !claim.opinion ? dateValue(article.text, d) : undefined;
      // Cheap checks first: most claims are neither dated, negated nor unsupported.
      if (!dated && !claim.negated && !claim.hedge && !input.unsupported.has(claim.id)) continue;
      const base = baseRecord(input, resolver, article, claim);
      const negated = base.denied || base.notConfirmed;
      if (!dated && !negated && !base.unsupported) continue;
      const { predicate, subject, subjectLabel } = predicateOf(article, claim);
      const value: DateValue | PolarityValue =
        dated && !negated ? dated : negated ? { kind: 'polarity', asserted: false, negation: base.denied ? 'denied' : 'not confirmed' } : { kind: 'polarity', asserted: true };
      // Unsupported claims are each their own proposition unless their key meets another claim's.
      const thing = predicate ? `${value.kind}:${predicate}` : `claim:${claim.id}`;
      records.push({
        ...base,
        value,
        thing,
        thingLabel: excerpt(article.text.slice(claim.start, claim.end), LABEL_CHARS),
        subject,
        subjectLabel,
        scope: {},
      });
    }
  }
  return records;
}

/**
 * Groups event records by predicate and subject (a record without a subject takes the predicate's only
 * one), and joins the records a reuse link shows to be the same sentence copied.
 */
export function groupEvents(records: AlignRecord[], links: readonly ReuseLink[]): AlignRecord[][] {
  const subjects = new Map<string, Set<string>>();
  for (const r of records) if (r.subject) subjects.set(r.thing, (subjects.get(r.thing) ?? new Set()).add(r.subject));
  const key = records.map((r) => {
    const known = subjects.get(r.thing);
    if (!r.subject && known?.size === 1) r.subject = [...known][0];
    // Without a subject, only the claim itself (and its copies) make the event.
    return r.subject && !r.thing.startsWith('claim:') ? `${r.thing}\u0000${r.subject}` : `claim:${r.claim.id}`;
  });
  const byArticle = new Map<string, number[]>();
  records.forEach((r, i) => push(byArticle, r.article.id, i));
  const alias = new Map<string, string>();
  const find = (k: string): string => (alias.has(k) ? (alias.set(k, find(alias.get(k)!)), alias.get(k)!) : k);
  for (const link of links) {
    for (const i of byArticle.get(link.from) ?? []) {
      const passage = link.passages.find((p) => overlaps(p.from, records[i].claim));
      if (!passage) continue;
      const j = counterpart(records, byArticle.get(link.to) ?? [], passage, records[i].claim);
      if (j === undefined || records[j].value.kind !== records[i].value.kind) continue;
      const [a, b] = [find(key[i]), find(key[j])];
      if (a !== b) alias.set(a, b);
    }
  }
  const groups = new Map<string, AlignRecord[]>();
  records.forEach((r, i) => {
    const k = find(key[i]);
    push(groups, k, r);
  });
  return [...groups.values()];
}

function dateValue(text: string, d: DateMention): DateValue {
  const before = text.slice(Math.max(0, d.start - 12), d.start).toLowerCase();
  const bound = /\b(?:by|before|until|no later than)\s+(?:the\s+)?$/.test(before) ? 'by' : /\b(?:after|since|from)\s+$/.test(before) ? 'after' : undefined;
  return { kind: 'date', from: d.from!, to: d.to ?? d.from!, grain: d.grain, ...(bound ? { bound } : {}) };
}

/**
 * The claim's main predicate (lemma of its first content verb, or the adjective after "be") and the
 * counted thing or name right before it, read outside the attribution and modality cues.
 */
function predicateOf(article: Article, claim: Claim): { predicate?: string; subject: string; subjectLabel?: string } {
  const text = article.text;
  const att = claim.attribution === undefined ? undefined : article.layers.attribution?.[claim.attribution];
  const region: Span = att?.content && att.content.end > claim.start && att.content.start < claim.end
    ? { start: Math.max(claim.start, att.content.start), end: Math.min(claim.end, att.content.end) }
    : claim;
  const cues: Span[] = [
    ...(att ? [att.cue] : []),
    ...((article.layers.modality ?? []) as ModalityMention[]).filter((m) => m.start < region.end && m.end > region.start),
  ];
  const slice = text.slice(region.start, region.end);
  const tokens = tokenize(slice);
  let predicate: string | undefined;
  let at = -1;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const abs = { start: region.start + t.start, end: region.start + t.end };
    if (cues.some((c) => abs.start >= c.start && abs.end <= c.end)) continue;
    if (t.pos === 'VERB' || t.pos === 'AUX') {
      const lemma = t.lemma.toLowerCase();
      if (lemma === 'be' && tokens[i + 1]?.pos === 'ADJ') {
        predicate = tokens[i + 1].lemma.toLowerCase();
        at = i;
        break;
      }
      if (LIGHT_VERBS.has(lemma) || tokens[i + 1]?.normal === 'to') continue;
      predicate = lemma;
      at = i;
      break;
    }
  }
  if (!predicate) return { subject: '' };
  // The subject: the last noun or name before the predicate.
  for (let i = at - 1; i >= 0; i--) {
    const t = tokens[i];
    if (t.pos !== 'NOUN' && t.pos !== 'PROPN' && t.pos !== 'PRON') continue;
    if (t.pos === 'PRON' || PRONOUN_SUBJECTS.test(t.value)) return { predicate, subject: '' };
    const lemma = t.lemma.toLowerCase();
    const cls = THING_CLASSES.find((c) => c.nouns.includes(lemma));
    if (cls) return { predicate, subject: cls.id, subjectLabel: cls.label };
    return { predicate, subject: t.value.toLowerCase(), subjectLabel: t.value };
  }
  return { predicate, subject: '' };
}
