import { describe, expect, it } from 'vitest';
import type { ExportProposition } from './export-schema.js';
import { OVERVIEW_STORIES, renderOverview } from './terminal.js';
import type { StoredStory, StoryOverview } from '../store/store.js';

const story = (id: string, size: number, label = `story ${id}`): StoredStory => ({
  id,
  label,
  articles: Array.from({ length: size }, (_, i) => `${id}-a${i}`),
  origins: Array.from({ length: Math.ceil(size / 3) }, (_, i) => [`${id}-a${i}`]),
});

describe('the overview of a large store', () => {
  const stories = Array.from({ length: OVERVIEW_STORIES + 5 }, (_, i) => story(`s${String(i).padStart(2, '0')}`, i + 1));
  stories.push(story('big', 400, 'Flood\u202e warning\x07 on the river'));
  const overview: StoryOverview = {
    articles: stories.flatMap((s) => s.articles.map((id) => ({ id, source: {}, title: null, published: null, language: null, site: null }))),
    stories,
    propositionCounts: new Map([
      ['big', { contested: 2, corroborated: 5 }],
      ['s14', { 'single-origin': 3 }],
    ]),
  };
  const displaced = {
    id: 'p1',
    story: 'big',
    label: 'people displaced',
    kind: 'figure',
    status: 'contested',
    origins: 2,
    articles: 9,
    values: [4200, 6000].map((value, i) => ({ text: ['about 4,200', 'up to 6,000'][i], value, claims: [`c${i}`], speakers: ['the agency'], origins: 1, originChains: [], firstSeen: null, lastSeen: null })),
    claims: [],
    reasons: [],
    trajectory: [],
    scope: {},
  } as unknown as ExportProposition;
  const text = renderOverview(overview, { story: stories.at(-1)!, propositions: [displaced] });

  it('counts the store, then lists only the largest stories, largest first, and says how many more there are', () => {
    const lines = text.split('\n');
    expect(lines[0]).toBe(`${overview.articles.length} articles · ${stories.length} stories · 10 propositions, 2 contested`);
    const listed = lines.filter((l) => / articles .* origins? /.test(l));
    expect(listed).toHaveLength(OVERVIEW_STORIES);
    expect(listed[0]).toMatch(/^\s+400 articles\s+134 origins\s+7 propositions \(2 contested\)\s+Flood warning on the river\s+big$/);
    expect(listed[1]).toMatch(/^\s+15 articles .* 3 propositions \(0 contested\)\s+story s14/);
    expect(text).toContain('… 6 more (triangulate show stories');
  });

  it("ends with the largest story's ledger, and no control character from a label reaches the terminal", () => {
    expect(text).toMatch(/Ledger — “Flood warning on the river” \(400 articles, 134 independent origins\)/);
    expect(text).toContain('people displaced');
    expect(text).not.toMatch(/[\x07\u202e]/);
  });
});
