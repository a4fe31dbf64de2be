import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { makeArticle } from '../core/article.js';
import { createPipeline } from '../core/pipeline.js';
import { ClaimSchema, EntitySchema } from '../report/export-schema.js';
import { exportClaims, exportEntities, renderClaimsSummary } from './export.js';
import { claimsFactories } from './index.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SEEDS = path.resolve(HERE, '../../../shared/seeds');

async function runText(text: string, id = 'a1') {
  const pipeline = createPipeline(claimsFactories.map((f) => f.create(f.options.parse({}))));
  return pipeline.run([makeArticle({ id, text, meta: { publishedAt: '2024-10-22', title: 'Test' } })]);
}

describe('export: claims and entities follow the export contract', () => {
  it('export: every claim and entity of a seed parses with ClaimSchema / EntitySchema', async () => {
    const text = readFileSync(path.join(SEEDS, '004_17f1a6c54d4db435.txt'), 'utf8');
    const corpus = await runText(text);
    const claims = exportClaims(corpus);
    expect(claims.length).toBeGreaterThan(5);
    for (const c of claims) {
      expect(() => ClaimSchema.strict().parse(c)).not.toThrow();
      expect(c.text).toBe(text.slice(c.start, c.end));
    }
    for (const e of exportEntities(corpus)) expect(() => EntitySchema.strict().parse(e)).not.toThrow();
    expect(claims.some((c) => c.attribution?.via && c.attribution.anonymous)).toBe(true);
  });

  it('export: a chain names the cited source as speaker and the outlet as channel', async () => {
    const corpus = await runText('The newspaper reported, citing sources in the navy, that four ships had sunk near Sevastopol on Monday.');
    const [claim] = exportClaims(corpus);
    expect(claim.attribution).toEqual({ speaker: 'sources in the navy', cue: 'reported', via: 'The newspaper', anonymous: true });
  });

  it('export: "he added" names the earlier speaker', async () => {
    const corpus = await runText('Defense Minister Ana Ruiz said the border was calm. “We are ready,” he added.');
    const claims = exportClaims(corpus);
    expect(claims[1].attribution?.speaker).toBe('Defense Minister Ana Ruiz');
  });

  it('export: the terminal summary lists counts by kind and each figure with its source', async () => {
    const corpus = await runText('The navy lost nearly 400 sailors in the storm, a navy spokesman told Reuters.');
    const summary = renderClaimsSummary(corpus);
    expect(summary).toMatch(/^Test: 1 quantity/);
    expect(summary).toMatch(/400 sailor \(nearly\) — a navy spokesman via Reuters/);
  });
});
