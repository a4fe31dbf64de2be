import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { readdirSync, readFileSync } from 'node:fs';
import { readConllDocs } from '/work/wt-entities/scripts/eval-entities.js';
const full = winkNLP(model);
const lite = winkNLP(model, ['sbd', 'pos']);
const texts: string[] = [];
for (const d of ['/work/shared/seeds', '/work/wt-entities/examples/corpus']) for (const f of readdirSync(d)) texts.push(readFileSync(`${d}/${f}`, 'utf8'));
for (const doc of readConllDocs('/work/shared/data/conll2003-en/eng.testa')) texts.push(doc.text);
const its = full.its as any;
const out = (nlp: any, text: string) => { const t = nlp.readDoc(text).tokens(); return ['value','precedingSpaces','pos','lemma','normal','type'].map((k) => t.out(its[k])); };
let diff = 0;
let t0 = performance.now(); for (const x of texts) out(full, x); const a = performance.now() - t0;
t0 = performance.now(); for (const x of texts) out(lite, x); const b = performance.now() - t0;
for (const x of texts) { if (JSON.stringify(out(full, x)) !== JSON.stringify(out(lite, x))) diff++; }
console.log('texts', texts.length, 'differ', diff, 'full ms', a.toFixed(0), 'lite ms', b.toFixed(0));
