/**
 * Figures with their speakers on PolNeAR (issue 12): is each figure in a news article given the speaker the annotators
 * gave the statement it sits in? `npm run eval:figures -- [--split train|dev] [--dir ROOT] [--file X.ann] [--misses N]`.
 * Tune on train, report dev. The data options are those of eval-attribution.ts (one annotation per article).
 *
 * Figures: every quantity our quantity finder reports, and every other run of digits a plain regex finds outside a
 * date our date finder reports (a year is a date, not a figure). Gold: a figure inside the Content span of an
 * attribution relation with a Source has that Source as its speaker (the innermost such content when several nest:
 * "X said Y reported 5 deaths" is Y's figure, as the claims export names the cited source); a figure inside a Source or
 * Cue span is part of who speaks and is not scored; a figure in the content of a relation without a source is counted
 * apart; every other figure has no speaker. Ours: the speaker the claims export shows for the claim the figure is in
 * (the cited source of a chain; a pronoun or role resolved to its name). Right when our speaker, as written or
 * resolved, overlaps the gold source, or when both name the same person: the gold source's name (for a gold pronoun,
 * the nearest gold source before it that has a name) ends in a capitalised word our speaker's name also has
 * ("Clinton" for "Hillary Clinton" named two paragraphs up), or the gold source is a relative pronoun and ours is the
 * phrase right before it ("Clinton, who announced …": PolNeAR's source is "who", ours "Clinton").
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { makeArticle, type Article } from '../src/core/article.js';
import { createPipeline } from '../src/core/pipeline.js';
import { overlaps, type Span } from '../src/core/span.js';
import { speakerSpan } from '../src/claims/export.js';
import { claimsFactories } from '../src/claims/index.js';
import type { AttributionMention, Claim, DateMention, QuantityMention } from '../src/claims/types.js';
import { POLNEAR_DIR, filePairs, splitPairs, type Pair } from './eval-attribution.js';

/** One attribution relation of a brat file: its source, cue and content pieces (discontinuous spans keep theirs). */
export interface GoldRelation {
  source?: Span[];
  cue?: Span[];
  content?: Span[];
}

/** Reads the relations (`E` lines) of a brat `.ann` file with the text-bound spans they name. */
export function parseRelations(ann: string): GoldRelation[] {
  const spans = new Map<string, Span[]>();
  const relations: GoldRelation[] = [];
  const lines = ann.split('\n');
  for (const line of lines) {
    const m = /^(T\d+)\t\S+ ([\d ;]+)\t/.exec(line);
    if (!m) continue;
    spans.set(m[1], m[2].split(';').map((p) => {
      const [start, end] = p.trim().split(' ').map(Number);
      return { start, end };
    }));
  }
  for (const line of lines) {
    if (!/^E\d+\t/.test(line)) continue;
    const relation: GoldRelation = {};
    for (const [, role, id] of line.split('\t')[1].matchAll(/(\w+)(?:-[\w-]+)?:(T\d+)/g)) {
      if (role === 'Source' || role === 'Cue' || role === 'Content') relation[role.toLowerCase() as keyof GoldRelation] = spans.get(id);
    }
    relations.push(relation);
  }
  return relations;
}

/** What the gold says of a figure. */
export type GoldKind = 'attributed' | 'unattributed' | 'sourceless' | 'speaker-part';

/** One scored figure. */
export interface FigureOutcome {
  figure: Span;
  gold: GoldKind;
  goldSource?: Span[];
  /** Our speaker as written and as resolved (the same span when nothing was resolved). */
  ours?: { written: Span; resolved: Span };
  right: boolean;
  /** For a wrong figure: how it went wrong (see `failureKind`). */
  failure?: string;
}

interface Layers {
  sentence?: Span[];
  quantity?: QuantityMention[];
  date?: DateMention[];
  claim?: Claim[];
  attribution?: AttributionMention[];
}

const DIGITS = /\d(?:[\d,.]*\d)?/g;
const PRONOUNS = new Set(['he', 'she', 'him', 'her', 'his', 'they', 'we', 'i', 'it']);

