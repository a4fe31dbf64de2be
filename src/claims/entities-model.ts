/**
 * Entity mentions from the trained tagger, typed with what the rules know: the tagger decides where
 * a PER/ORG/LOC name is and its coarse type; the rules' finer types (outlet, equipment, military
 * unit), keys and titles are kept where the two agree on the span.
 */
import type { Span } from '../core/span.js';
import { headlineSentences } from './entities-rules.js';
import { isTitleCase, keyOf, type Tok } from './entities-tokens.js';
import { capitalisedWords, ruleLabels } from './tagger/features.js';
import { decodeSentence, spansOf, taggerWeights, type LabelledSpan } from './tagger/perceptron.js';
import { FIRST_NAMES, ORG_HEADS } from './lexicon/entities.js';

/** Prepositions that introduce a tool or medium, which a person's name rarely follows without a given name. */
const TOOL_PREPOSITIONS: ReadonlySet<string> = new Set(['via', 'using']);
import type { EntityMention, EntityType } from './types.js';

const COARSE: Record<Exclude<LabelledSpan['type'], 'MISC'>, EntityType> = { PER: 'person', ORG: 'organisation', LOC: 'place' };
/** Rule types finer than CoNLL's, kept over the tagger's coarse type. */
const FINE_TYPES: ReadonlySet<EntityType> = new Set(['outlet', 'equipment', 'military-unit']);
/** The CoNLL-2003 type each of our entity types falls under. */
export const CONLL_TYPE_OF: Record<EntityType, LabelledSpan['type']> = {
  person: 'PER',
  organisation: 'ORG',
  outlet: 'ORG',
  'military-unit': 'ORG',
  place: 'LOC',
  equipment: 'MISC',
  other: 'MISC',
};

/** Tags the article's sentences with the trained model and merges the rule mentions (`rules`, over the same tokens) into the result. */
export function tagWithModel(sentences: Tok[][], rules: EntityMention[]): EntityMention[] {
  const weights = taggerWeights();
  const labels = ruleLabels(sentences, rules);
  const capitalisedInDoc = capitalisedWords(sentences);
  const headlines = headlineSentences(sentences);
  const spans: Array<LabelledSpan & { toks: Tok[]; before?: Tok }> = [];
  const ruleOnly: Span[] = [];
  sentences.forEach((toks, s) => {
    // Title-case headlines are rare in the newswire the tagger learnt from: there the rules, which count only known names, decide.
    if (headlines[s] || isCapitalisedProse(toks)) {
      if (toks.length) ruleOnly.push({ start: toks[0].start, end: toks[toks.length - 1].end });
      return;
    }
    const decoded = decodeSentence(weights, { toks, rules: labels[s], capitalisedInDoc });
    // A literal of the fields: an object spread per span was a tenth of the entity stage's own time.
    for (const span of spansOf(toks, decoded)) spans.push({ start: span.start, end: span.end, type: span.type, from: span.from, to: span.to, toks: toks.slice(span.from, span.to), before: toks[span.from - 1] });
  });
  return mergeMentions(spans, rules, ruleOnly);
}

