import { describe, expect, it } from 'vitest';
import { makeArticle } from '../core/article.js';
import { createPipeline } from '../core/pipeline.js';
import { Registry } from '../core/registry.js';
import { claimsFactories } from './index.js';

const pipeline = () => {
  const registry = new Registry(claimsFactories);
  return createPipeline(registry.build(claimsFactories.map((f) => f.name)));
};

describe('claims: language gate', () => {
  it('extracts claims from English and from articles of unknown language', async () => {
    const text = 'The ministry said on Monday that about 4,000 people were evacuated from Dunmore.';
    const corpus = await pipeline().run([
      makeArticle({ id: 'en', text, meta: { lang: 'en', publishedAt: '2031-03-18' } }),
      makeArticle({ id: 'none', text, meta: { publishedAt: '2031-03-18' } }),
    ]);
    for (const article of corpus.articles) {
      expect(article.layers.quantity?.length, article.id).toBeGreaterThan(0);
      expect((article.layers as { claim?: unknown[] }).claim?.length, article.id).toBeGreaterThan(0);
    }
  });

  it('skips English-rule stages on an article in another language, saying why, but still splits sentences', async () => {
    const corpus = await pipeline().run([
      makeArticle({ id: 'ru', text: 'Высокоэффективная диета с потерей веса до 10 кг за 10 дней. Меню на 14 дней.', meta: { lang: 'ru' } }),
    ]);
    const [article] = corpus.articles;
    expect(article.layers.sentence?.length).toBe(2);
    expect(article.layers.quantity).toBeUndefined();
    expect(article.messages.filter((m) => m.ruleId === 'claims:unsupported-language')).toHaveLength(1);
  });
});
