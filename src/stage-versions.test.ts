/**
 * Stored results are trusted while a stage's version is unchanged, so a change to what a stage outputs must come with
 * a version bump. This test pins a digest of each versioned stage's output on the example corpus beside its version:
 * when the output changes and the version does not, it fails and names the stage to bump.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeArticles, type AnalyzeResult } from './app/analyze.js';
import { extractInputs } from './app/ingest.js';
import { hashId, type Article } from './core/article.js';
import { DEFAULT_FACTORIES } from './stages.js';

/** Factory version and output digest on the example corpus, as last recorded (`PRINT_STAGE_DIGESTS=1` prints the current ones). */
const RECORDED: Record<string, [version: number, digest: string]> = {
  'segment/sentences': [1, '0df9d4825edcd389'],
  'claims/entities': [5, 'cd4c5811012040d0'],
  'claims/quantities': [3, '8508493279cf5e07'],
  'claims/dates': [4, '22c513386a228f9d'],
  'claims/modality': [1, 'c55757137440a9ae'],
  'claims/attributions': [6, 'a6b67ba941b45a66'],
  'claims/claims': [3, '3cb275ef60bca15f'],
  'reuse/links': [2, '69d2c8d5c7f19661'],
  'align/propositions': [3, 'd3c519e0a5e43889'],
};

const EXAMPLES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../examples/corpus');
let result: AnalyzeResult;

beforeAll(async () => {
  const articles: Article[] = [];
  for await (const item of extractInputs([EXAMPLES])) if (item.type === 'article') articles.push(item.article);
  result = await analyzeArticles(articles);
});

/** What a stage wrote: its declared layers and data in every article, its messages, and for alignment the propositions and timelines. */
function outputDigest(name: string, produces: readonly string[]): string {
  const parts: unknown[] = result.corpus.articles.map((a) => [
    produces.map((p) => {
      const [where, key] = p.split('.', 2);
      return where === 'layers' ? (a.layers as Record<string, unknown>)[key] : where === 'data' ? (a.data as Record<string, unknown>)[key] : null;
    }),
    a.messages.filter((m) => m.source === name),
  ]);
  if (name === 'align/propositions') parts.push(result.corpus.data.propositions, result.corpus.data.timelines);
  if (name === 'reuse/links') parts.push(result.corpus.data.links, result.corpus.data.origins);
  return hashId(JSON.stringify(parts), 16);
}

describe('stage versions', () => {
  it('every versioned stage whose output changed has a new version', () => {
    const stages = DEFAULT_FACTORIES.filter((f) => f.version !== undefined).map((f) => {
      const built = f.create(f.options.parse({}));
      return { name: f.name, version: f.version!, digest: outputDigest(f.name, built.produces) };
    });
    const current = Object.fromEntries(stages.map((s) => [s.name, [s.version, s.digest]]));
    if (process.env.PRINT_STAGE_DIGESTS) console.log(JSON.stringify(current));
    // A stage re-runs whenever one before it does, so a change flowing from an earlier, bumped stage needs no bump of its own.
    let bumped = false;
    for (const s of stages) {
      const [version, digest] = RECORDED[s.name] ?? [];
      if (version !== s.version) bumped = true;
      if (version === s.version && digest === s.digest) continue;
      const record = `record '${s.name}': [${s.version}, '${s.digest}']`;
      expect.fail(bumped ? `${record} in RECORDED` : `${s.name}'s output changed but no stage up to it has a new version: bump ${s.name}'s factory version (stored results would be kept otherwise), then ${record.replace(`[${s.version}`, `[${s.version + 1}`)}`);
    }
  });
});
