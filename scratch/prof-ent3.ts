import { readdirSync, readFileSync } from 'node:fs';
import { useConllLexicon } from '../src/claims/entities-known.js';
import { tagWithRules } from '../src/claims/entities-rules.js';
import { tagWithModel } from '../src/claims/entities-model.js';
import { sentenceTokens } from '../src/claims/entities-tokens.js';
import { clearTokenCache } from '../src/nlp/wink.js';
import { segmentSentences } from '../src/segment/sentences.js';
const texts: string[] = [];
for (const d of ['/work/shared/seeds', '/work/wt-entities/examples/corpus']) for (const f of readdirSync(d)) if (f.endsWith('.txt')) texts.push(readFileSync(`${d}/${f}`, 'utf8'));
const sents = texts.map((t) => segmentSentences(t));
import { taggerWeights } from "../src/claims/tagger/perceptron.js";
let t00 = performance.now(); taggerWeights(); console.log("load ms", (performance.now() - t00).toFixed(0));
const ms: Record<string, number> = { tok: 0, rulesLex: 0, rulesNoLex: 0, model: 0 };
let ntok = 0;
for (let r = 0; r < 20; r++) {
  texts.forEach((t, k) => {
    clearTokenCache();
    let t0 = performance.now();
    const toks = sentenceTokens(t, sents[k]);
    ms.tok += performance.now() - t0;
    t0 = performance.now(); tagWithRules(t, toks); ms.rulesLex += performance.now() - t0;
    useConllLexicon(false);
    t0 = performance.now(); const rules = tagWithRules(t, toks); ms.rulesNoLex += performance.now() - t0;
    useConllLexicon(true);
    t0 = performance.now(); tagWithModel(toks, rules); ms.model += performance.now() - t0;
    if (r === 0) ntok += toks.reduce((n, s) => n + s.length, 0);
  });
}
console.log(Object.entries(ms).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(' '), 'tokens/round', ntok);
console.log(JSON.stringify((globalThis as any).STATS));
