/**
 * npm run eval:reuse — quality of text-reuse detection, measured on data read at run time:
 * 1. generated variants of FNC-1 training bodies (duplicate, copy with edits, shuffled paragraphs, junk added,
 *    partial quotation, paraphrased rewrite) among independent same-topic distractors: precision/recall per kind;
 * 2. the MSRP training pairs: the sentence rewrite signal's threshold picked on a train part, accuracy/F1 on a held-out part.
 * Usage: npx tsx scripts/eval-reuse.ts [--bodies FILE] [--stances FILE] [--msrp FILE] [--split dev|held-out|all]
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { makeArticle, type Article } from '../src/core/article.js';
import { detectReuse } from '../src/reuse/links.js';
import { sentenceTerms } from '../src/reuse/profile.js';
import { termJaccard } from '../src/reuse/sentence-align.js';
import { DERIVED_KINDS, type ReuseKind } from '../src/reuse/types.js';
import { rng } from './random.js';
import { parseCsv } from './csv.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const shared = path.resolve(here, '../../shared/data');

/** Data files of the evaluation (FNC-1 bodies and stances for the generated variants, the MSRP pairs). */
export interface ReuseData {
  bodies: string;
  stances: string;
  msrp: string;
}

/** Today's files beside the repo. */
export const DEFAULT_REUSE_DATA: ReuseData = {
  bodies: path.join(shared, 'fnc-1/train_bodies.csv'),
  stances: path.join(shared, 'fnc-1/train_stances.csv'),
  msrp: path.join(shared, 'msrp-news-paraphrase/msr_paraphrase_train.txt'),
};
/** Published reference for derived / partially derived / independent classification (METER corpus, 2002). */
const METER_F1 = 0.664;
/** Origins drawn from FNC-1 (each gets one planted variant) and same-topic distractors. */
const ORIGIN_COUNT = 180;
/** Share of planted pairs given publication dates (origin first), so date-based direction is exercised too. */
const DATED_SHARE = 1 / 3;
/** Share of edited copies that also get a junk line (the others are only edited and trimmed). */
const COPY_JUNK_SHARE = 0.5;
const DISTRACTORS_PER_TOPIC = 2;
/** Share of the MSRP training file used to choose the threshold; the rest is held out. */
const MSRP_TRAIN_SHARE = 0.7;

type Planted = { from: string; to: string; kind: ReuseKind; variant: string; sources: string[]; dated: boolean };

const JUNK = [
  'Subscribe to our newsletter for the latest updates.',
  'Share this article: Facebook | Twitter | Email',
  'Read more: Related stories from our partners',
  '(Visited 1,204 times, 3 visits today)',
  'Advertisement',
];
/** Small paraphrase table used to generate rewrites (word -> replacement). */
const SYNONYMS: Record<string, string> = {
  said: 'stated', says: 'states', told: 'informed', reported: 'disclosed', announced: 'revealed', large: 'big', small: 'little',
  people: 'individuals', after: 'following', before: 'prior to', about: 'around', also: 'additionally', new: 'fresh', many: 'numerous',
  police: 'officers', found: 'discovered', began: 'started', started: 'began', killed: 'slain', help: 'assist', show: 'display',
  shows: 'displays', showed: 'displayed', believe: 'think', believed: 'thought', according: 'per', however: 'yet', because: 'since',
  government: 'authorities', officials: 'authorities', report: 'account', claims: 'assertions', claim: 'assertion', video: 'footage',
  home: 'house', city: 'town', country: 'nation', group: 'team', man: 'male', woman: 'female', attack: 'assault', area: 'region',
  week: 'seven days', first: 'initial', last: 'final', made: 'produced', make: 'produce', took: 'grabbed', take: 'grab',
  saying: 'stating', seen: 'spotted', including: 'among them', while: 'whereas', during: 'throughout', still: 'yet',
  would: 'will', could: 'can', more: 'additional', very: 'highly', major: 'key', important: 'significant', news: 'reports',
};

/** Function-word swaps that break verbatim word runs as a human rewrite does. */
const FUNCTION_SWAPS: Record<string, string> = {
  the: 'this', a: 'one', in: 'within', on: 'upon', and: 'as well as', of: 'from', to: 'towards', for: 'regarding',
  with: 'alongside', is: 'remains', was: 'had been', are: 'remain', were: 'had been', has: 'had', have: 'had', that: 'which',
};

