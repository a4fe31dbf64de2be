/**
 * Stance of an article body towards a headline (agree / disagree / discuss / unrelated), read from
 * alignment signals: how much of the headline's content the body carries (idf-weighted), and, in the
 * body sentences closest to the headline, modality (hedges, denials, non-confirmation), negation,
 * attribution and figures or dates that compare equal or conflicting. The weights are learned by
 * `scripts/eval-stance.ts` on FNC-1 train and shipped in `stance-model.json`.
 */
import { makeArticle, type Article } from '../core/article.js';
import { createPipeline } from '../core/pipeline.js';
import { Registry } from '../core/registry.js';
import { claimsFactories } from '../claims/index.js';
import { NEGATION_EXCEPTIONS, NEGATION_PATTERN } from '../claims/claims-lexicon.js';
import type { ModalityKind } from '../claims/types.js';
import { tokenize } from '../nlp/wink.js';
import { compareDates, compareNumbers, type DateValue, type NumberValue, type Relation } from './values.js';
import { figureFeatures } from './features.js';
import { scopeKey } from './figures.js';
import shippedModel from './stance-model.json' with { type: 'json' };

export type Stance = 'agree' | 'disagree' | 'discuss' | 'unrelated';
export const STANCES: readonly Stance[] = ['agree', 'disagree', 'discuss', 'unrelated'];
export const RELATED_STANCES: readonly Stance[] = ['agree', 'disagree', 'discuss'];

/** Body sentences most related to the headline whose modality and polarity are read. */
export const FOCUS_SENTENCES = 3;
/** Leading sentences read as the body's lead. */
export const LEAD_SENTENCES = 3;
/** Probability of relatedness from which a body counts as speaking of the headline's claim. */
export const RELATED_MIN_PROBABILITY = 0.5;

/** What the stance reads of one sentence, kept small so analyses can be cached. */
export interface StanceSentence {
  /** Content lemmas, lowercased, in order. */
  terms: string[];
  modality: ModalityKind[];
  negated: boolean;
  attributed: boolean;
  question: boolean;
  /** Figures; `key` is the proposition key (counted thing and scope) when the figure is a claim's. */
  numbers: (NumberValue & { key?: string })[];
  dates: DateValue[];
}

/** A headline or body as the stance reads it. */
export interface StanceText {
  sentences: StanceSentence[];
  /** Normalised keys of the entities mentioned. */
  entities: string[];
}

/** A softmax-linear classifier over standardised features; `weights[c]` is [bias, ...per feature]. */
export interface LinearModel {
  classes: string[];
  features: string[];
  mean: number[];
  scale: number[];
  weights: number[][];
}

/** Everything a stance decision needs: idf statistics, the learned vocabulary and two classifiers. */
export interface StanceModel {
  version: 1;
  /** Inverse document frequency of body terms in the training part; `unseenIdf` for the rest. */
  idf: Record<string, number>;
  unseenIdf: number;
  /** Body words whose presence near the headline's content is a learned stance feature. */
  words: string[];
  related: LinearModel;
  stance: LinearModel;
  trainedOn?: string;
}

export interface StanceJudgement {
  stance: Stance;
  /** Probability that the body is about the headline's claim. */
  related: number;
  /** Probabilities of agree / disagree / discuss given that it is related. */
  given: Record<'agree' | 'disagree' | 'discuss', number>;
}

// Parts of speech that carry content; function words are left to POS rather than to a stop list.
const CONTENT_POS = new Set(['NOUN', 'PROPN', 'VERB', 'ADJ', 'NUM', 'ADV']);

