/**
 * Entity mentions from the trained tagger, typed with what the rules know: the tagger decides where
 * a PER/ORG/LOC name is and its coarse type; the rules' finer types (outlet, equipment, military
 * unit), keys and titles are kept where the two agree on the span.
 */
import { keyOf, type Tok } from './entities-tokens.js';
import { capitalisedWords, ruleLabels, sentenceFeatures } from './tagger/features.js';
import { decodeSentence, spansOf, taggerWeights, type LabelledSpan } from './tagger/perceptron.js';
import type { EntityMention, EntityType } from './types.js';

const COARSE: Record<Exclude<LabelledSpan['type'], 'MISC'>, EntityType> = { PER: 'person', ORG: 'organisation', LOC: 'place' };
/** Rule types finer than CoNLL's, kept over the tagger's coarse type. */
const FINE_TYPES: ReadonlySet<EntityType> = new Set(['outlet', 'equipment', 'military-unit']);
/** The CoNLL type each rule type falls under. */
const CONLL_OF: Record<EntityType, LabelledSpan['type']> = {
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
  const spans: Array<LabelledSpan & { toks: Tok[] }> = [];
  sentences.forEach((toks, s) => {
    const decoded = decodeSentence(weights, sentenceFeatures({ toks, rules: labels[s], capitalisedInDoc }));
    for (const span of spansOf(toks, decoded)) spans.push({ ...span, toks: toks.slice(span.from, span.to) });
  });
  return mergeMentions(spans, rules);
}

function mergeMentions(spans: Array<LabelledSpan & { toks: Tok[] }>, rules: EntityMention[]): EntityMention[] {
  const out: EntityMention[] = [];
  const used = new Set<EntityMention>();
  let r = 0;
  for (const span of spans) {
    while (r < rules.length && rules[r].end <= span.start) r++;
    const overlapping: EntityMention[] = [];
    for (let k = r; k < rules.length && rules[k].start < span.end; k++) overlapping.push(rules[k]);
    const same = overlapping.find((m) => m.start === span.start && m.end === span.end);
    // A finer rule reading of an overlapping name wins ("11th Guards Air Assault Brigade", "The War Zone").
    const fine = overlapping.find((m) => FINE_TYPES.has(m.type) && m.start <= span.start && m.end >= span.end);
    if (fine || (same && (FINE_TYPES.has(same.type) || CONLL_OF[same.type] === span.type))) {
      const keep = fine ?? same!;
      if (!used.has(keep)) out.push(keep);
      used.add(keep);
      for (const m of overlapping) used.add(m);
      continue;
    }
    for (const m of overlapping) used.add(m);
    // The tagger's nationality adjectives and events (MISC) add no mention the rules did not have.
    if (span.type === 'MISC') {
      if (same) out.push({ ...same, type: 'other' });
      continue;
    }
    const mention: EntityMention = { start: span.start, end: span.end, type: COARSE[span.type], key: same?.key ?? keyOf(span.toks) };
    if (same?.title) mention.title = same.title;
    out.push(mention);
  }
  // Names the tagger left out stay as untyped names, so later stages still see a capitalised phrase there.
  for (const m of rules) if (!used.has(m)) out.push(m.type === 'other' || FINE_TYPES.has(m.type) ? m : { ...m, type: 'other' });
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}