function paraphraseSentence(s: string, rand: () => number): string {
  // Clause rotation around the first comma, then word substitution and dropping of some adjectives/adverbs.
  let out = s;
  const comma = out.indexOf(', ');
  if (comma > 20 && comma < out.length - 20 && rand() < 0.5) {
    const head = out.slice(0, comma);
    const tail = out.slice(comma + 2).replace(/[.!?]+$/, '');
    out = `${tail.charAt(0).toUpperCase()}${tail.slice(1)}, ${head.charAt(0).toLowerCase()}${head.slice(1)}.`;
  }
  return out
    .split(/(\s+)/)
    .map((w) => {
      const key = w.toLowerCase().replace(/[^a-z]/g, '');
      if (SYNONYMS[key] && rand() < 0.9) return w.replace(new RegExp(key, 'i'), SYNONYMS[key]);
      if (/ly$/.test(key) && rand() < 0.7) return '';
      if (FUNCTION_SWAPS[key] && rand() < 0.6) return FUNCTION_SWAPS[key];
      return w;
    })
    .join('')
    .replace(/\s{2,}/g, ' ');
}

const splitSentencesPlain = (p: string) => p.match(/[^.!?]+[.!?]+["”’]?\s*|[^.!?]+$/g)?.map((s) => s.trim()).filter(Boolean) ?? [];

function makeVariant(kind: string, origin: string, other: string, rand: () => number): { text: string; expected: ReuseKind } {
  const paras = origin.split(/\n+/).map((p) => p.trim()).filter(Boolean);
  switch (kind) {
    case 'duplicate':
      return { text: paras.join('\n\n').replace(/ - /g, ' — '), expected: 'duplicate' };
    case 'copy-edits': {
      // Light edits in every fifth sentence of the text, the last paragraph cut, sometimes a junk line added.
      let k = 0;
      const edited = paras.slice(0, Math.max(1, paras.length - 1)).map((p) =>
        splitSentencesPlain(p).map((s) => (k++ % 5 === 2 ? paraphraseSentence(s, rand) : s)).join(' '),
      );
      const junk = rand() < COPY_JUNK_SHARE ? [JUNK[Math.floor(rand() * JUNK.length)]] : [];
      return { text: [...edited, ...junk].join('\n\n'), expected: 'copy' };
    }
    case 'shuffled': {
      // The same text with its paragraphs reordered: near-identical, so a duplicate.
      const shuffled = [...paras];
      for (let i = shuffled.length - 1; i > 0; i--) {
        const j = Math.floor(rand() * (i + 1));
        [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
      }
      return { text: shuffled.join('\n\n'), expected: 'duplicate' };
    }
    case 'junk':
      return { text: [JUNK[0], ...paras, ...JUNK.slice(1)].join('\n\n'), expected: 'copy' };
    case 'partial': {
      // Another body quoting one or two paragraphs of the origin.
      const own = other.split(/\n+/).map((p) => p.trim()).filter(Boolean);
      const quoted = paras.slice(0, Math.max(1, Math.min(2, Math.floor(paras.length / 3))));
      const at = Math.min(own.length, 2);
      return { text: [...own.slice(0, at), ...quoted, ...own.slice(at)].join('\n\n'), expected: 'partial' };
    }
    default: {
      // Rewrite: every sentence paraphrased (padding is measured on the seeds and the example corpus, not here).
      const out = paras.map((p) => splitSentencesPlain(p).map((s) => paraphraseSentence(s, rand)).join(' '));
      return { text: out.join('\n\n'), expected: 'rewrite' };
    }
  }
}

function wordGrams(text: string, n = 8): string[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const out: string[] = [];
  for (let i = 0; i + n <= words.length; i++) out.push(words.slice(i, i + n).join(' '));
  return out;
}

const VARIANTS = ['duplicate', 'copy-edits', 'shuffled', 'junk', 'partial', 'rewrite'];

function prf(tp: number, fp: number, fn: number): { p: number; r: number; f: number } {
  const p = tp + fp ? tp / (tp + fp) : 1;
  const r = tp + fn ? tp / (tp + fn) : 1;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
}

const fmt = (x: number) => x.toFixed(3);

/** Builds the generated corpus, runs detection, and returns report lines. `heldOut` uses the next topics instead (never looked at while tuning). */
function evalGenerated(heldOut = false, data: ReuseData = DEFAULT_REUSE_DATA): string[] {
  const bodiesCsv = readFileSync(data.bodies, 'utf8');
  const stancesCsv = readFileSync(data.stances, 'utf8');
  const bodies = new Map(parseCsv(bodiesCsv).slice(1).map((r) => [r[0], r[1]] as [string, string]));
  const topics = new Map<string, string[]>();
  for (const r of parseCsv(stancesCsv).slice(1)) {
    if (r[2] === 'unrelated' || !bodies.has(r[1])) continue;
    const list = topics.get(r[0]) ?? [];
    if (!list.includes(r[1])) list.push(r[1]);
    topics.set(r[0], list);
  }
  const rand = rng(20240601);
  const used = new Set<string>();
  const articles: Article[] = [];
  const planted: Planted[] = [];
  const fit = (id: string) => !used.has(id) && (bodies.get(id) ?? '').length > 1200 && (bodies.get(id) ?? '').split(/\n+/).filter((p) => p.trim()).length >= 4;
  let n = 0;
  // The held-out slice runs the same selection on past the development slice and keeps only what follows it.
  const first = heldOut ? ORIGIN_COUNT : 0;
  const dateRand = rng(20240602);
  const baseTime = Date.parse('2024-06-01T00:00:00Z');
  for (const [, ids] of [...topics].sort((a, b) => a[0].localeCompare(b[0]))) {
    if (n >= first + ORIGIN_COUNT) break;
    const usable = ids.filter(fit);
    if (usable.length < 2 + DISTRACTORS_PER_TOPIC) continue;
    const emit = n >= first;
    const variant = VARIANTS[n % VARIANTS.length];
    const [originId, ...others] = usable;
    // The body a partial quotation is written into must itself be independent of the origin (FNC holds near-copies).
    const originGrams = new Set(wordGrams(bodies.get(originId)!));
    const otherAt = variant === 'partial' ? Math.max(0, others.findIndex((id) => !wordGrams(bodies.get(id)!).some((g) => originGrams.has(g)))) : 0;
    const otherId = others[otherAt];
    const rest = others.filter((_, i) => i !== otherAt);
    const { text, expected } = makeVariant(variant, bodies.get(originId)!, bodies.get(otherId)!, rand);
    const o = `fnc-${originId}`;
    const d = `gen-${originId}-${variant}`;
    // Dates come from their own PRNG so that the texts are the same whether or not a pair is dated.
    const dated = dateRand() < DATED_SHARE;
    const originTime = baseTime + Math.floor(dateRand() * 30 * 24) * 3_600_000;
    const derivedTime = originTime + (1 + Math.floor(dateRand() * 48)) * 3_600_000;
    const meta = (t: number) => (dated ? { publishedAt: new Date(t).toISOString() } : {});
    if (emit) articles.push(makeArticle({ id: o, text: bodies.get(originId)!, meta: meta(originTime) }), makeArticle({ id: d, text, meta: meta(derivedTime) }));
    if (emit) planted.push({ from: d, to: o, kind: expected, variant, sources: variant === 'partial' ? [o, `fnc-${otherId}`] : [o], dated });
    used.add(originId);
    // The body a partial quotation was built on is also a (partial) source of the variant: not a distractor.
    if (variant === 'partial') used.add(otherId);
    else rest.unshift(otherId);
    // FNC bodies of one topic often copy each other: a distractor must share no 8-word run with the pair.
    const pairGrams = new Set([...wordGrams(bodies.get(originId)!), ...wordGrams(bodies.get(otherId)!)]);
    const independent = rest.filter((id) => !wordGrams(bodies.get(id)!).some((g) => pairGrams.has(g)));
    for (const id of independent.slice(0, DISTRACTORS_PER_TOPIC)) {
      if (emit) articles.push(makeArticle({ id: `fnc-${id}`, text: bodies.get(id)! }));
      used.add(id);
    }
    n++;
  }
  const t0 = performance.now();
  const { links, candidatePairs } = detectReuse(articles);
  const ms = performance.now() - t0;
  const key = (a: string, b: string) => [a, b].sort().join('|');
  const plantedByKey = new Map(planted.map((p) => [key(p.from, p.to), p]));
  // Links between two original FNC bodies are unlabelled (FNC holds some near-duplicate bodies): reported apart.
  // A variant of O inherits O's own (real) relations to other FNC bodies: those links are not judged either.
  const originOf = new Map(planted.map((p) => [p.from, p.sources]));
  const linked = new Set(links.map((l) => key(l.from, l.to)));
  const inherited = (l: { from: string; to: string }) =>
    [l.from, l.to].some((id, i) => {
      const other = i === 0 ? l.to : l.from;
      const sources = originOf.get(id) ?? [];
      // The planted origin is judged; the body a partial quotation was written into is the variant's other parent.
      return sources.some((origin, k) => (origin === other ? k > 0 : linked.has(key(origin, other))));
    });
  const judged = links.filter((l) => (l.from.startsWith('gen-') || l.to.startsWith('gen-')) && !inherited(l));
  const unlabelled = links.length - judged.length;
  const lines: string[] = [];
  if (process.env.REUSE_EVAL_DEBUG) {
    for (const l of judged.filter((l) => !plantedByKey.has(key(l.from, l.to))).slice(0, 12)) {
      lines.push(`FP ${l.from} -> ${l.to} ${l.kind} ${l.score} ${l.evidence.map((e) => e.detail).join(' | ').slice(0, 200)}`);
    }
  }
  if (process.env.REUSE_EVAL_DEBUG) {
    for (const p of planted) {
      const l = judged.find((x) => key(x.from, x.to) === key(p.from, p.to));
      if (l?.kind === p.kind && (l.direction === 'unknown' || l.from === p.from)) continue;
      lines.push(`MISS ${p.variant} ${p.from}: got ${l?.kind ?? 'none'} ${l?.direction ?? ''} ${l && l.from !== p.from ? 'REVERSED ' : ''}${l?.evidence.map((e) => e.detail).join(' | ').slice(0, 240) ?? ''}`);
    }
  }
  lines.push(`Generated variants: ${articles.length} articles (${planted.length} planted pairs, same-topic distractors), ${candidatePairs} candidate pairs, ${Math.round(ms)} ms`);
  lines.push('kind           planted  found  precision  recall  F1');
  const kinds: ReuseKind[] = ['duplicate', 'copy', 'partial', 'rewrite'];
  for (const kind of kinds) {
    const tp = judged.filter((l) => l.kind === kind && plantedByKey.get(key(l.from, l.to))?.kind === kind).length;
    const fp = judged.filter((l) => l.kind === kind).length - tp;
    const fn = planted.filter((p) => p.kind === kind).length - tp;
    const s = prf(tp, fp, fn);
    lines.push(`${kind.padEnd(14)} ${String(planted.filter((p) => p.kind === kind).length).padStart(7)} ${String(tp + fp).padStart(6)}  ${fmt(s.p).padStart(9)}  ${fmt(s.r).padStart(6)}  ${fmt(s.f)}`);
  }
  for (const variant of VARIANTS) {
    const rows = planted.filter((p) => p.variant === variant);
    const hit = rows.filter((p) => judged.some((l) => key(l.from, l.to) === key(p.from, p.to) && l.kind === p.kind)).length;
    const got = new Map<string, number>();
    for (const p of rows) {
      const k = judged.find((l) => key(l.from, l.to) === key(p.from, p.to))?.kind ?? 'none';
      got.set(k, (got.get(k) ?? 0) + 1);
    }
    lines.push(`  variant ${variant.padEnd(11)} recall with the right kind ${hit}/${rows.length}  (found as: ${[...got].map(([k, c]) => `${k} ${c}`).join(', ')})`);
  }
  // Derived vs independent (the METER task): any derived kind on a planted pair counts.
  const derivedLinks = judged.filter((l) => DERIVED_KINDS.includes(l.kind));
  const tp = derivedLinks.filter((l) => plantedByKey.has(key(l.from, l.to))).length;
  const s = prf(tp, derivedLinks.length - tp, planted.length - tp);
  lines.push(`derived vs independent: precision ${fmt(s.p)} recall ${fmt(s.r)} F1 ${fmt(s.f)}   (METER 2002 reference F1 ${METER_F1})`);
  for (const dated of [false, true]) {
    const found = derivedLinks.filter((l) => plantedByKey.get(key(l.from, l.to))?.dated === dated);
    const directed = found.filter((l) => l.direction !== 'unknown');
    const rightWay = directed.filter((l) => plantedByKey.get(key(l.from, l.to))!.from === l.from).length;
    const how = dated ? 'pairs with publication dates' : 'undated pairs (containment, junk and cue evidence only)';
    lines.push(`direction, ${how}: ${directed.length}/${found.length} found links directed, ${rightWay}/${directed.length} the right way`);
    for (const variant of VARIANTS) {
      const rows = found.filter((l) => plantedByKey.get(key(l.from, l.to))!.variant === variant);
      const dir = rows.filter((l) => l.direction !== 'unknown');
      const right = dir.filter((l) => plantedByKey.get(key(l.from, l.to))!.from === l.from).length;
      if (!dated && rows.length) lines.push(`  ${variant.padEnd(11)} ${dir.length}/${rows.length} directed, ${right} right`);
    }
  }
  lines.push(`links between two original FNC-1 bodies (unlabelled, not scored): ${unlabelled}; variant links inherited from their origin's own links (not scored): ${links.length - unlabelled - judged.length}`);
  return lines;
}

/** MSRP: threshold on the sentence signal chosen on a train part, scored on the held-out part. */
function evalMsrp(file = DEFAULT_REUSE_DATA.msrp): string[] {
  const rows = readFileSync(file, 'utf8')
    .replace(/^\uFEFF/, '')
    .split('\n')
    .slice(1)
    .map((l) => l.split('\t'))
    .filter((r) => r.length >= 5);
  const scored = rows.map((r) => ({ gold: r[0] === '1', sim: termJaccard(sentenceTerms(r[3]), sentenceTerms(r[4])) }));
  const cut = Math.floor(scored.length * MSRP_TRAIN_SHARE);
  const train = scored.slice(0, cut);
  const test = scored.slice(cut);
  const measure = (set: typeof scored, th: number) => {
    let tp = 0, fp = 0, fn = 0, correct = 0;
    for (const x of set) {
      const pred = x.sim >= th;
      if (pred === x.gold) correct++;
      if (pred && x.gold) tp++;
      else if (pred) fp++;
      else if (x.gold) fn++;
    }
    return { acc: correct / set.length, ...prf(tp, fp, fn) };
  };
  let best = { th: 0, acc: 0 };
  for (let th = 0.05; th <= 0.9; th += 0.01) {
    const m = measure(train, th);
    if (m.acc > best.acc) best = { th: Math.round(th * 100) / 100, acc: m.acc };
  }
  const held = measure(test, best.th);
  const majority = test.filter((x) => x.gold).length / test.length;
  const at35 = measure(test, 0.35);
  return [
    `MSRP (sentence rewrite signal, content-term Jaccard): ${train.length} train / ${test.length} held-out pairs`,
    `  threshold chosen on train: ${best.th} (train accuracy ${fmt(best.acc)})`,
    `  held-out: accuracy ${fmt(held.acc)}  F1 ${fmt(held.f)}  (precision ${fmt(held.p)}, recall ${fmt(held.r)}); majority class accuracy ${fmt(majority)}`,
    `  held-out at the pipeline's precision-leaning default 0.35: accuracy ${fmt(at35.acc)}  F1 ${fmt(at35.f)}  (precision ${fmt(at35.p)})`,
  ];
}

/** Which slices of the generated corpus to score: the development topics, the next (held-out) ones, or both. */
export type ReuseSplit = 'dev' | 'held-out' | 'all';

/** Runs both evaluations and returns the report lines. */
export async function evalReuse(data: ReuseData = DEFAULT_REUSE_DATA, split: ReuseSplit = 'all'): Promise<string[]> {
  const lines: string[] = [];
  if (split !== 'held-out') lines.push('Development slice:', ...evalGenerated(false, data), '');
  if (split !== 'dev') lines.push('Held-out slice (the next FNC-1 topics):', ...evalGenerated(true, data), '');
  return [...lines, ...evalMsrp(data.msrp)];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values: args } = parseArgs({
    options: {
      bodies: { type: 'string', default: DEFAULT_REUSE_DATA.bodies },
      stances: { type: 'string', default: DEFAULT_REUSE_DATA.stances },
      msrp: { type: 'string', default: DEFAULT_REUSE_DATA.msrp },
      split: { type: 'string', default: 'all' },
    },
  });
  if (!['dev', 'held-out', 'all'].includes(args.split)) {
    console.error(`eval:reuse: --split "${args.split}" is not dev, held-out or all`);
    process.exit(2);
  }
  for (const line of await evalReuse({ bodies: args.bodies, stances: args.stances, msrp: args.msrp }, args.split as ReuseSplit)) console.log(line);
}
