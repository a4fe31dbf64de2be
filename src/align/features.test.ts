import { describe, expect, it } from 'vitest';
import { analyzeArticles } from '../app/analyze.js';
import { makeArticle } from '../core/article.js';
import { figureFeatures } from './features.js';

/** Runs the per-article stages on one made-up sentence and reads the features of its figure claims. */
async function featuresOf(text: string) {
  const { corpus } = await analyzeArticles([makeArticle({ text, meta: { lang: 'en' } })]);
  const article = corpus.articles[0];
  return (article.layers.claim ?? []).map((c) => figureFeatures(article, c)).filter((f) => f !== undefined);
}

describe('figureFeatures', () => {
  it('reads a part of a sequence and a region as scope, and a nationality as subject', async () => {
    const [f] = await featuresOf('The ministry said the first wave of 800 Ruritanian engineers would go to the Vellmar region next week.');
    expect(f.subject).toBe('ruritanian');
    expect(f.scope).toMatchObject({ group: 'first', place: 'Vellmar', role: 'engineer' });
  });

  it('puts soldiers, troops and forces in one class, and tolls by their predicate', async () => {
    const [a] = await featuresOf('Officials said 1,200 troops had crossed the river on Monday.');
    const [b] = await featuresOf('Officials said 900 soldiers had crossed the river on Monday.');
    const [c] = await featuresOf('Officials said 14 people were killed when the bridge fell.');
    const [d] = await featuresOf('Officials said 3,000 residents were evacuated from the valley.');
    expect(a.thing).toBe('personnel');
    expect(b.thing).toBe(a.thing);
    expect(c.thing).toBe('people:killed');
    expect(d.thing).toBe('people:displaced');
  });

  it('does not take scope words from a later clause of the sentence', async () => {
    const [f] = await featuresOf('The agency announced that 5,000 fighters had joined, at the same time as the first video of their training emerged.');
    expect(f.scope).toEqual({});
  });

  it('marks explicit totals and leaves countries out of the scope', async () => {
    const [f] = await featuresOf('Analysts said a total of 4,000 soldiers could be sent to Germany.');
    expect(f.total).toBe(true);
    expect(f.scope.place).toBeUndefined();
  });
});

describe('sums and shares', () => {
  it('are keyed by the noun they are for, with their currency, and not aligned without one', async () => {
    const [aid] = await featuresOf('The government approved a $5 billion aid package for the province on Monday.');
    expect(aid.thing).toBe('money:usd:package');
    const [fine] = await featuresOf('Officials said the fine of £2 million would be paid by Friday.');
    expect(fine.thing).toBe('money:gbp:fine');
    const [turnout] = await featuresOf('Officials said the turnout of 64 percent was the highest in a decade.');
    expect(turnout.thing).toBe('share:turnout');
    expect(await featuresOf('Officials said it had cost $300 to bring them home.')).toEqual([]);
  });
});