/** Reads the layers the claims stages left on an article into a `StanceText`. */
export function stanceText(article: Article): StanceText {
  const { text, layers } = article;
  const spans = layers.sentence?.length ? layers.sentence : [{ start: 0, end: text.length }];
  const inside = (s: { start: number; end: number }, at: number) => at >= s.start && at < s.end;
  // Proposition keys of figure claims, by quantity index: two figures are compared only when they count the same thing in the same scope.
  const keys = new Map<number, string>();
  const claims = [...(layers.claim ?? [])];
  // A figure no claim holds (headlines are often not assembled into claims) is read within its sentence.
  (layers.quantity ?? []).forEach((q, i) => {
    const sentence = spans.find((s) => inside(s, q.start));
    if (sentence && !claims.some((c) => c.quantity === i)) claims.push({ id: `figure-${i}`, kind: 'quantity', start: sentence.start, end: sentence.end, quantity: i });
  });
  for (const claim of claims) {
    const f = claim.quantity === undefined ? undefined : figureFeatures(article, claim);
    if (f) keys.set(claim.quantity!, `${f.thing}|${scopeKey(f.scope)}`);
  }
  const sentences = spans.map((s): StanceSentence => {
    const slice = text.slice(s.start, s.end);
    const terms = tokenize(slice)
      .filter((t) => CONTENT_POS.has(t.pos) && /[\p{L}\p{N}]/u.test(t.value))
      .map((t) => (t.pos === 'PROPN' || t.pos === 'NUM' ? t.normal : t.lemma.toLowerCase()));
    return {
      terms,
      modality: (layers.modality ?? []).filter((m) => inside(s, m.start)).map((m) => m.kind),
      negated: NEGATION_PATTERN.test(slice.replace(NEGATION_EXCEPTIONS, ' ')),
      attributed: (layers.attribution ?? []).some((a) => inside(s, a.cue.start) || (a.content && a.content.start < s.end && s.start < a.content.end)),
      question: slice.trim().endsWith('?'),
      numbers: (layers.quantity ?? []).flatMap((q, i) =>
        inside(s, q.start) ? [{ kind: 'number' as const, value: q.value, low: q.low, high: q.high, approx: q.approx, unit: q.unit, key: keys.get(i) }] : [],
      ),
      dates: (layers.date ?? [])
        .filter((d) => inside(s, d.start) && d.resolved && d.from)
        .map((d) => ({ kind: 'date', from: d.from!, to: d.to ?? d.from!, grain: d.grain })),
    };
  });
  return { sentences, entities: [...new Set((layers.entity ?? []).map((e) => e.key))] };
}

// The claims stages whose layers `stanceText` reads (claims for the figures' proposition keys); cross-article resolution is not needed.
const STANCE_STAGES = ['segment/sentences', 'claims/entities', 'claims/quantities', 'claims/dates', 'claims/modality', 'claims/attributions', 'claims/claims'];
/** Texts analysed per pipeline run, so progress can be reported and memory stays flat. */
const BATCH_TEXTS = 50;

/** Runs the claims stages over texts and reads each into a `StanceText`; `onProgress(done, total)` after each batch. */
export async function analyzeStanceTexts(texts: readonly string[], onProgress?: (done: number, total: number) => void): Promise<StanceText[]> {
  const pipeline = createPipeline(new Registry(claimsFactories).build(STANCE_STAGES));
  const out: StanceText[] = [];
  for (let i = 0; i < texts.length; i += BATCH_TEXTS) {
    const batch = texts.slice(i, i + BATCH_TEXTS).map((text, j) => makeArticle({ id: `stance-${i + j}`, text, meta: { lang: 'en' } }));
    const corpus = await pipeline.run(batch);
    out.push(...corpus.articles.map(stanceText));
    onProgress?.(out.length, texts.length);
  }
  return out;
}

type Vector = Map<string, number>;

function weigh(terms: readonly string[], model: Pick<StanceModel, 'idf' | 'unseenIdf'>): Vector {
  const v: Vector = new Map();
  for (const t of terms) v.set(t, (v.get(t) ?? 0) + (model.idf[t] ?? model.unseenIdf));
  return v;
}

function cosine(a: Vector, b: Vector): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [t, x] of a) (na += x * x), (dot += x * (b.get(t) ?? 0));
  for (const x of b.values()) nb += x * x;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

/** Idf-weighted share of the headline's distinct terms found in `terms`. */
function coverage(head: Vector, terms: ReadonlySet<string>): number {
  let all = 0;
  let hit = 0;
  for (const [t, w] of head) (all += w), terms.has(t) && (hit += w);
  return all ? hit / all : 0;
}

function bigrams(terms: readonly string[]): string[] {
  return terms.slice(1).map((t, i) => `${terms[i]} ${t}`);
}

/** Best relation of any headline figure (or date) against the body's of the same unit: equal, compatible, conflict. */
function valueRelations(head: StanceText, body: readonly StanceSentence[]): Set<Relation> {
  const out = new Set<Relation>();
  const bodyNumbers = body.flatMap((s) => s.numbers);
  const bodyDates = body.flatMap((s) => s.dates);
  for (const s of head.sentences) {
    for (const n of s.numbers) {
      // The same proposition when both carry a key (counted thing and scope); the same unit otherwise.
      const rel = bodyNumbers.filter((b) => (n.key && b.key ? n.key === b.key : b.unit === n.unit)).map((b) => compareNumbers(n, b).relation);
      if (rel.length) out.add(rel.includes('equal') ? 'equal' : rel.includes('compatible') ? 'compatible' : 'conflict');
    }
    for (const d of s.dates) {
      const rel = bodyDates.map((b) => compareDates(d, b).relation);
      if (rel.length) out.add(rel.includes('equal') ? 'equal' : rel.includes('compatible') ? 'compatible' : 'conflict');
    }
  }
  return out;
}