/** The figures of an analysed article: its quantities, then plain digit runs outside them and outside dates. */
export function figureMentions(article: Article): { span: Span; quantity?: number }[] {
  const layers = article.layers as Layers;
  const figures: { span: Span; quantity?: number }[] = (layers.quantity ?? []).map((q, i) => ({ span: { start: q.start, end: q.end }, quantity: i }));
  const taken = [...figures.map((f) => f.span), ...(layers.date ?? [])];
  for (const m of article.text.matchAll(DIGITS)) {
    const span = { start: m.index, end: m.index + m[0].length };
    if (!taken.some((t) => overlaps(t, span))) figures.push({ span });
  }
  return figures.sort((a, b) => a.span.start - b.span.start);
}

const within = (inner: Span, outer: Span[]) => outer.some((o) => o.start <= inner.start && inner.end <= o.end);
const touches = (inner: Span, outer: Span[] | undefined) => !!outer?.some((o) => overlaps(o, inner));
const extent = (pieces: Span[]) => pieces.reduce((n, p) => n + p.end - p.start, 0);

/** The gold reading of one figure: its speaker's source span, or why it has none. */
export function goldFor(figure: Span, relations: GoldRelation[]): { kind: GoldKind; source?: Span[] } {
  const containing = relations.filter((r) => r.content && within(figure, r.content));
  const sourced = containing.filter((r) => r.source).sort((a, b) => extent(a.content!) - extent(b.content!));
  if (sourced.length) return { kind: 'attributed', source: sourced[0].source };
  if (relations.some((r) => touches(figure, r.source) || touches(figure, r.cue))) return { kind: 'speaker-part' };
  return { kind: containing.length ? 'sourceless' : 'unattributed' };
}

/** The claim the figure is reported in: the one made for its quantity, else the one around it. */
function claimOf(layers: Layers, figure: { span: Span; quantity?: number }): Claim | undefined {
  const claims = layers.claim ?? [];
  return (figure.quantity !== undefined ? claims.find((c) => c.quantity === figure.quantity) : undefined) ?? claims.find((c) => c.start <= figure.span.start && figure.span.end <= c.end);
}

/** Our speaker of a claim as the claims export shows it: the cited source of a chain, a pronoun or role resolved. */
function ourSpeaker(article: Article, claim: Claim | undefined): { written: Span; resolved: Span; index: number } | undefined {
  const list = (article.layers as Layers).attribution ?? [];
  if (claim?.attribution === undefined) return undefined;
  const index = list[claim.attribution].citing ?? claim.attribution;
  const written = list[index]?.speaker;
  const resolved = speakerSpan(article, index);
  return written && resolved ? { written, resolved, index } : undefined;
}

/** The capitalised words of a phrase, possessives stripped. */
function capitalised(phrase: string): string[] {
  return [...phrase.matchAll(/\p{Lu}[\p{L}'’-]*/gu)].map((m) => m[0].replace(/['’]s$/, ''));
}

/** The name a gold source gives: its own words, or for a pronoun the nearest earlier gold source with a name. */
function goldName(text: string, source: Span[], relations: GoldRelation[]): string | undefined {
  const own = source.map((s) => text.slice(s.start, s.end)).join(' ').trim();
  if (!PRONOUNS.has(own.toLowerCase())) return own;
  const earlier = relations
    .flatMap((r) => r.source ?? [])
    .filter((s) => s.end <= source[0].start && capitalised(text.slice(s.start, s.end)).some((w) => !PRONOUNS.has(w.toLowerCase())))
    .sort((a, b) => b.start - a.start)[0];
  return earlier ? text.slice(earlier.start, earlier.end) : undefined;
}

/**
 * PolNeAR takes a relative pronoun as the source ("Clinton, who announced …"), where we name its antecedent on purpose:
 * ours is right when it ends right before the pronoun, a comma at most between them.
 */
function isAntecedent(text: string, ours: Span, source: Span[]): boolean {
  const pronoun = source[0];
  if (!/^(?:who|which|that)$/i.test(text.slice(pronoun.start, pronoun.end).trim())) return false;
  return ours.end <= pronoun.start && /^\s*,?\s*$/.test(text.slice(ours.end, pronoun.start));
}

/** Both name the same person: the gold name's last capitalised word is one of ours ("Hillary Clinton" / "Clinton"). */
function samePerson(gold: string | undefined, ours: string): boolean {
  const last = gold ? capitalised(gold).filter((w) => !/^(?:The|A|An)$/.test(w)).pop() : undefined;
  return !!last && capitalised(ours).includes(last);
}

