import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { readdirSync, readFileSync } from 'node:fs';
const full = winkNLP(model);
const lite = winkNLP(model, ['sbd', 'pos']);
const texts: string[] = [];
for (const d of ['/work/shared/seeds', '/work/wt-entities/examples/corpus']) for (const f of readdirSync(d)) texts.push(readFileSync(`${d}/${f}`, 'utf8'));
const its = full.its as any;
for (let r = 0; r < 3; r++) {
  for (const nlp of [full, lite]) {
    let t0 = performance.now(); const docs = texts.map((x) => nlp.readDoc(x)); const read = performance.now() - t0;
    const times: string[] = [];
    for (const k of ['value', 'precedingSpaces', 'pos', 'lemma', 'normal', 'type']) { t0 = performance.now(); for (const d of docs) d.tokens().out(its[k]); times.push(`${k} ${(performance.now() - t0).toFixed(0)}`); }
    console.log(nlp === full ? 'full' : 'lite', 'readDoc', read.toFixed(0), times.join(' '));
  }
}
