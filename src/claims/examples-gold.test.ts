import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Article } from '../core/article.js';
import { createPipeline, type Corpus } from '../core/pipeline.js';
import { Registry } from '../core/registry.js';
import { extractDocument } from '../extract/extract.js';
import { claimsFactories } from './index.js';
import type { ResolvedEntity } from './resolve-entities.js';
import type { Span } from '../core/span.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const EXAMPLES = path.resolve(HERE, '../../examples');

/** Floors a little under the measured scores (see docs/claims.md, "Example corpus"). */
const FLOOR = {
  quantityRecall: 0.95, // measured 38/38
  quantityExact: 0.9, // 37/38: vague "hundreds of millions" carries order-of-magnitude bounds, gold none
  quantityPrecision: 0.75, // 38/47 lower bound: the 9 extras in gold sentences are real figures gold does not list
  dateRecall: 0.95, // 20/20
  dateExact: 0.9, // 20/20
  hedgeRecall: 0.9, // 10/10
  hedgeKind: 0.9, // 10/10
  entityResolved: 0.9, // 31/32 (entities with an alias in cleaned text)
  entityTyped: 0.9, // 31/32
  aliasRecall: 0.9, // 132/137 alias occurrences
};

interface GoldQuantity { file: string; snippet: string; value: number; low: number | null; high: number | null; approx: string; unit: string | null }
interface GoldDate { file: string; snippet: string; from: string; to: string }
interface GoldHedge { file: string; snippet: string; kind: string }
interface GoldEntity { name: string; type: string; aliases: string[] }
interface Gold { quantities: GoldQuantity[]; dates: GoldDate[]; hedges: GoldHedge[]; entities: GoldEntity[] }

const gold = JSON.parse(readFileSync(path.join(EXAMPLES, 'expected.json'), 'utf8')) as Gold;

/** Finds every occurrence of `needle` in `text` as a whole-word match. */
function occurrences(text: string, needle: string): Span[] {
  const out: Span[] = [];
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
    const before = text[at - 1] ?? ' ';
    const after = text[at + needle.length] ?? ' ';
    if (/[\p{L}\p{N}]/u.test(before) || /[\p{L}\p{N}]/u.test(after)) continue;
    out.push({ start: at, end: at + needle.length });
  }
  return out;
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
const ratio = (n: number, d: number) => (d === 0 ? 1 : n / d);
const pct = (n: number, d: number) => `${n}/${d} (${(100 * ratio(n, d)).toFixed(0)}%)`;

let corpus: Corpus;
const byFile = new Map<string, Article>();

beforeAll(async () => {
  const files = readdirSync(path.join(EXAMPLES, 'corpus')).sort();
  expect(files.length).toBeGreaterThan(0);
  const articles = files.map((file) => {
    const body = readFileSync(path.join(EXAMPLES, 'corpus', file), 'utf8');
    const format = file.endsWith('.html') ? 'html' : 'text';
    return extractDocument({ input: file, path: file, format, body, fetchedAt: '2031-04-01T00:00:00Z' });
  });
  const registry = new Registry(claimsFactories);
  corpus = await createPipeline(registry.build(claimsFactories.map((f) => f.name))).run(articles);
  corpus.articles.forEach((article, i) => byFile.set(files[i], article));
});

function articleOf(file: string): Article {
  const article = byFile.get(file);
  if (!article) throw new Error(`example file ${file} listed in expected.json is missing from examples/corpus`);
  return article;
}

/** Gold spans located in an article's cleaned text; a snippet missing from the text is a failure of extraction, reported. */
function locate(file: string, snippet: string, misses: string[]): Span[] {
  const spans = occurrences(articleOf(file).text, snippet);
  if (!spans.length) misses.push(`${file}: "${snippet}" not in cleaned text`);
  return spans;
}