function sentenceAt(layers: Layers, at: number): Span | undefined {
  return (layers.sentence ?? []).find((s) => s.start <= at && at < s.end);
}

/**
 * How a figure went wrong, by where the gold source is said: `no claim` (the figure is in a headline or fragment),
 * `none, source in sentence|earlier|later` (we give no speaker), `other speaker, …` (we give someone else), and for
 * a figure the gold leaves unattributed, `false, cue in sentence|carried` (a report in its sentence, or carried over
 * from an earlier sentence).
 */
function failureKind(article: Article, figure: Span, gold: GoldKind, source: Span[] | undefined, claim: Claim | undefined, ours: { index: number } | undefined): string {
  const layers = article.layers as Layers;
  const sentence = sentenceAt(layers, figure.start) ?? figure;
  if (gold === 'unattributed') {
    const cue = layers.attribution![claim!.attribution!].cue;
    return `false, ${overlaps(cue, sentence) ? 'cue in sentence' : 'carried'}`;
  }
  if (!claim) return 'no claim';
  const where = !source ? 'in sentence' : source[0].end <= sentence.start ? 'earlier' : source[0].start >= sentence.end ? 'later' : 'in sentence';
  return `${ours ? 'other speaker' : 'none'}, source ${where}`;
}

/** Scores every figure of one analysed article against the article's brat relations. */
export function scoreArticleFigures(article: Article, relations: GoldRelation[]): FigureOutcome[] {
  const layers = article.layers as Layers;
  const text = article.text;
  return figureMentions(article).map((f) => {
    const gold = goldFor(f.span, relations);
    const claim = claimOf(layers, f);
    const ours = ourSpeaker(article, claim);
    const outcome: FigureOutcome = { figure: f.span, gold: gold.kind, right: false };
    if (gold.source) outcome.goldSource = gold.source;
    if (ours) outcome.ours = { written: ours.written, resolved: ours.resolved };
    if (gold.kind === 'attributed') {
      const said = ours && [ours.written, ours.resolved].some((s) => touches(s, gold.source) || isAntecedent(text, s, gold.source!));
      outcome.right = !!ours && (said || samePerson(goldName(text, gold.source!, relations), text.slice(ours.resolved.start, ours.resolved.end)));
    } else outcome.right = !ours;
    if (!outcome.right && gold.kind !== 'speaker-part' && gold.kind !== 'sourceless') outcome.failure = failureKind(article, f.span, gold.kind, gold.source, claim, ours);
    return outcome;
  });
}

/** Runs the claims stages over article texts (in this thread: the eval shares the machine). */
export async function analyseTexts(texts: { id: string; text: string }[]): Promise<Article[]> {
  const pipeline = createPipeline(claimsFactories.map((f) => f.create(f.options.parse({}))));
  const corpus = await pipeline.run(texts.map((t) => makeArticle({ id: t.id, text: t.text })), { workers: 1 });
  return corpus.articles;
}

export interface FigureScores {
  label: string;
  articles: number;
  seconds: number;
  /** Figures the gold gives a speaker, and how many of them we give that speaker. */
  attributed: { right: number; total: number };
  /** Figures the gold gives no speaker, and how many of them we give one (false attributions). */
  unattributed: { falseAttributions: number; total: number };
  /** Figures in the content of a relation without a source, and figures inside a source or cue (not scored). */
  sourceless: number;
  speakerPart: number;
  failures: Map<string, number>;
  /** Up to `misses` wrong figures with their context, for tuning on train. */
  examples: string[];
}

export interface EvalFiguresOptions {
  split?: string;
  dir?: string;
  /** Score these text/annotation pairs instead of a split. */
  pairs?: Pair[];
  misses?: number;
}