function mergeMentions(spans: Array<LabelledSpan & { toks: Tok[]; before?: Tok }>, rules: EntityMention[], ruleOnly: Span[]): EntityMention[] {
  const out: EntityMention[] = [];
  const used = new Set<EntityMention>();
  const keepRules = (list: EntityMention[]) => {
    for (const m of list) if (!used.has(m)) out.push(m);
    for (const m of list) used.add(m);
  };
  let r = 0;
  for (const span of spans) {
    while (r < rules.length && rules[r].end <= span.start) r++;
    const overlapping: EntityMention[] = [];
    for (let k = r; k < rules.length && rules[k].start < span.end; k++) overlapping.push(rules[k]);
    const same = overlapping.find((m) => m.start === span.start && m.end === span.end);
    // A name used as a tool ("translated via Google Translate", "using Google Maps") is a product, not a person, unless it has a given name or a title.
    if (span.type === 'PER' && TOOL_PREPOSITIONS.has(span.before?.normal ?? '') && !FIRST_NAMES.has(span.toks[0].normal) && !same?.title) {
      out.push({ start: span.start, end: span.end, type: 'other', key: same?.key ?? keyOf(span.toks) });
      for (const m of overlapping) used.add(m);
      continue;
    }
    // A finer rule reading of an overlapping name wins ("11th Guards Air Assault Brigade", "The War Zone").
    const fine = overlapping.find((m) => FINE_TYPES.has(m.type));
    if (fine || (same && (FINE_TYPES.has(same.type) || CONLL_TYPE_OF[same.type] === span.type))) {
      keepRules([fine ?? same!]);
      for (const m of overlapping) used.add(m);
      continue;
    }
    // Two names the rules told apart inside one span stay apart ("Dunmore and Kessing", "NATO Secretary General Mark Rutte").
    if (overlapping.length >= 2 && overlapping.every((m) => m.start >= span.start && m.end <= span.end)) {
      keepRules(overlapping);
      continue;
    }
    for (const m of overlapping) used.add(m);
    // The tagger's nationality adjectives and events (MISC) are untyped mentions (`other`, CoNLL's MISC); an organisation the rules know by its head word stays one ("Russian Armed Forces").
    if (span.type === 'MISC') {
      if (same) out.push(same.type === 'organisation' && ORG_HEADS.has(same.key.split(' ').at(-1)!) ? same : { ...same, type: 'other' });
      else if (!overlapping.length && isMiscName(span.toks)) out.push({ start: span.start, end: span.end, type: 'other', key: keyOf(span.toks) });
      continue;
    }
    // A lone sentence opener that wink reads as no proper noun and the rules passed over is a common word ("Visited 2 times").
    if (!overlapping.length && span.toks.length === 1 && span.toks[0].initial && span.toks[0].pos !== 'PROPN') continue;
    const mention: EntityMention = { start: span.start, end: span.end, type: COARSE[span.type], key: same?.key ?? keyOf(span.toks) };
    if (same?.title) mention.title = same.title;
    out.push(mention);
  }
  // Names the tagger left out stay as untyped names, so later stages still see a capitalised phrase there; headlines keep the rules' reading.
  let h = 0;
  for (const m of rules) {
    if (used.has(m)) continue;
    while (h < ruleOnly.length && ruleOnly[h].end <= m.start) h++;
    const inHeadline = h < ruleOnly.length && ruleOnly[h].start <= m.start;
    out.push(inHeadline || m.type === 'other' || FINE_TYPES.has(m.type) ? m : { ...m, type: 'other' });
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** A MISC reading worth a mention: capitalised words with no digits or lowercase compound ("Ukrainian", "World Cup"; not "COVID-19", "Russian-occupied"), not a lone common-word opener. */
function isMiscName(toks: Tok[]): boolean {
  if (toks.length === 1 && toks[0].initial && toks[0].pos !== 'PROPN' && toks[0].pos !== 'ADJ') return false;
  return toks.every((t) => !/\d|-\p{Ll}/u.test(t.value));
}

/** Parts of speech that a name rarely contains: capitalised, they mark a headline written in title case. */
const HEADLINE_CUE_POS: ReadonlySet<string> = new Set(['ADP', 'PRON', 'DET', 'AUX', 'VERB', 'ADV', 'CCONJ', 'PART', 'SCONJ']);

/** A title-case line anywhere in the text ("Joshua Primo Suspended For 4 Games"): capitalised function words or verbs inside it, not only names. */
function isCapitalisedProse(toks: Tok[]): boolean {
  return isTitleCase(toks) && toks.some((t) => !t.initial && /^\p{Lu}\p{Ll}/u.test(t.value) && HEADLINE_CUE_POS.has(t.pos));
}
