import { readdirSync, readFileSync } from 'node:fs';
import { tagEntities } from '../src/claims/entities.js';
import { clearTokenCache } from '../src/nlp/wink.js';
import { segmentSentences } from '../src/segment/sentences.js';
const texts: string[] = [];
for (const d of ['/work/shared/seeds', '/work/wt-entities/examples/corpus']) for (const f of readdirSync(d)) if (f.endsWith('.txt')) texts.push(readFileSync(`${d}/${f}`, 'utf8'));
const sents = texts.map((t) => segmentSentences(t));
for (let i = 0; i < 3; i++) texts.forEach((t, k) => { tagEntities(t, sents[k], {}); tagEntities(t, sents[k], { model: false }); });
const ms = { rules: 0, trained: 0, tok: 0 };
for (let r = 0; r < 30; r++) {
  for (const [name, mode] of [['rules', { model: false }], ['trained', {}]] as const) {
    const t0 = performance.now();
    texts.forEach((t, k) => { clearTokenCache(); tagEntities(t, sents[k], mode); });
    ms[name] += performance.now() - t0;
  }
}
console.log(`rules ${ms.rules.toFixed(0)} ms, trained ${ms.trained.toFixed(0)} ms, ratio ${(ms.trained / ms.rules).toFixed(2)}`);
