import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { analyzeArticles } from '../app/analyze.js';
import { makeArticle } from '../core/article.js';
import { ECB_DEV_TOPICS, loadEcb, parseEvalStoriesArgs, scoreEcb } from '../../scripts/eval-stories.js';
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

  it('joins an article to the same story whatever order the stored stories come back in (a tie goes to the lower id)', () => {
    const [story] = clusterStories([makeArticle({ id: 'x0', text: floodA1 })]);
    const twins = [{ ...story, id: 'story-b' }, { ...story, id: 'story-a' }];
    const joined = (stories: typeof twins) => addToStories(stories, [makeArticle({ id: 'x1', text: floodA2 })]).find((s) => s.articleIds.includes('x1'))?.id;
    expect(joined(twins)).toBe('story-a');
    expect(joined([...twins].reverse())).toBe('story-a');
  });

  it('handles empty and non-Latin articles without crashing', () => {
    const stories = clusterStories([makeArticle({ id: 'e', text: '' }), makeArticle({ id: 'z', text: '基辅周一表示。' })]);
    expect(stories.flatMap((s) => s.articleIds).sort()).toEqual(['e', 'z']);
  });
});

// Invented reports: two outlets on one event, plus same-topic other events and unrelated filler stories
// (filler gives the incremental idf a corpus to learn which words are merely topical).
const quakeA = 'A magnitude 6.1 earthquake struck near Olvesta on Tuesday, the Marren Seismic Institute said. Governor Pia Ruskin said 14 people died in Olvesta and the nearby town of Brekkan, where a school collapsed.';
const quakeB = 'Rescuers in Brekkan searched the ruins of a collapsed school on Wednesday after Tuesday\'s magnitude 6.1 earthquake. Governor Pia Ruskin raised the toll to 16, and the Marren Seismic Institute recorded 40 aftershocks near Olvesta.';
const quakeOther = 'A magnitude 5.4 earthquake shook the island of Tessaly Minor on Friday. The Corvin Geological Survey said houses in Port Amsel were damaged and Mayor Otto Kreel said two people were hurt.';
const electionA = 'Voters in Dravenia re-elected President Maren Holt on Sunday with 58 percent, the Dravenian Electoral Commission said. Her rival Anton Vesk conceded in Lusk.';
const electionB = 'Opposition leader Sera Quill won the mayoral race in Caldor on Saturday, beating the incumbent Ivo Brandt by 3,100 votes, the Caldor city clerk said.';
const trade = 'Shares of Norvell Freight rose 9 percent on Thursday after the company agreed to buy Tarrow Logistics for 2.4 billion. Chief executive Lena Marsh said the deal would close in March.';
// Two different arrests of players of one team, each reported twice: one team, different players, towns and roads.
const arrestA1 = 'Harbour City Wolves receiver Dax Monroe was arrested early Sunday on suspicion of drunk driving, police in Kelmsford said. Officers stopped Monroe on Quarry Road after he drove through a red light. Monroe was released on bail, and the Wolves said they were aware of the arrest of Monroe.';
const arrestA2 = 'Dax Monroe, the Wolves receiver, will face a drink-driving charge after his arrest in Kelmsford on Sunday, prosecutors said. Monroe failed a breath test on Quarry Road, according to Kelmsford police. The Wolves said Monroe would still play on Saturday.';
const arrestB1 = 'Harbour City Wolves defensive tackle Ole Brandvik was arrested on Tuesday on suspicion of drunk driving, police in Darrow said, the second Wolves player held this season. Brandvik was stopped on Mill Lane and released on bail; Wolves coach Petra Lind said Brandvik had apologised.';
const arrestB2 = 'Wolves coach Petra Lind said Ole Brandvik let the team down after the tackle was arrested on suspicion of drunk driving on Mill Lane in Darrow. Brandvik, who was released on bail, faces a court hearing next month, police said. Brandvik is the second Wolves player arrested since Dax Monroe.';
const filler = [electionA, electionB, trade, sport, floodB];

const articlesOf = (rows: [string, string, string?][]) => rows.map(([id, text, lang]) => makeArticle({ id, text, meta: lang ? { lang } : {} }));
const groupsOf = (ids: string[], stories: { articleIds: string[] }[]) =>
  stories.map((s) => s.articleIds.filter((id) => ids.includes(id)).sort()).filter((g) => g.length);

