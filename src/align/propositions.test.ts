import { describe, expect, it } from 'vitest';
import { analyzeArticles } from '../app/analyze.js';
import { makeArticle, type Article } from '../core/article.js';
import type { ExportProposition } from '../report/export-schema.js';
import type { ReuseLink } from '../reuse/types.js';
import { buildProposition } from './propositions.js';
import type { AlignRecord } from './records.js';

/** Background sentences, one per outlet, so that articles share a story but are not copies of each other. */
const BACKGROUND = [
  'The Serrow burst its banks in Dalmarre province after three days of storms, cutting the road between Pellin and Vastra.',
  'Rescue teams from Oskeld joined Dalmarre crews on the Serrow, where water covered the Pellin bridge and much of Vastra.',
  'In Vastra, shops along the Serrow stayed shut while Dalmarre engineers checked the embankment near Pellin.',
  'Farmers near Pellin said the Serrow rose faster than in any flood they remember in Dalmarre, reaching Vastra by night.',
  'Schools in Pellin were turned into shelters as the Serrow kept rising, and buses took families from Vastra to higher ground in Dalmarre.',
  'Power was cut to most of Vastra overnight; crews in Dalmarre expect to restore it once the Serrow falls below the Pellin weir.',
];
let background = 0;

const story = (outlet: string, day: string, body: string): Article =>
  makeArticle({
    text: `${body}\n\n${BACKGROUND[background++ % BACKGROUND.length]}`,
    meta: { lang: 'en', site: outlet, publishedAt: `2031-05-${day}T09:00:00Z`, title: `${outlet} on the Serrow floods` },
    source: { url: `https://${outlet.toLowerCase().replace(/\W+/g, '')}.example/serrow-${day}`, fetchedAt: '2031-05-20T00:00:00Z' },
  });

async function propositionsOf(articles: Article[]): Promise<ExportProposition[]> {
  return (await analyzeArticles(articles)).analysis.propositions;
}

const killed = (props: ExportProposition[]) => props.find((p) => p.thing === 'people:killed')!;

describe('alignStory', () => {
  it('counts one official quoted by many outlets as one origin', async () => {
    const outlets = ['Coastal Post', 'Valley Herald', 'Morning Ledger', 'Pellin Times'];
    const props = await propositionsOf(
      outlets.map((o, i) =>
        story(o, '12', [
          'In a briefing, Governor Ilse Marrow said 14 people were killed in the floods.',
          'Fourteen people were killed in the floods, Governor Ilse Marrow told reporters.',
          'According to Governor Ilse Marrow, 14 people were killed when the river rose.',
          'Governor Ilse Marrow confirmed on her channel that 14 people were killed in the floods.',
        ][i]),
      ),
    );
    const p = killed(props);
    expect(p.status).toBe('single-origin');
    expect(p.origins).toBe(1);
    expect(p.articles).toBe(4);
  });

  it('reads agreeing independent sources as corroborated and disagreeing ones as contested', async () => {
    const agree = await propositionsOf([
      story('Coastal Post', '12', 'Governor Ilse Marrow said 14 people were killed in the floods.'),
      story('Valley Herald', '12', 'The Red Crescent of Dalmarre said about 14 people were killed in the floods.'),
    ]);
    expect(killed(agree).status).toBe('corroborated');
    const disagree = await propositionsOf([
      story('Coastal Post', '12', 'Governor Ilse Marrow said 14 people were killed in the floods.'),
      story('Valley Herald', '12', 'The Red Crescent of Dalmarre said 31 people were killed in the floods.'),
    ]);
    const p = killed(disagree);
    expect(p.status).toBe('contested');
    expect(p.reasons.join(' ')).toMatch(/31 is 2\.2× above 14|31 is 121% above 14/);
  });

  it('reads a later figure from the same source as an update, not a contest', async () => {
    const p = killed(
      await propositionsOf([
        story('Coastal Post', '12', 'Governor Ilse Marrow said 14 people were killed in the floods.'),
        story('Valley Herald', '14', 'The death toll has risen to 20 people killed, Governor Ilse Marrow told a news conference in Pellin.'),
      ]),
    );
    expect(p.status).toBe('single-origin');
    expect(p.trajectory.map((t) => [t.date, t.value, t.change]), JSON.stringify(p)).toEqual([
      ['2031-05-12', '14', 'first'],
      ['2031-05-14', '20', 'update'],
    ]);
  });

  it('joins a person to the organisation they speak for', async () => {
    const p = killed(
      await propositionsOf([
        story('Coastal Post', '12', 'Anna Brevik, director of the Dalmarre Rescue Service, said 14 people were killed in the floods.'),
        story('Valley Herald', '12', 'Sources in the Dalmarre Rescue Service said 14 people were killed in the floods.'),
      ]),
    );
    expect(p.origins).toBe(1);
    expect(p.status).toBe('single-origin');
  });

  it('keeps a scoped count apart from the total', async () => {
    const props = await propositionsOf([
      story('Coastal Post', '12', 'Officials said 2,000 residents were evacuated across the province.'),
      story('Valley Herald', '12', 'The first group of 300 residents was evacuated to Vastra, officials said.'),
    ]);
    const displaced = props.filter((p) => p.thing === 'people:displaced');
    expect(displaced.length).toBe(2);
    expect(displaced.every((p) => p.status !== 'contested')).toBe(true);
  });
});

describe('sources', () => {
  it('reads a bare role as the one person of the story who holds it', async () => {
    const props = await propositionsOf([
      story('Coastal Post', '12', 'The governor of Dalmarre, Ilse Marrow, said 14 people were killed in the floods.'),
      story('Valley Herald', '12', 'The governor said 14 people were killed when the river rose over the weir.'),
    ]);
    const p = killed(props);
    expect(p.origins).toBe(1);
    expect(p.status).toBe('single-origin');
  });
});

describe('relayed figures', () => {
  it('a rewrite that changes a figure in its own words relays one of its origin\'s sources, not all of them', () => {
    const article = (id: string) => makeArticle({ id, text: 'x'.repeat(200), meta: { lang: 'en' } });
    const [origin, copy] = [article('origin'), article('copy')];
    const record = (a: Article, start: number, value: number, key: string): AlignRecord => ({
      article: a,
      claim: { id: `${a.id}-${start}`, start, end: start + 40, kind: 'quantity' },
      value: { kind: 'number', value, approx: 'exact' },
      source: { key, label: key, via: [] },
      date: null,
      order: `${a.id}|${start}`,
      unsupported: false,
      thing: 'people:killed',
      thingLabel: 'people killed',
      subject: '',
      scope: {},
      hedges: [],
      denied: false,
      notConfirmed: false,
    });
    const records = [record(origin, 0, 14, 'entity:governor'), record(origin, 100, 31, 'entity:red-crescent'), record(copy, 0, 15, 'own:copy')];
    const link: ReuseLink = { from: 'copy', to: 'origin', kind: 'rewrite', score: 0.6, direction: 'known', passages: [], evidence: [] };
    const p = buildProposition({ storyId: 's', articles: [origin, copy], links: [link], entities: [], unsupported: new Set() }, records);
    expect(p.origins).toBe(2);
    expect(p.status).toBe('contested');
    expect(p.trajectory.find((t) => t.article === 'copy')?.change).toBe('derivative-change');
  });
});
