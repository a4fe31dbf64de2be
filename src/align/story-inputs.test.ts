import { describe, expect, it } from 'vitest';
import { hashId, makeArticle } from '../core/article.js';
import type { ReuseLink } from '../reuse/types.js';
import { digestStoryInputs, storyInputIndex } from './story-inputs.js';

describe('digestStoryInputs', () => {
  const articles = [
    makeArticle({ id: 'a', text: 'Officials said 300 people left.', meta: { title: 'A' } }),
    makeArticle({ id: 'b', text: 'About 300 people left, officials said.' }),
  ];
  const link: ReuseLink = { from: 'b', to: 'a', kind: 'rewrite', score: 0.7, direction: 'inferred', passages: [{ from: { start: 0, end: 5 }, to: { start: 0, end: 5 } }], evidence: [] };
  const inputs = storyInputIndex({ articles, data: { links: [link] } })({ id: 's', articleIds: ['a', 'b'] });

  it('is the digest of the story inputs serialised whole (stored digests stay valid), made a value at a time', () => {
    const whole = JSON.stringify(['v1', 's', articles.map((a) => [a.id, a.source, a.meta, a.data, a.layers]), [link]]);
    expect(digestStoryInputs({ id: 's', articleIds: ['a', 'b'] }, inputs, 'v1')).toBe(hashId(whole, 32));
  });

  it('changes with the alignment version, a member, or a link', () => {
    const digest = digestStoryInputs({ id: 's', articleIds: ['a', 'b'] }, inputs, 'v1');
    expect(digestStoryInputs({ id: 's', articleIds: ['a', 'b'] }, inputs, 'v2')).not.toBe(digest);
    const fewer = storyInputIndex({ articles: articles.slice(0, 1), data: { links: [link] } })({ id: 's', articleIds: ['a'] });
    expect(digestStoryInputs({ id: 's', articleIds: ['a'] }, fewer, 'v1')).not.toBe(digest);
    const unlinked = storyInputIndex({ articles, data: { links: [] } })({ id: 's', articleIds: ['a', 'b'] });
    expect(digestStoryInputs({ id: 's', articleIds: ['a', 'b'] }, unlinked, 'v1')).not.toBe(digest);
  });
});
