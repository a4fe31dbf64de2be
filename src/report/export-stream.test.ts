import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeStore, analyzeStoreInMemory } from '../app/analyze.js';
import { ingestInto } from '../app/ingest.js';
import { openStore } from '../store/index.js';
import type { Store } from '../store/store.js';
import { pagedExport } from './export-stream.js';
import { jsonPieces, jsonPiecesPaged } from './json-pieces.js';
import { buildExport } from './json.js';

const EXAMPLES = resolve(import.meta.dirname, '../../examples/corpus');
const SEEDS = resolve(import.meta.dirname, '../../../shared/seeds');
const AT = '2031-03-20T00:00:00.000Z';

async function paged(store: Store, pageRows?: number): Promise<string> {
  let out = '';
  for await (const piece of jsonPiecesPaged(await pagedExport(store, AT, pageRows))) out += piece;
  return out;
}

describe('the JSON export read from the store a page at a time', () => {
  it.each([
    ['the example corpus, analysed story by story', EXAMPLES, analyzeStore],
    ['the seeds, analysed whole in memory', SEEDS, analyzeStoreInMemory],
  ])('is byte for byte the export of the whole stored analysis: %s', async (_, dir, analyze) => {
    const store = await openStore(':memory:');
    await ingestInto(store, [dir]);
    await analyze(store);
    const whole = [...jsonPieces(buildExport(await store.listArticles({ layers: false }), await store.loadAnalysis(), AT))].join('');
    expect(JSON.parse(whole).claims.length).toBeGreaterThan(10);
    expect(JSON.parse(whole).propositions.length).toBeGreaterThan(3);
    for (const pageRows of [1, 2, 3, undefined]) expect(await paged(store, pageRows)).toBe(whole);
    await store.close();
  }, 120_000);
});