/** Names of the relatedness features, in the order `relatednessFeatures` returns them. */
export const RELATED_FEATURES = [
  'cosine-body', 'cosine-best-sentence', 'cosine-lead', 'coverage-body', 'coverage-best-sentence', 'coverage-lead',
  'bigram-coverage', 'entity-coverage', 'headline-has-entity', 'shared-figure', 'body-sentences-log', 'coverage×cosine',
];

interface PairView {
  head: Vector;
  headTerms: string[];
  sentenceVectors: Vector[];
  /** Coverage of the headline by each body sentence. */
  sentenceCoverage: number[];
  body: Vector;
  bodyTerms: Set<string>;
}

interface BodyView {
  model: StanceModel;
  sentenceVectors: Vector[];
  sentenceTerms: Set<string>[];
  body: Vector;
  bodyTerms: Set<string>;
}

// One body meets many headlines; its vectors are computed once per model.
const bodyViews = new WeakMap<StanceText, BodyView>();

function bodyView(body: StanceText, model: StanceModel): BodyView {
  const known = bodyViews.get(body);
  if (known?.model === model) return known;
  const all = body.sentences.flatMap((s) => s.terms);
  const made = {
    model,
    sentenceVectors: body.sentences.map((s) => weigh(s.terms, model)),
    sentenceTerms: body.sentences.map((s) => new Set(s.terms)),
    body: weigh(all, model),
    bodyTerms: new Set(all),
  };
  bodyViews.set(body, made);
  return made;
}

function view(head: StanceText, body: StanceText, model: StanceModel): PairView {
  const headTerms = head.sentences.flatMap((s) => s.terms);
  const hv = weigh(headTerms, model);
  const b = bodyView(body, model);
  const sentenceCoverage = b.sentenceTerms.map((terms) => coverage(hv, terms));
  return { head: hv, headTerms, sentenceVectors: b.sentenceVectors, sentenceCoverage, body: b.body, bodyTerms: b.bodyTerms };
}

/** Is the body about the headline's claim? Lexical, entity and figure overlap. */
export function relatednessFeatures(head: StanceText, body: StanceText, model: StanceModel, v = view(head, body, model)): number[] {
  const lead = body.sentences.slice(0, LEAD_SENTENCES).flatMap((s) => s.terms);
  const cosBest = Math.max(0, ...v.sentenceVectors.map((s) => cosine(v.head, s)));
  const covBody = coverage(v.head, v.bodyTerms);
  const headBigrams = bigrams(v.headTerms);
  const bodyBigrams = new Set(body.sentences.flatMap((s) => bigrams(s.terms)));
  const bodyEntities = new Set(body.entities);
  const shared = valueRelations(head, body.sentences);
  return [
    cosine(v.head, v.body),
    cosBest,
    cosine(v.head, weigh(lead, model)),
    covBody,
    Math.max(0, ...v.sentenceCoverage),
    coverage(v.head, new Set(lead)),
    headBigrams.length ? headBigrams.filter((b) => bodyBigrams.has(b)).length / headBigrams.length : 0,
    head.entities.length ? head.entities.filter((e) => bodyEntities.has(e)).length / head.entities.length : 0,
    head.entities.length ? 1 : 0,
    shared.has('equal') || shared.has('compatible') ? 1 : 0,
    Math.log1p(body.sentences.length),
    covBody * cosBest,
  ];
}

const KINDS: readonly ModalityKind[] = ['hedge', 'denial', 'non-confirmation', 'unverified'];

/** Shares of sentences with each modality kind, negation and attribution. */
function profile(sentences: readonly StanceSentence[]): number[] {
  const n = sentences.length || 1;
  const share = (f: (s: StanceSentence) => boolean) => sentences.filter(f).length / n;
  return [...KINDS.map((k) => share((s) => s.modality.includes(k))), share((s) => s.negated), share((s) => s.attributed)];
}

const PROFILE = [...KINDS, 'negated', 'attributed'];

