/**
 * Behaviour every Store backend must show; run by each backend's test file
 * (SQLite always, PostgreSQL when available), as Hono's `runTest` and Drizzle's `tests()` do.
 */
import { describe, expect, it } from 'vitest';
import { makeArticle, type Article } from '../core/article.js';
import type { Store } from './store.js';
import { emptyAnalysis } from './store.js';

function article(text: string, url?: string): Article {
  return makeArticle({
    text,
    source: { url, path: url ? undefined : 'x.txt', fetchedAt: '2024-10-22T00:00:00.000Z' },
    meta: { title: text.slice(0, 20), publishedAt: '2024-10-22', lang: 'en' },
    layers: { paragraph: [{ start: 0, end: text.length }] },
  });
}

async function whole<T>(pages: AsyncIterable<T[]>): Promise<T[]> {
  const out: T[] = [];
  for await (const page of pages) out.push(...page);
  return out;
}

export function runStoreTests(name: string, open: () => Promise<Store>): void {
  describe(`store contract: ${name}`, () => {
    it('stores an article and reads it back unchanged', async () => {
      const store = await open();
      const a = article('Troops arrived in the region on Monday, officials said.');
      a.messages.push({ ruleId: 'extract:rejoined', source: 'extract', severity: 'info', reason: 'rejoined' });
      expect(await store.addArticle(a)).toEqual({ status: 'added', id: a.id });
      expect(await store.getArticle(a.id)).toEqual(a);
      expect(await store.countArticles()).toBe(1);
      await store.close();
    });

    it('treats the same normalised text as a duplicate and says which article it repeats', async () => {
      const store = await open();
      const a = article('Officials   said the bridge reopened.');
      await store.addArticle(a);
      const again = article('officials said the BRIDGE reopened.', 'https://example.org/other');
      const result = await store.addArticle(again);
      expect(result).toMatchObject({ status: 'duplicate', duplicateOf: a.id, reason: 'same-text' });
      expect(await store.countArticles()).toBe(1);
      await store.close();
    });

    it('keeps the same text from another outlet as a separate article (a repost), but not from the same outlet', async () => {
      const store = await open();
      const original = article('The ferry resumed service on Monday.', 'https://courier.example/ferry');
      await store.addArticle(original);
      const repost = article('The ferry resumed service on Monday.', 'https://ledger.example/2031/ferry-repost');
      expect(await store.addArticle(repost)).toEqual({ status: 'added', id: repost.id });
      const sameOutlet = article('The ferry resumed service on Monday.', 'https://www.courier.example/amp/ferry');
      expect(await store.addArticle(sameOutlet)).toMatchObject({ status: 'duplicate', duplicateOf: original.id, reason: 'same-text' });
      expect(await store.countArticles()).toBe(2);
      await store.close();
    });

    it('treats the same canonical URL as a duplicate even when the text changed', async () => {
      const store = await open();
      const a = article('First version of the story.', 'https://example.org/a');
      await store.addArticle(a);
      const b = makeArticle({ ...article('Second, updated version.', 'https://example.org/a'), id: 'other-id' });
      expect(await store.addArticle(b)).toMatchObject({ status: 'duplicate', duplicateOf: a.id, reason: 'same-url' });
      await store.close();
    });

    it('keeps insertion order when listing', async () => {
      const store = await open();
      const texts = ['one story', 'two story', 'three story'];
      for (const t of texts) await store.addArticle(article(t));
      expect((await store.listArticles()).map((x) => x.text)).toEqual(texts);
      await store.close();
    });

    it('replaces annotations without touching the text', async () => {
      const store = await open();
      const a = article('The ministry confirmed the figure.');
      await store.addArticle(a);
      a.layers.sentence = [{ start: 0, end: a.text.length }];
      await store.updateAnnotations([a]);
      const back = await store.getArticle(a.id);
      expect(back?.layers.sentence).toEqual([{ start: 0, end: a.text.length }]);
      expect(back?.text).toBe(a.text);
      await store.close();
    });

    it('saves an analysis all or nothing', async () => {
      const store = await open();
      const analysis = emptyAnalysis();
      analysis.stories = [{ id: 's1', label: 'bridge', articles: ['a', 'b'] }];
      analysis.links = [{ from: 'b', to: 'a', kind: 'copy', score: 0.9, direction: 'inferred', passages: [{ from: [0, 5], to: [0, 5] }], evidence: [] }];
      analysis.origins = [['a', 'b']];
      analysis.entities = [{ id: 'e1', name: 'Kyiv', type: 'place', aliases: [], mentions: [{ article: 'a', start: 0, end: 4 }] }];
      analysis.claims = [{ id: 'c1', article: 'a', start: 0, end: 10, text: 'Kyiv said.', kind: 'statement' }];
      await store.saveAnalysis(analysis);
      expect(await store.loadAnalysis()).toEqual(analysis);
      expect(await whole(store.pageClaims())).toEqual(analysis.claims);
      // A failing save (duplicate primary key) must leave the previous analysis in place.
      const broken = { ...analysis, claims: [analysis.claims[0], analysis.claims[0]] };
      await expect(store.saveAnalysis(broken)).rejects.toThrow(/store query failed/);
      expect(await store.loadAnalysis()).toEqual(analysis);
      await store.close();
    });

    it('saves a changed analysis over the one it was made from: rows changed, added and gone, as a full save would', async () => {
      const store = await open();
      const first = emptyAnalysis();
      first.stories = [
        { id: 's1', label: 'bridge', articles: ['a', 'b'] },
        { id: 's2', label: 'storm', articles: ['c'] },
      ];
      first.origins = [['a', 'b'], ['c']];
      first.claims = [
        { id: 'c1', article: 'a', start: 0, end: 10, text: 'Kyiv said.', kind: 'statement' },
        { id: 'c2', article: 'c', start: 0, end: 5, text: 'Rain.', kind: 'statement' },
      ];
      await store.saveAnalysis(first);
      const loaded = await store.loadAnalysis();
      const next = emptyAnalysis();
      next.stories = [{ id: 's2', label: 'storm', articles: ['c', 'd'] }, { id: 's1', label: 'bridge', articles: ['a', 'b'] }];
      next.origins = [['c', 'd'], ['a', 'b']];
      next.claims = [first.claims[1], { id: 'c3', article: 'd', start: 0, end: 4, text: 'Hail', kind: 'statement' }];
      await store.saveAnalysis(next, loaded);
      expect(await store.loadAnalysis()).toEqual(next);
      await store.close();
    });

    it('reads articles by id in the order asked, without layers when asked, and lists their states without text', async () => {
      const store = await open();
      const [a, b] = [article('The mayor opened the bridge.'), article('Rain closed the ferry.')];
      a.analysed = { 'segment/sentences': '1:x' };
      b.messages.push({ ruleId: 'pipeline:stage-failed', source: 'claims/claims', severity: 'fatal', reason: 'failed' });
      for (const x of [a, b]) await store.addArticle(x);
      await store.updateAnnotations([a]);
      expect((await store.getArticles([b.id, 'missing', a.id])).map((x) => x.id)).toEqual([b.id, a.id]);
      expect((await store.getArticles([a.id]))[0]).toEqual(a);
      const [light] = await store.getArticles([a.id], { layers: false });
      expect(light.layers).toEqual({});
      expect(light.text).toBe(a.text);
      expect((await whole(store.pageArticles({ pageRows: 1 }))).map((x) => x.id)).toEqual([a.id, b.id]);
      expect(await store.listArticleStates()).toEqual([
        { id: a.id, analysed: a.analysed, fatal: false },
        { id: b.id, fatal: true },
      ]);
      // Annotations written again say again whether the article failed.
      b.messages = [];
      a.messages.push({ ruleId: 'pipeline:stage-failed', source: 'claims/claims', severity: 'fatal', reason: 'failed' });
      await store.updateAnnotations([a, b]);
      expect((await store.listArticleStates()).map((s) => [s.id, s.fatal])).toEqual([
        [a.id, true],
        [b.id, false],
      ]);
      await store.close();
    });

    it('writes a streamed analysis story by story: claims per article, propositions and entities per story', async () => {
      const store = await open();
      const empty = { stories: [], links: [], origins: [] };
      const stories = [
        { id: 's2', label: 'storm', articles: ['c'] },
        { id: 's1', label: 'bridge', articles: ['a', 'b'] },
      ];
      const claim = (id: string, art: string) => ({ id, article: art, start: 0, end: 4, text: 'Rain', kind: 'statement' as const });
      const prop = (story: string, label: string) => ({ id: `${story}-${label}`, story, label, status: 'corroborated', claims: [] }) as never;
      const entity = (id: string, art: string, alias: string) => ({ id, name: 'Kyiv', type: 'place' as const, aliases: [alias], mentions: [{ article: art, start: 0, end: 4 }] });
      await store.saveStoryRows({
        claims: new Map([['a', [claim('c1', 'a')]], ['c', [claim('c2', 'c')]]]),
        propositions: new Map([['s1', [prop('s1', 'x'), prop('s1', 'y')]], ['s2', [prop('s2', 'z')]]]),
        entities: new Map([['s1', [entity('e1', 'a', 'Kiev')]], ['s2', [entity('e1', 'c', 'Kyyiv')]]]),
      });
      await store.saveStoryList({ previous: empty, stories, links: [], origins: [['c'], ['a', 'b']], state: { stamp: '1' } });
      let loaded = await store.loadAnalysis();
      expect(loaded.stories).toEqual(stories);
      // Propositions in story order; one entity named in two stories is one, with the mentions of both.
      expect(loaded.propositions.map((p) => p.label)).toEqual(['z', 'x', 'y']);
      expect(loaded.entities).toEqual([{ ...entity('e1', 'c', 'Kyyiv'), aliases: ['Kyyiv', 'Kiev'], mentions: [{ article: 'a', start: 0, end: 4 }, { article: 'c', start: 0, end: 4 }] }]);
      expect(loaded.claims.map((c) => c.id)).toEqual(['c1', 'c2']);
      // Read a page at a time, in the same order.
      expect(await whole(store.pageClaims({ pageRows: 1 }))).toEqual(loaded.claims);
      expect(await whole(store.pagePropositions({ pageRows: 1 }))).toEqual(loaded.propositions);
      expect(await store.getAnalysisState('stamp')).toBe('1');
      // A later run replaces one article's claims, and a story merged away loses its rows.
      await store.saveStoryRows({ claims: new Map([['a', [claim('c3', 'a')]]]), propositions: new Map(), entities: new Map() });
      await store.saveStoryList({ previous: await store.loadStoryState(), stories: [stories[1]], links: [], origins: [['a', 'b']], state: {} });
      loaded = await store.loadAnalysis();
      expect(loaded.claims.map((c) => c.id)).toEqual(['c3', 'c2']);
      expect(loaded.propositions.map((p) => p.label)).toEqual(['x', 'y']);
      expect(loaded.entities[0].mentions).toEqual([{ article: 'a', start: 0, end: 4 }]);
      expect(await store.loadStoryState()).toEqual({ stories: [stories[1]], links: [], origins: [['a', 'b']] });
      expect(await store.loadStoryList()).toEqual({ stories: [stories[1]], origins: [['a', 'b']] });
      // Links are written as the rows that differ from those stored: a changed one updated, a gone one deleted.
      const link = (from: string, to: string, score: number) => ({ from, to, kind: 'copy' as const, score, direction: 'inferred' as const, passages: [], evidence: [] });
      await store.saveStoryList({ previous: await store.loadStoryList(), stories: [stories[1]], links: [link('a', 'b', 0.9), link('b', 'c', 0.5)], origins: [['a', 'b']], state: {} });
      await store.saveStoryList({ previous: await store.loadStoryList(), stories: [stories[1]], links: [link('a', 'b', 0.75), link('c', 'd', 0.5)], origins: [['a', 'b']], state: {} });
      expect((await store.loadStoryState()).links).toEqual([link('a', 'b', 0.75), link('c', 'd', 0.5)]);
      // Scoped to the articles a run touched: links of the others stay as stored, those of the touched are replaced.
      const scoped = [link('a', 'b', 0.1), link('d', 'e', 0.5)];
      await store.saveStoryList({ previous: await store.loadStoryList(), stories: [stories[1]], links: scoped, linkScope: ['d', 'e'], origins: [['a', 'b']], state: {} });
      expect((await store.loadStoryState()).links).toEqual([link('a', 'b', 0.75), link('d', 'e', 0.5)]);
      await store.close();
    });

    it("keeps a streamed run's story timelines apart from the story list, shown with their stories, gone with them, and replaced by a whole save", async () => {
      const store = await open();
      const empty = { stories: [], links: [], origins: [] };
      const stories = [
        { id: 's1', label: 'bridge', articles: ['a', 'b'] },
        { id: 's2', label: 'storm', articles: ['c'] },
      ];
      const entry = (date: string, text: string) => ({ date, kind: 'event' as const, text, claims: [], articles: ['a'] });
      await store.saveStoryList({ previous: empty, stories, links: [], origins: [['a', 'b'], ['c']], state: {} });
      await store.saveStoryRows({ claims: new Map(), propositions: new Map(), entities: new Map(), timelines: new Map([['s1', [entry('2024-10-18', 'sent')]], ['s2', [entry('2024-10-20', 'rain')]]]) });
      // What a corpus update reads has no timelines; what is shown has each story's.
      expect((await store.loadStoryList()).stories).toEqual(stories);
      const shown = [{ ...stories[0], timeline: [entry('2024-10-18', 'sent')] }, { ...stories[1], timeline: [entry('2024-10-20', 'rain')] }];
      expect((await store.loadStoryState()).stories).toEqual(shown);
      expect((await store.loadAnalysis()).stories).toEqual(shown);
      expect((await store.loadOverview()).stories).toEqual(shown);
      // Aligned again: replaced. A story gone from the list takes its timeline with it.
      await store.saveStoryRows({ claims: new Map(), propositions: new Map(), entities: new Map(), timelines: new Map([['s1', [entry('2024-10-19', 'moved')]]]) });
      await store.saveStoryList({ previous: await store.loadStoryList(), stories: [stories[0]], links: [], origins: [['a', 'b']], state: {} });
      await store.saveStoryList({ previous: await store.loadStoryList(), stories, links: [], origins: [['a', 'b'], ['c']], state: {} });
      expect((await store.loadStoryState()).stories).toEqual([{ ...stories[0], timeline: [entry('2024-10-19', 'moved')] }, stories[1]]);
      // A record that holds its own timeline (a whole save) shows that one, and a whole save drops the rows.
      const whole = { ...emptyAnalysis(), stories: [{ ...stories[0], timeline: [entry('2024-10-01', 'own')] }], origins: [['a', 'b']] };
      await store.saveAnalysis(whole);
      expect((await store.loadAnalysis()).stories).toEqual(whole.stories);
      await store.saveStoryList({ previous: await store.loadStoryList(), stories: [stories[0]], links: [], origins: [['a', 'b']], state: {} });
      expect((await store.loadStoryState()).stories).toEqual([stories[0]]);
      await store.close();
    });

    it("reads one story's analysis by key, and an overview without texts, from a whole-store save and from a streamed one", async () => {
      const claim = (id: string, art: string) => ({ id, article: art, start: 0, end: 4, text: 'Rain', kind: 'statement' as const });
      const prop = (story: string, label: string, status: string) => ({ id: `${story}-${label}`, story, label, status, claims: [] }) as never;
      const link = (from: string, to: string) => ({ from, to, kind: 'copy' as const, score: 0.9, direction: 'inferred' as const, passages: [], evidence: [] });
      const entity = (id: string, mentions: string[]) => ({ id, name: id, type: 'place' as const, aliases: [], mentions: mentions.map((a) => ({ article: a, start: 0, end: 4 })) });
      const stories = [
        { id: 's1', label: 'bridge', articles: ['a', 'b'] },
        { id: 's2', label: 'storm', articles: ['c', 'd'] },
      ];
      // b copies a inside s1; d copies a across stories; c and d inside s2.
      const links = [link('b', 'a'), link('d', 'a'), link('d', 'c')];
      const whole = emptyAnalysis();
      Object.assign(whole, {
        stories,
        links,
        origins: [['a', 'b'], ['c', 'd']],
        claims: [claim('c1', 'a'), claim('c2', 'b'), claim('c3', 'c')],
        propositions: [prop('s1', 'x', 'contested'), prop('s1', 'y', 'corroborated'), prop('s2', 'z', 'contested')],
        entities: [entity('Kyiv', ['a', 'c']), entity('Oslo', ['d'])],
      });
      const streamed = await open();
      await streamed.saveStoryRows({
        claims: new Map([['a', [whole.claims[0]]], ['b', [whole.claims[1]]], ['c', [whole.claims[2]]]]),
        propositions: new Map([['s1', whole.propositions.slice(0, 2)], ['s2', whole.propositions.slice(2)]]),
        entities: new Map([['s1', [entity('Kyiv', ['a'])]], ['s2', [entity('Kyiv', ['c']), entity('Oslo', ['d'])]]]),
      });
      await streamed.saveStoryList({ previous: { stories: [], origins: [] }, stories, links, origins: whole.origins, state: {} });
      const saved = await open();
      await saved.saveAnalysis(whole);
      for (const store of [saved, streamed]) {
        for (const text of ['Rain at the bridge.', 'Snow on the pass.']) await store.addArticle(article(text, `https://example.org/${text.length}`));
        const overview = await store.loadOverview();
        expect(overview.stories).toEqual(stories);
        expect(overview.articles.map((a) => a.title)).toEqual(['Rain at the bridge.', 'Snow on the pass.'].map((t) => t.slice(0, 20)));
        expect(overview.articles[0]).not.toHaveProperty('text');
        expect(overview.articles[0].source).toEqual({ url: 'https://example.org/19' });
        expect(overview.propositionCounts).toEqual(new Map([['s1', { contested: 1, corroborated: 1 }], ['s2', { contested: 1 }]]));
        const s1 = await store.loadStoryAnalysis('s1', ['a', 'b']);
        expect(s1.propositions.map((p) => p.label)).toEqual(['x', 'y']);
        expect(s1.claims.map((c) => c.id)).toEqual(['c1', 'c2']);
        // Links with an end among the members, whichever end.
        expect(s1.links.map((l) => `${l.from}>${l.to}`)).toEqual(['b>a', 'd>a']);
        expect(s1.entities).toEqual([entity('Kyiv', ['a'])]);
        const s2 = await store.loadStoryAnalysis('s2', ['c', 'd']);
        expect(s2.entities.map((e) => [e.id, e.mentions.map((m) => m.article)])).toEqual([['Kyiv', ['c']], ['Oslo', ['d']]]);
        // Without a story: the articles' own claims and links, nothing of any story.
        const loose = await store.loadStoryAnalysis(undefined, ['d']);
        expect(loose).toEqual({ propositions: [], claims: [], links: [links[1], links[2]], entities: [] });
        expect((await store.loadEntities()).map((e) => e.id).sort()).toEqual(['Kyiv', 'Oslo']);
        await store.close();
      }
    });

    it("keeps a story's pending update until the story is written by the run that left it, and drops it with the story", async () => {
      const store = await open();
      const a = article('The bridge reopened on Monday, officials said.');
      await store.addArticle(a);
      const empty = { stories: [], links: [], origins: [] };
      const story = { id: 's1', label: 'bridge', articles: [a.id], aligned: 'old' };
      const link = { from: a.id, to: 'x', kind: 'rewrite', score: 0.5, direction: 'forward' } as never;
      const update = (run: string) => ({ story: 's1', run, force: false, reanalysed: [a.id], members: [a.id], outputs: { [a.id]: { wires: [], contentTokens: 9, derived: [] } }, links: [link] });
      await store.saveStoryList({ previous: empty, stories: [story], links: [], origins: [], state: {}, updates: [update('r1')] });
      expect(await store.listStoryUpdates()).toEqual([{ story: 's1', run: 'r1', force: false, reanalysed: [a.id] }]);
      expect(await store.loadStoryUpdate('s1')).toEqual({ record: story, update: update('r1') });
      expect(await store.loadStoryUpdate('s2')).toBeUndefined();
      // A newer corpus update replaced it: the older run's write is refused whole.
      await store.saveStoryList({ previous: await store.loadStoryState(), stories: [story], links: [], origins: [], state: {}, updates: [update('r2')] });
      const written = { ...a, data: { ...a.data, wires: ['AP'] } };
      const claim = { id: 'c1', article: a.id, start: 0, end: 4, text: 'The ', kind: 'statement' as const };
      const write = (run: string) => ({
        record: { ...story, aligned: 'new', timeline: [] },
        rows: { claims: new Map([[a.id, [claim]]]), propositions: new Map([['s1', [{ id: 'p1', story: 's1', label: 'x', status: 'corroborated', claims: [] } as never]]]), entities: new Map() },
        articles: [written],
        run,
      });
      expect(await store.saveStory(write('r1'))).toBe(false);
      expect((await store.loadAnalysis()).claims).toEqual([]);
      expect((await store.getArticle(a.id))!.data).toEqual(a.data);
      expect(await store.saveStory(write('r2'))).toBe(true);
      const loaded = await store.loadAnalysis();
      expect(loaded.stories).toEqual([{ ...story, aligned: 'new', timeline: [] }]);
      expect(loaded.claims.map((c) => c.id)).toEqual(['c1']);
      expect(loaded.propositions.map((p) => p.id)).toEqual(['p1']);
      expect((await store.getArticle(a.id))!.data).toEqual(written.data);
      // Done: nothing pending, and writing it again changes nothing.
      expect(await store.listStoryUpdates()).toEqual([]);
      expect(await store.saveStory(write('r2'))).toBe(false);
      // A story merged away takes its pending update with it.
      await store.saveStoryList({ previous: await store.loadStoryState(), stories: [story], links: [], origins: [], state: {}, updates: [update('r3')] });
      await store.saveStoryList({ previous: await store.loadStoryState(), stories: [], links: [], origins: [], state: {} });
      expect(await store.listStoryUpdates()).toEqual([]);
      await store.close();
    });

    it("keeps each article's reuse support terms, read by id and replaced when written again", async () => {
      const store = await open();
      await store.saveReuseTerms(new Map([['a', { digest: 'd1', json: '[["x","y","z"]]' }]]));
      const changes = { features: new Map(), compared: [], links: [], support: new Map(), terms: new Map([['b', { digest: 'd2', json: '[]' }]]) };
      await store.saveReuseChanges(changes);
      await store.saveReuseTerms(new Map([['a', { digest: 'd3', json: '[["w","x","y"]]' }]]));
      const read = await store.loadReuseTerms(['a', 'b', 'missing']);
      expect(Object.fromEntries(read)).toEqual({ a: { digest: 'd3', json: '[["w","x","y"]]' }, b: { digest: 'd2', json: '[]' } });
      await store.close();
    });

    it('reads the links as compared around some articles without the others, and drops those of an article compared again', async () => {
      const store = await open();
      const pair = (from: string, to: string, score: number) => ({ from, to, kind: 'copy' as const, score, direction: 'unknown' as const, passages: [], evidence: [] });
      const changes = (compared: string[], links: ReturnType<typeof pair>[]) => ({ features: new Map(), compared, links, support: new Map(), terms: new Map() });
      await store.saveReuseChanges(changes(['a', 'b', 'c', 'd'], [pair('b', 'a', 0.9), pair('c', 'b', 0.8), pair('d', 'e', 0.7)]));
      // Either end counts, each link once, ordered by from then to.
      expect((await store.loadReusePairs(['b'])).map((l) => [l.from, l.to, l.score])).toEqual([['b', 'a', 0.9], ['c', 'b', 0.8]]);
      expect((await store.loadReusePairs(['a', 'b', 'c'])).map((l) => `${l.from}>${l.to}`)).toEqual(['b>a', 'c>b']);
      expect(await store.loadReusePairs(['x'])).toEqual([]);
      await store.saveReuseChanges(changes(['c'], [pair('c', 'a', 0.6)]));
      expect((await store.loadReusePairs(['c'])).map((l) => `${l.from}>${l.to}`)).toEqual(['c>a']);
      expect((await store.loadReuseState({ links: false })).links).toEqual([]);
      expect((await store.loadReuseState()).links.map((l) => `${l.from}>${l.to}`)).toEqual(['b>a', 'c>a', 'd>e']);
      await store.close();
    });

    it('keeps links written as found when their articles are compared again, and drops the ones not found again', async () => {
      const store = await open();
      const pair = (from: string, to: string, score: number) => ({ from, to, kind: 'copy' as const, score, direction: 'unknown' as const, passages: [], evidence: [] });
      const changes = (compared: string[]) => ({ features: new Map(), compared, links: [], support: new Map(), terms: new Map() });
      await store.saveReusePairs([pair('b', 'a', 0.9), pair('c', 'b', 0.8), pair('d', 'e', 0.7)]);
      // A later run compares b again and finds b>a again (with another score) and b>d; c>b is not found again.
      await store.saveReusePairs([pair('b', 'a', 0.5), pair('b', 'd', 0.6)]);
      const found = new Set(['b>a', 'b>d']);
      await store.saveReuseChanges(changes(['b']), (from, to) => found.has(`${from}>${to}`));
      expect((await store.loadReuseState()).links.map((l) => [`${l.from}>${l.to}`, l.score])).toEqual([
        ['b>a', 0.5],
        ['b>d', 0.6],
        ['d>e', 0.7],
      ]);
      await store.close();
    });

    it('reads every stored link end a page at a time, in key order', async () => {
      const store = await open();
      const pair = (i: number) => ({ from: `f${String(i).padStart(5, '0')}`, to: 't', kind: 'copy' as const, score: 1, direction: 'unknown' as const, passages: [], evidence: [] });
      const links = Array.from({ length: 7 }, (_, i) => pair(6 - i));
      await store.saveReusePairs(links);
      const pages: number[] = [];
      const ends: string[] = [];
      for await (const page of store.pageReuseEnds({ pageRows: 3 })) {
        pages.push(page.length);
        for (const [from, to] of page) ends.push(`${from}>${to}`);
      }
      expect(pages).toEqual([3, 3, 1]);
      expect(ends).toEqual(links.map((l) => `${l.from}>${l.to}`).reverse());
      await store.close();
    });

    it('records input failures in order', async () => {
      const store = await open();
      await store.recordFailures([
        { input: 'a.pdf', ruleId: 'ingest:binary', reason: 'binary file (PDF)', at: '2024-01-01T00:00:00Z' },
        { input: 'b.txt', ruleId: 'ingest:empty', reason: 'empty file', at: '2024-01-01T00:00:01Z' },
      ]);
      expect((await store.listFailures()).map((f) => f.ruleId)).toEqual(['ingest:binary', 'ingest:empty']);
      await store.close();
    });

    it('reports its schema version', async () => {
      const store = await open();
      expect(await store.schemaVersion()).toBeGreaterThanOrEqual(1);
      await store.close();
    });
  });
}