describe('cluster/stories: joins and splits', () => {
  const cases: [string, [string, string, string?][], string[][]][] = [
    ['same event from two outlets joins', [['qa', quakeA], ['qb', quakeB]], [['qa', 'qb']]],
    ['same broad topic, different events stay apart', [['qa', quakeA], ['qo', quakeOther]], [['qa'], ['qo']]],
    [
      'two events of one kind sharing a team stay apart (different players, places)',
      [['a1', arrestA1], ['a2', arrestA2], ['b1', arrestB1], ['b2', arrestB2]],
      [['a1', 'a2'], ['b1', 'b2']],
    ],
    ['same event in two declared languages stays apart', [['qa', quakeA, 'en'], ['qb', quakeB, 'de']], [['qa'], ['qb']]],
    ['regional subtags of one language still join', [['qa', quakeA, 'en-GB'], ['qb', quakeB, 'en']], [['qa', 'qb']]],
    [
      'unknown language: a different script stays apart',
      [['qa', quakeA], ['ru', 'Губернатор Пиа Рускин сообщила, что 14 человек погибли в Ольвесте и Бреккане после землетрясения магнитудой 6.1.']],
      [['qa'], ['ru']],
    ],
    [
      'Japanese texts on different subjects stay apart (shared grammar is not a topic)',
      [['ja1', '東京都は火曜日、新しい図書館を開館したと発表しました。図書館には十万冊の本があります。'], ['ja2', '大阪の野球チームは日曜日の試合に勝ちました。監督は選手たちを褒めました。']],
      [['ja1'], ['ja2']],
    ],
  ];
  it.each(cases)('%s', (_name, rows, expected) => {
    const ids = rows.map(([id]) => id);
    const articles = [...articlesOf(rows), ...filler.map((text, i) => makeArticle({ id: `f${i}`, text }))];
    const groups = groupsOf(ids, clusterStories(articles));
    expect(groups.sort((a, b) => a[0].localeCompare(b[0]))).toEqual(expected);
  });

  it('stories restored from a stored analysis still keep a different event of the same kind apart', async () => {
    const fill = filler.map((text, i) => makeArticle({ id: `f${i}`, text }));
    const first = [...fill, makeArticle({ id: 'a1', text: arrestA1 }), makeArticle({ id: 'a2', text: arrestA2 })];
    const config = ['cluster/stories'];
    const { analysis } = await analyzeArticles(first, { config });
    const stored = JSON.parse(JSON.stringify(analysis)) as typeof analysis;
    const later = [...first, makeArticle({ id: 'b1', text: arrestB1 }), makeArticle({ id: 'b2', text: arrestB2 })];
    const { analysis: next } = await analyzeArticles(later, { config, previous: stored });
    expect(groupsOf(['a1', 'a2', 'b1', 'b2'], next.stories.map((s) => ({ articleIds: s.articles })))).toEqual([['a1', 'a2'], ['b1', 'b2']]);
  });

  it('incremental runs give the same stories as one batch run', () => {
    const all = [quakeA, quakeB, quakeOther, floodA1, floodA2, ...filler].map((text, i) =>
      makeArticle({ id: `a${i}`, text, meta: { publishedAt: `2031-01-${String(10 + i).padStart(2, '0')}` } }),
    );
    const batch = clusterStories(all);
    let grown = addToStories([], all.slice(0, 3));
    grown = addToStories(grown, all.slice(3, 6));
    grown = addToStories(grown, all.slice(6));
    expect(grown).toEqual(batch);
    expect(batch.find((s) => s.articleIds.includes('a0'))?.articleIds).toEqual(['a0', 'a1']);
  });
});

describe('eval:stories options', () => {
  it('takes the ECB+ folder, the topic list and the benchmark folder', () => {
    expect(parseEvalStoriesArgs(['--ecb', '/data/ecb', '--topics', '1, 3,4', '--benchmark', '/data/bench'])).toEqual({ ecbDir: '/data/ecb', topics: [1, 3, 4], benchmarkDir: '/data/bench' });
    expect(parseEvalStoriesArgs([])).toEqual({});
    expect(() => parseEvalStoriesArgs(['--topics', '1,x'])).toThrow(/topic numbers/);
  });
});

describe('cluster/stories on ECB+ (dev topics)', () => {
  it('reaches a B-cubed F of at least 0.87 against gold sub-topics (same seminal event)', () => {
    const ecb = path.resolve(here, '../../../shared/data/ecb-plus/ECB+_LREC2014/ECB+');
    expect(existsSync(ecb), `ECB+ corpus missing at ${ecb}`).toBe(true);
    const docs = loadEcb(ECB_DEV_TOPICS, ecb);
    expect(docs.length).toBeGreaterThan(150);
    // Measured 0.896 (see scripts/eval-stories.ts); the old unweighted centroid scored 0.82.
    expect(scoreEcb(docs).subtopic.f).toBeGreaterThanOrEqual(0.87);
  });
});
