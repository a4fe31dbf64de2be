/**
 * The two taggers' decoding alone (attribution tagger, entity tagger with its merge), two builds alternating in one
 * process, CPU time, on sentences prepared once: `tsx scripts/compare-tagger-decoding.ts BEFORE/dist AFTER/dist [N]
 * [fnc|bench]`. Far less noisy than the whole pipeline for a change to the decoding; the same texts are decoded every
 * round, so it measures warm caches (compare-claims-builds.ts measures new texts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseCsv } from './csv.js';

const [beforeDir, afterDir, countArg, source = 'fnc'] = process.argv.slice(2);
if (!beforeDir || !afterDir) {
  console.error('usage: tsx scripts/compare-tagger-decoding.ts BEFORE/dist AFTER/dist [N] [fnc|bench]');
  process.exit(2);
}
const count = Number(countArg ?? 200);
const ROUNDS = 10;
const root = resolve(import.meta.dirname, '..');

function texts(): string[] {
  if (source === 'fnc') return parseCsv(readFileSync(join(root, '../shared/data/fnc-1/train_bodies.csv'), 'utf8')).slice(1, count + 1).map((r) => r[1]);
  const base = readdirSync(join(root, '../shared/seeds')).map((f) => readFileSync(join(root, '../shared/seeds', f), 'utf8'));
  return Array.from({ length: count }, (_, i) => `${base[i % base.length]}\n\nCopy ${i} ends here.`);
}

/** One build's two decoders over the prepared inputs, and their labels (compared between the builds). */
async function load(dir: string, list: string[]) {
  const from = (p: string) => import(join(resolve(dir), p));
  const { makeArticle } = await from('core/article.js');
  const { segmentSentences } = await from('segment/sentences.js');
  const { prepareAttributions, ruleDrafts } = await from('claims/attributions.js');
  const { taggerInputs } = await from('claims/attribution-model/combine.js');
  const { attributionWeights, decodeSentence } = await from('claims/attribution-model/tagger.js');
  const { sentenceTokens } = await from('claims/entities-tokens.js');
  const { tagWithRules } = await from('claims/entities-rules.js');
  const { tagWithModel } = await from('claims/entities-model.js');
  const { useConllLexicon } = await from('claims/entities-known.js');
  const sentences = list.flatMap((text) => {
    const prepared = prepareAttributions(makeArticle({ id: 'x', text, layers: { sentence: segmentSentences(text) } }));
    return taggerInputs(prepared, ruleDrafts(prepared));
  });
  // The entity tagger reads the rules' output made without the CoNLL lexicon, as `tagEntities` does.
  const articles = list.map((text) => {
    const toks = sentenceTokens(text, segmentSentences(text));
    useConllLexicon(false);
    const rules = tagWithRules(text, toks);
    useConllLexicon(true);
    return { toks, rules };
  });
  const weights = attributionWeights();
  return {
    attributions: () => sentences.map((s: unknown) => decodeSentence(weights, s)),
    entities: () => articles.map((a) => tagWithModel(a.toks, a.rules)),
  };
}

const list = texts();
const builds = [await load(beforeDir, list), await load(afterDir, list)];
const parts = ['attributions', 'entities'] as const;
for (const part of parts) if (JSON.stringify(builds[0][part]()) !== JSON.stringify(builds[1][part]())) console.log(`${part}: the two builds' labels differ`);
const cpu = { attributions: [0, 0], entities: [0, 0] };
for (let round = 0; round < ROUNDS; round++) {
  for (const k of round % 2 ? [1, 0] : [0, 1]) {
    for (const part of parts) {
      const t0 = process.cpuUsage();
      builds[k][part]();
      const t = process.cpuUsage(t0);
      cpu[part][k] += (t.user + t.system) / 1000;
    }
  }
}
for (const part of parts) console.log(`${part}: before ${cpu[part][0].toFixed(0)} ms, after ${cpu[part][1].toFixed(0)} ms CPU over ${ROUNDS} rounds of ${count} texts (${source}): after / before ${(cpu[part][0] / cpu[part][1]).toFixed(2)}×`);