/** Names of the stance features (given relatedness), before the learned words. */
export const STANCE_FEATURES = [
  'coverage-body', 'coverage-best-sentence', 'cosine-body',
  ...PROFILE.map((p) => `focus-${p}`),
  ...PROFILE.map((p) => `body-${p}`),
  ...PROFILE.map((p) => `body-${p}-count-log`),
  ...PROFILE.map((p) => `best-sentence-${p}`),
  ...PROFILE.map((p) => `headline-${p}`),
  'headline-question', 'polarity-differs', 'figures-agree', 'figures-conflict',
];

/** The body sentences most related to the headline, best first. */
export function focusSentences(head: StanceText, body: StanceText, model: StanceModel, v = view(head, body, model)): number[] {
  return v.sentenceCoverage
    .map((c, i) => [c + cosine(v.head, v.sentenceVectors[i]), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1])
    .slice(0, FOCUS_SENTENCES)
    .map(([, i]) => i);
}

/** Body words that may carry stance: near the claim (focus sentences) and anywhere, minus the headline's own words (topic, not stance). */
export function stanceWords(
  head: StanceText,
  body: StanceText,
  model: StanceModel,
  v = view(head, body, model),
  focus = focusSentences(head, body, model, v).map((i) => body.sentences[i]),
): { near: Set<string>; anywhere: Set<string> } {
  const near = new Set(focus.flatMap((s) => s.terms));
  const anywhere = new Set(v.bodyTerms);
  for (const t of v.headTerms) near.delete(t), anywhere.delete(t);
  return { near, anywhere };
}

/** Agree, disagree or discuss: modality and polarity where the body speaks of the headline's claim, figures compared. */
export function stanceFeatures(head: StanceText, body: StanceText, model: StanceModel, v = view(head, body, model)): number[] {
  const focusIdx = focusSentences(head, body, model, v);
  const focus = focusIdx.map((i) => body.sentences[i]);
  const best = focus.slice(0, 1);
  const headNegated = head.sentences.some((s) => s.negated);
  const values = valueRelations(head, focus);
  const { near, anywhere } = stanceWords(head, body, model, v, focus);
  return [
    coverage(v.head, v.bodyTerms),
    Math.max(0, ...v.sentenceCoverage),
    cosine(v.head, v.body),
    ...profile(focus),
    ...profile(body.sentences),
    ...profile(body.sentences).map((x) => Math.log1p(x * body.sentences.length)),
    ...profile(best),
    ...profile(head.sentences).map((x) => (x > 0 ? 1 : 0)),
    head.sentences.some((s) => s.question) ? 1 : 0,
    best.length && best[0].negated !== headNegated ? 1 : 0,
    values.has('equal') || values.has('compatible') ? 1 : 0,
    values.has('conflict') && !values.has('equal') ? 1 : 0,
    ...model.words.map((w) => (near.has(w) ? 1 : 0)),
    ...model.words.map((w) => (anywhere.has(w) ? 1 : 0)),
  ];
}

/** Class probabilities of a linear model for one feature vector. */
export function predictLinear(model: LinearModel, x: readonly number[]): number[] {
  const z = model.weights.map((w) => w[0] + x.reduce((s, xi, i) => s + w[i + 1] * ((xi - model.mean[i]) / model.scale[i]), 0));
  const top = Math.max(...z);
  const e = z.map((zi) => Math.exp(zi - top));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((ei) => ei / sum);
}

/** The model shipped with the library (trained on the training part of FNC-1 train). */
export const DEFAULT_STANCE_MODEL = shippedModel as StanceModel;

/**
 * Stance of a body towards a headline, both already analysed with `analyzeStanceTexts`.
 * @example judgeStance(headline, body).stance // 'disagree' when the body denies what the headline claims
 */
export function judgeStance(head: StanceText, body: StanceText, model: StanceModel = DEFAULT_STANCE_MODEL): StanceJudgement {
  const v = view(head, body, model);
  const related = predictLinear(model.related, relatednessFeatures(head, body, model, v))[model.related.classes.indexOf('related')];
  const p = predictLinear(model.stance, stanceFeatures(head, body, model, v));
  const given = Object.fromEntries(model.stance.classes.map((c, i) => [c, p[i]])) as StanceJudgement['given'];
  const top = model.stance.classes[p.indexOf(Math.max(...p))] as Stance;
  return { stance: related >= RELATED_MIN_PROBABILITY ? top : 'unrelated', related, given };
}

/** Analyses a headline and a body and returns the body's stance towards the headline. */
export async function stanceOf(headline: string, body: string, model: StanceModel = DEFAULT_STANCE_MODEL): Promise<StanceJudgement> {
  const [h, b] = await analyzeStanceTexts([headline, body]);
  return judgeStance(h, b, model);
}