describe('claims: bundled example corpus against examples/expected.json', () => {
  it('quantities: finds the gold figures with their value, bounds, approximation and unit', () => {
    const notes: string[] = [];
    let found = 0;
    let exact = 0;
    const field = { value: 0, bounds: 0, approx: 0, unit: 0 };
    for (const g of gold.quantities) {
      const spans = locate(g.file, g.snippet, notes);
      const layer = articleOf(g.file).layers.quantity ?? [];
      const m = layer.find((q) => spans.some((s) => overlaps(q, s)));
      if (!m) {
        if (spans.length) notes.push(`${g.file}: missed "${g.snippet}"`);
        continue;
      }
      found++;
      const ok = {
        value: m.value === g.value,
        bounds: (m.low ?? null) === g.low && (m.high ?? null) === g.high,
        approx: m.approx === g.approx,
        unit: (m.unit ?? null) === g.unit,
      };
      for (const k of Object.keys(ok) as Array<keyof typeof ok>) if (ok[k]) field[k]++;
      if (Object.values(ok).every(Boolean)) exact++;
      else {
        const text = articleOf(g.file).text;
        notes.push(
          `${g.file}: "${g.snippet}" -> "${text.slice(m.start, m.end)}" value=${m.value} low=${m.low} high=${m.high} approx=${m.approx} unit=${m.unit}` +
            ` (gold ${g.value}/${g.low}/${g.high}/${g.approx}/${g.unit})`,
        );
      }
    }
    // Gold is not exhaustive, so precision is bounded from below: of the figures found in sentences that hold a gold
    // figure, the share that gold lists. The extras are printed for a reader to judge.
    let predictedNearGold = 0;
    let spurious = 0;
    for (const file of new Set(gold.quantities.map((g) => g.file))) {
      const article = articleOf(file);
      const goldSpans = gold.quantities.filter((g) => g.file === file).flatMap((g) => occurrences(article.text, g.snippet));
      const goldSentences = (article.layers.sentence ?? []).filter((s) => goldSpans.some((g) => overlaps(s, g)));
      for (const q of article.layers.quantity ?? []) {
        if (!goldSentences.some((s) => overlaps(s, q))) continue;
        predictedNearGold++;
        if (!goldSpans.some((g) => overlaps(g, q))) {
          spurious++;
          notes.push(`${file}: extra "${article.text.slice(q.start, q.end)}" value=${q.value} unit=${q.unit}`);
        }
      }
    }
    const n = gold.quantities.length;
    console.log(
      [
        'quantities (examples/expected.json)',
        `  recall (span overlaps)   ${pct(found, n)}`,
        `  all fields right         ${pct(exact, n)}`,
        `  value ${pct(field.value, found)}  bounds ${pct(field.bounds, found)}  approx ${pct(field.approx, found)}  unit ${pct(field.unit, found)}`,
        `  precision, lower bound (found in gold sentences and listed) ${pct(predictedNearGold - spurious, predictedNearGold)}`,
        ...notes.map((x) => `  - ${x}`),
      ].join('\n'),
    );
    expect(ratio(found, n)).toBeGreaterThanOrEqual(FLOOR.quantityRecall);
    expect(ratio(exact, n)).toBeGreaterThanOrEqual(FLOOR.quantityExact);
    expect(ratio(predictedNearGold - spurious, predictedNearGold)).toBeGreaterThanOrEqual(FLOOR.quantityPrecision);
  });

  it('dates: finds the gold dates and resolves them to the right day or year', () => {
    const notes: string[] = [];
    let found = 0;
    let exact = 0;
    for (const g of gold.dates) {
      const spans = locate(g.file, g.snippet, notes);
      const m = (articleOf(g.file).layers.date ?? []).find((d) => spans.some((s) => overlaps(d, s)));
      if (!m) {
        if (spans.length) notes.push(`${g.file}: missed "${g.snippet}"`);
        continue;
      }
      found++;
      if (m.from === g.from && m.to === g.to) exact++;
      else {
        const text = articleOf(g.file).text;
        notes.push(`${g.file}: "${g.snippet}" -> "${text.slice(m.start, m.end)}" ${m.from}..${m.to} (gold ${g.from}..${g.to})`);
      }
    }
    const n = gold.dates.length;
    console.log(
      ['dates (examples/expected.json)', `  recall ${pct(found, n)}`, `  from/to right ${pct(exact, n)}`, ...notes.map((x) => `  - ${x}`)].join('\n'),
    );
    expect(ratio(found, n)).toBeGreaterThanOrEqual(FLOOR.dateRecall);
    expect(ratio(exact, n)).toBeGreaterThanOrEqual(FLOOR.dateExact);
  });

  it('modality: finds the gold hedges, denials and non-confirmations with their kind', () => {
    const notes: string[] = [];
    let found = 0;
    let kind = 0;
    for (const g of gold.hedges) {
      const spans = locate(g.file, g.snippet, notes);
      const cues = (articleOf(g.file).layers.modality ?? []).filter((d) => spans.some((s) => overlaps(d, s)));
      if (!cues.length) {
        if (spans.length) notes.push(`${g.file}: missed "${g.snippet}"`);
        continue;
      }
      found++;
      if (cues.some((c) => c.kind === g.kind)) kind++;
      else notes.push(`${g.file}: "${g.snippet}" -> ${cues.map((c) => `${c.cue}:${c.kind}`).join(', ')} (gold ${g.kind})`);
    }
    const n = gold.hedges.length;
    console.log(
      ['modality (examples/expected.json)', `  recall ${pct(found, n)}`, `  kind right ${pct(kind, n)}`, ...notes.map((x) => `  - ${x}`)].join('\n'),
    );
    expect(ratio(found, n)).toBeGreaterThanOrEqual(FLOOR.hedgeRecall);
    expect(ratio(kind, n)).toBeGreaterThanOrEqual(FLOOR.hedgeKind);
  });

  it('entities: each gold entity resolves to one entity of its type whose mentions cover its aliases', () => {
    const notes: string[] = [];
    const entities: ResolvedEntity[] = corpus.data.entities ?? [];
    const fileOfId = new Map([...byFile].map(([file, a]) => [a.id, file]));
    let resolved = 0;
    let typed = 0;
    let aliasGold = 0;
    let aliasFound = 0;
    let merged = 0;
    let inText = 0;
    // Every place a gold alias occurs in the cleaned texts, of any gold entity.
    const places = gold.entities.flatMap((g) =>
      [...byFile.values()].flatMap((article) =>
        g.aliases.flatMap((alias) => occurrences(article.text, alias).map((span) => ({ entity: g, article: article.id, span, alias }))),
      ),
    );
    // An occurrence inside a longer one is part of that name ("Kolven" in "Dariusz Kolven", "Averly" in "Averly Polytechnic University").
    const inside = (p: (typeof places)[number]) =>
      places.some((o) => o.article === p.article && o.span.start <= p.span.start && p.span.end <= o.span.end && o.span.end - o.span.start > p.span.end - p.span.start);
    for (const g of gold.entities) {
      const outer = places.filter((p) => p.entity === g && !inside(p));
      if (!outer.length) {
        notes.push(`"${g.name}": no alias in any cleaned text (byline or metadata only); not scored`);
        continue;
      }
      inText++;
      aliasGold += outer.length;
      const hits = new Map<ResolvedEntity, number>();
      for (const p of outer) {
        const owner = entities.find((e) => e.mentions.some((m) => m.article === p.article && overlaps(m, p.span)));
        if (!owner) {
          notes.push(`"${g.name}": "${p.alias}" in ${fileOfId.get(p.article)} not a mention`);
          continue;
        }
        hits.set(owner, (hits.get(owner) ?? 0) + 1);
      }
      const ranked = [...hits].sort((a, b) => b[1] - a[1]);
      if (!ranked.length) continue;
      const [best, count] = ranked[0];
      aliasFound += count;
      if (ranked.length === 1) resolved++;
      else notes.push(`"${g.name}": split over ${ranked.map(([e, c]) => `${e.name}/${e.type}×${c}`).join(', ')}`);
      if (best.type === g.type) typed++;
      else notes.push(`"${g.name}": typed ${best.type} (gold ${g.type})`);
      // An entity that also holds another gold entity's aliases is an over-merge.
      const others = gold.entities.filter((o) => o !== g && o.aliases.some((a) => a === best.name || best.aliases.includes(a)));
      if (others.length) {
        merged++;
        notes.push(`"${g.name}": merged with ${others.map((o) => o.name).join(', ')}`);
      }
    }
    const n = inText;
    console.log(
      [
        'entities (examples/expected.json)',
        `  resolved to one entity   ${pct(resolved, n)}`,
        `  right type               ${pct(typed, n)}`,
        `  alias occurrences as mentions of it ${pct(aliasFound, aliasGold)}`,
        `  merged with another gold entity ${merged}`,
        ...notes.map((x) => `  - ${x}`),
      ].join('\n'),
    );
    expect(ratio(resolved, n)).toBeGreaterThanOrEqual(FLOOR.entityResolved);
    expect(ratio(typed, n)).toBeGreaterThanOrEqual(FLOOR.entityTyped);
    expect(ratio(aliasFound, aliasGold)).toBeGreaterThanOrEqual(FLOOR.aliasRecall);
    expect(merged).toBe(0);
  });
});