/** Scores figures with their speakers on one PolNeAR split (dev by default). */
export async function scoreFigures(options: EvalFiguresOptions = {}): Promise<FigureScores> {
  const split = options.split ?? 'dev';
  const pairs = options.pairs ?? splitPairs(options.dir ?? POLNEAR_DIR, split);
  const started = Date.now();
  const scores: FigureScores = {
    label: options.pairs ? `${pairs.length} file(s)` : `PolNeAR ${split}`,
    articles: 0,
    seconds: 0,
    attributed: { right: 0, total: 0 },
    unattributed: { falseAttributions: 0, total: 0 },
    sourceless: 0,
    speakerPart: 0,
    failures: new Map(),
    examples: [],
  };
  // Batches keep memory flat on train (840 articles) without giving up the pipeline's per-batch set-up.
  const BATCH = 50;
  for (let b = 0; b < pairs.length; b += BATCH) {
    const batch = pairs.slice(b, b + BATCH);
    const articles = await analyseTexts(batch.map((p) => ({ id: p.textPath, text: readFileSync(p.textPath, 'utf8') })));
    articles.forEach((article, k) => {
      const relations = parseRelations(readFileSync(batch[k].annPath, 'utf8'));
      for (const o of scoreArticleFigures(article, relations)) {
        if (o.gold === 'attributed') {
          scores.attributed.total++;
          if (o.right) scores.attributed.right++;
        } else if (o.gold === 'unattributed') {
          scores.unattributed.total++;
          if (!o.right) scores.unattributed.falseAttributions++;
        } else if (o.gold === 'sourceless') scores.sourceless++;
        else scores.speakerPart++;
        if (!o.failure) continue;
        scores.failures.set(o.failure, (scores.failures.get(o.failure) ?? 0) + 1);
        if (options.misses && scores.examples.length < options.misses) scores.examples.push(describeMiss(article, o));
      }
      scores.articles++;
    });
  }
  scores.seconds = (Date.now() - started) / 1000;
  return scores;
}

function describeMiss(article: Article, o: FigureOutcome): string {
  const text = article.text;
  const sentence = sentenceAt(article.layers as Layers, o.figure.start) ?? o.figure;
  const say = (s: Span | undefined) => (s ? JSON.stringify(text.slice(s.start, s.end)) : '—');
  const gold = o.goldSource ? o.goldSource.map((s) => say(s)).join(' … ') : '—';
  const ours = o.ours ? `${say(o.ours.written)}${o.ours.resolved.start !== o.ours.written.start ? ` → ${say(o.ours.resolved)}` : ''}` : '—';
  const body = text.slice(sentence.start, sentence.end).replace(/\s+/g, ' ');
  return `  [${o.failure}] ${say(o.figure)} gold ${gold} ours ${ours} · ${path.basename(article.id)} · ${body.length > 220 ? `${body.slice(0, 220)}…` : body}`;
}

const pct = (n: number, d: number) => (d ? ((100 * n) / d).toFixed(1) : '–');

/** Scores one split and returns printable lines. */
export async function evalFigures(options: EvalFiguresOptions = {}): Promise<string[]> {
  const s = await scoreFigures(options);
  const failures = [...s.failures].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${n} ${k}`).join(' · ');
  return [
    `figures with their speakers (${s.label}, ${s.articles} articles, ${s.seconds.toFixed(1)} s)`,
    `  attributed figures with the right speaker: ${s.attributed.right}/${s.attributed.total} (${pct(s.attributed.right, s.attributed.total)} %)`,
    `  unattributed figures given a speaker (false attributions): ${s.unattributed.falseAttributions}/${s.unattributed.total} (${pct(s.unattributed.falseAttributions, s.unattributed.total)} %)`,
    `  not scored: ${s.sourceless} in a report without a source, ${s.speakerPart} inside a source or cue`,
    `  wrong by kind: ${failures || 'none'}`,
    ...s.examples,
  ];
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { split: { type: 'string', default: 'dev' }, dir: { type: 'string' }, file: { type: 'string', multiple: true }, misses: { type: 'string' } } });
  const misses = values.misses === undefined ? undefined : Number(values.misses);
  if (misses !== undefined && !(Number.isInteger(misses) && misses > 0)) throw new Error(`--misses must be a positive whole number, not "${values.misses}"`);
  const pairs = values.file?.length ? filePairs(values.file) : undefined;
  console.log((await evalFigures({ split: values.split, dir: values.dir, pairs, misses })).join('\n'));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(`eval-figures: ${(error as Error)?.message ?? String(error)}`);
    process.exitCode = 1;
  });
}
