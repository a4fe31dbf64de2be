import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { makeArticle } from '../core/article.js';
import { addToStories, clusterStories } from './stories.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const seedsDir = path.resolve(here, '../../../shared/seeds');
const seeds = readdirSync(seedsDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => makeArticle({ id: f.slice(0, 3), text: readFileSync(path.join(seedsDir, f), 'utf8') }));

// Invented texts: same broad topic (floods), different events, plus an unrelated one.
const floodA1 = 'Floodwater swept through Varnholm on Sunday after the Keld River burst its banks. Mayor Ilse Dorrin said 1,200 residents were moved to the Varnholm sports hall. Rescue crews from the Keld District used boats to reach farms.';
const floodA2 = 'Rescue crews in boats reached isolated farms near Varnholm on Monday as the Keld River began to fall. Mayor Ilse Dorrin said 1,200 people spent the night in the sports hall and the Keld District opened a second shelter.';
const floodB = 'Monsoon rains flooded the coastal city of Pelmora on Thursday. The Sarnic Weather Office recorded 310 millimetres of rain in a day, and Governor Tavi Oksen closed schools across the Pelmora province.';
const sport = 'Portmere Athletic signed striker Joss Reyne for a club record fee on Friday. Coach Elna Vasko said Reyne would start against Dunfield on Saturday at the Harrow Lane ground.';

describe('cluster/stories', () => {
  it('puts the five seed articles (one story) into one story', () => {
    expect(clusterStories(seeds).map((s) => s.articleIds.length)).toEqual([seeds.length]);
  });

  it('keeps different events on the same broad topic apart, and an unrelated story alone', () => {
    const articles = [floodA1, floodA2, floodB, sport].map((text, i) => makeArticle({ id: `x${i}`, text }));
    const groups = clusterStories(articles).map((s) => [...s.articleIds].sort());
    expect(groups).toEqual([['x0', 'x1'], ['x2'], ['x3']]);
  });

  it('adds new articles to existing stories incrementally with stable ids', () => {
    const first = clusterStories([makeArticle({ id: 'x0', text: floodA1 }), makeArticle({ id: 'x3', text: sport })]);
    const later = addToStories(first, [makeArticle({ id: 'x1', text: floodA2 }), makeArticle({ id: 'x2', text: floodB })]);
    expect(later.slice(0, 2).map((s) => s.id)).toEqual(first.map((s) => s.id));
    expect(later.find((s) => s.articleIds.includes('x0'))?.articleIds).toContain('x1');
    expect(later).toHaveLength(3);
    expect(addToStories(later, [])).toEqual(later);
  });

  it('handles empty and non-Latin articles without crashing', () => {
    const stories = clusterStories([makeArticle({ id: 'e', text: '' }), makeArticle({ id: 'z', text: '基辅周一表示。' })]);
    expect(stories.flatMap((s) => s.articleIds).sort()).toEqual(['e', 'z']);
  });
});
