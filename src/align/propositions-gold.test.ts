/**
 * Propositions against hand-written gold: the five real seed articles and the fictional example
 * corpus. Each gold proposition names its reports by a snippet of an article's text; the test finds
 * the claims there and checks they form one proposition with the status, values and origins expected.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeArticles } from '../app/analyze.js';
import { extractInputs } from '../app/ingest.js';
import type { Article } from '../core/article.js';
import type { ExportProposition } from '../report/export-schema.js';
import type { AnalysisRecord } from '../store/store.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SEEDS = path.resolve(HERE, '../../../shared/seeds');
const EXAMPLES = path.resolve(HERE, '../../examples');

/** A file and either a snippet of its text (fictional corpus) or offsets into the raw file with the span's sha1 (seeds: no seed text in the repo). */
type Report = [file: string, snippet: string | { start: number; end: number; sha1: string }];
interface GoldValue {
  reports: Report[];
  value?: number;
  low?: number;
  high?: number;
  approx?: string;
  origins?: number;
  unsupported?: boolean;
}
interface GoldProposition {
  what: string;
  status: ExportProposition['status'];
  origins?: number;
  values: GoldValue[];
  notIn?: Report[];
  change?: string;
}

interface Analysed {
  articles: Article[];
  analysis: AnalysisRecord;
}

async function analyse(dir: string): Promise<Analysed> {
  const articles: Article[] = [];
  for await (const item of extractInputs([dir])) if (item.type === 'article') articles.push(item.article);
  const { corpus, analysis } = await analyzeArticles(articles);
  return { articles: corpus.articles, analysis };
}

/** The claim ids at a snippet of a file (matched by file name prefix). */
function claimsAt(run: Analysed, [file, at0]: Report): string[] {
  const snippet = typeof at0 === 'string' ? at0 : seedSpan(file, at0);
  const article = run.articles.find((a) => path.basename(a.source.path ?? '').startsWith(file));
  if (!article) throw new Error(`no article for ${file}`);
  const at = article.text.indexOf(snippet);
  if (at < 0) throw new Error(`snippet “${snippet}” not in ${file}`);
  const ids = run.analysis.claims.filter((c) => c.article === article.id && c.start < at + snippet.length && at < c.end).map((c) => c.id);
  if (!ids.length) throw new Error(`no claim at “${snippet}” in ${file}`);
  return ids;
}

function seedSpan(file: string, at: { start: number; end: number; sha1: string }): string {
  const text = readFileSync(path.join(SEEDS, file), 'utf8').slice(at.start, at.end);
  expect(createHash('sha1').update(text).digest('hex'), `${file} changed at ${at.start}`).toBe(at.sha1);
  return text;
}

const label = (r: Report) => (typeof r[1] === 'string' ? r[1] : `${r[0]}@${r[1].start}`);

function propositionOf(run: Analysed, report: Report): ExportProposition | undefined {
  const ids = claimsAt(run, report);
  return run.analysis.propositions.find((p) => p.claims.some((c) => ids.includes(c)));
}

function checkGold(name: string, load: () => Analysed, gold: () => GoldProposition[]): void {
  describe(name, () => {
    it('has gold to check', () => expect(gold().length).toBeGreaterThan(5));
    for (const g of gold()) {
      it(g.what, () => {
        const run = load();
        const first = propositionOf(run, g.values[0].reports[0]);
        expect(first, `no proposition holds “${label(g.values[0].reports[0])}”`).toBeDefined();
        const p = first!;
        for (const v of g.values) {
          for (const report of v.reports) expect(propositionOf(run, report)?.id, `“${label(report)}” in ${report[0]}`).toBe(p.id);
          const ids = v.reports.flatMap((r) => claimsAt(run, r));
          const value = p.values.find((x) => x.claims.some((c) => ids.includes(c)))!;
          expect(value.claims.filter((c) => ids.includes(c)).length, `all of ${JSON.stringify(v.reports)} in one value`).toBe(
            p.values.flatMap((x) => x.claims).filter((c) => ids.includes(c)).length,
          );
          if (v.value !== undefined) expect(value.value, value.text).toBe(v.value);
          if (v.low !== undefined) expect([value.low, value.high]).toEqual([v.low, v.high]);
          if (v.approx !== undefined) expect(value.approx, value.text).toBe(v.approx);
          if (v.origins !== undefined) expect(value.origins, `origins of ${value.text}`).toBe(v.origins);
          if (v.unsupported !== undefined) expect(!!value.unsupported, `${value.text} unsupported`).toBe(v.unsupported);
        }
        expect(p.status, p.reasons.join(' | ')).toBe(g.status);
        if (g.origins !== undefined) expect(p.origins, p.label).toBe(g.origins);
        for (const report of g.notIn ?? []) expect(propositionOf(run, report)?.id, `“${label(report)}” kept apart`).not.toBe(p.id);
        if (g.change) expect(p.trajectory.map((t) => t.change)).toContain(g.change);
        expect(p.reasons.length).toBeGreaterThan(0);
      });
    }
  });
}

let seeds: Analysed;
let examples: Analysed;
const seedGold = JSON.parse(readFileSync(path.resolve(HERE, '../../test/fixtures/gold/propositions/seeds.json'), 'utf8')) as { propositions: GoldProposition[] };
const exampleGold = JSON.parse(readFileSync(path.join(EXAMPLES, 'expected.json'), 'utf8')) as { propositions: { propositions: GoldProposition[] } };

beforeAll(async () => {
  [seeds, examples] = await Promise.all([analyse(SEEDS), analyse(path.join(EXAMPLES, 'corpus'))]);
}, 60_000);

checkGold('propositions of the seed articles', () => seeds, () => seedGold.propositions);
checkGold('propositions of the example corpus', () => examples, () => exampleGold.propositions.propositions);

describe('propositions, whatever the corpus', () => {
  it('never mix stories, have unique ids, and always point at claims that exist', () => {
    for (const run of [seeds, examples]) {
      expect(new Set(run.analysis.propositions.map((p) => p.id)).size).toBe(run.analysis.propositions.length);
      const storyOf = new Map(run.analysis.stories.flatMap((s) => s.articles.map((a) => [a, s.id] as const)));
      const claims = new Map(run.analysis.claims.map((c) => [c.id, c]));
      for (const p of run.analysis.propositions) {
        for (const id of p.claims) {
          expect(claims.has(id)).toBe(true);
          expect(storyOf.get(claims.get(id)!.article)).toBe(p.story);
        }
        // Every claim is in exactly one value, and origins never exceed reports.
        expect(p.values.flatMap((v) => v.claims).sort()).toEqual([...p.claims].sort());
        for (const v of p.values) expect(v.origins).toBeLessThanOrEqual(v.claims.length);
      }
    }
  });

  it('list the story timeline in date order', () => {
    const story = examples.analysis.stories.find((s) => s.articles.length > 3)!;
    const dates = (story.timeline ?? []).map((t) => t.date);
    expect(dates.length).toBeGreaterThan(5);
    expect([...dates].sort()).toEqual(dates);
    expect(story.timeline!.some((t) => t.kind === 'figure' && t.text.includes('6,000'))).toBe(true);
  });
});
