import { describe, expect, it } from 'vitest';
import { makeArticle, type Article } from '../core/article.js';
import type { Span } from '../core/span.js';
import type { Story } from '../cluster/stories.js';
import { finishReuseSteps, ReuseLinksOptions, reuseStamp, runReuseLinks } from './links-stage.js';
import { emptyReuseChanges } from './state.js';
import { profileArticle } from './profile.js';
import type { ReuseState } from './state.js';

const ORIGIN = [
  'The river authority opened the northern sluice gates on Tuesday morning after three days of heavy rain upstream.',
  'Engineers said the reservoir had climbed faster than at any time since the barrier was completed.',
  'Residents of the low-lying farms were told to move livestock to higher pastures before nightfall.',
  'A spokeswoman for the authority said the release would be gradual and closely monitored.',
  'Volunteers filled sandbags outside the village hall while police closed the old bridge road.',
  'Forecasters expect the rain to ease by the weekend, though the ground remains saturated.',
];
/** The origin copied with two invented sentences of its own: the additions. */
const PADDED = [
  ...ORIGIN.slice(0, 3),
  'Critics claimed the authority had ignored repeated warnings from local fishermen about cracks in the spillway.',
  'One farmer insisted that his entire orchard would be lost within hours unless the gates closed again.',
  ...ORIGIN.slice(3),
];
const UNRELATED = [
  'The orchestra announced its winter programme with three premieres by young composers from the region.',
  'Tickets for the opening concert sold out within an hour of going on sale at the box office.',
  'The conductor said the season would close with a choral work rarely performed in the capital.',
  'Rehearsals begin next month in the restored theatre on the harbour front.',
];
/** Echoes the first invented sentence in other words (supporting it) and nothing else of the story's text. */
const ECHO = [
  'Local fishermen had sent repeated warnings about cracks in the spillway, critics of the authority claimed.',
  'Museum curators unveiled a collection of medieval maps donated by a retired sea captain.',
  'The maps will be shown in the east wing from spring, alongside navigation instruments.',
  'Schoolchildren are invited to free guided tours on the first Saturday of each month.',
];

function article(id: string, sentences: string[]): Article {
  const text = sentences.join(' ');
  const spans: Span[] = [];
  let at = 0;
  for (const s of sentences) {
    spans.push({ start: at, end: at + s.length });
    at += s.length + 1;
  }
  return makeArticle({ id, text, meta: { publishedAt: undefined }, layers: { paragraph: [{ start: 0, end: text.length }], sentence: spans } });
}

const additionsOf = (articles: readonly Article[]) => Object.fromEntries(articles.map((a) => [a.id, a.data.additions ?? null]));

describe('reuse/links: story-wide support when a story gains members', () => {
  const first = [article('origin', ORIGIN), article('padded', PADDED), article('other', UNRELATED)];
  const grown = [...first.map((a) => makeArticle({ ...a, data: {}, messages: [] })), article('echo', ECHO)];
  const storyOf = (articles: readonly Article[]): Story[] => [{ id: 'story', label: 'story', articleIds: articles.map((a) => a.id), origins: [], centroid: [] }];

  it('checks the stored additions against the new member only, with what an analysis of the whole story gives', () => {
    const run1 = runReuseLinks({ articles: first, data: { stories: storyOf(first) } }, {}, '1');
    const before = first.find((a) => a.id === 'padded')!.data.additions ?? [];
    expect(before.map((a) => PADDED.join(' ').slice(a.start, a.end))).toEqual([PADDED[3] + ' ' + PADDED[4]]);
    const changes = run1.data.reuseChanges!;
    const stored: ReuseState = { features: changes.features, links: changes.links, support: changes.support };

    const whole = grown.map((a) => makeArticle({ ...a, data: {}, messages: [] }));
    runReuseLinks({ articles: whole, data: { stories: storyOf(whole) } }, {}, '1');
    runReuseLinks({ articles: grown, data: { stories: storyOf(grown), reuse: stored } }, {}, '1');
    expect(additionsOf(grown)).toEqual(additionsOf(whole));
    // The echoed sentence is supported now; the other invented one is still an addition, alone.
    expect((grown.find((a) => a.id === 'padded')!.data.additions ?? []).map((a) => PADDED.join(' ').slice(a.start, a.end))).toEqual([PADDED[4]]);
  });

  it('asks for the terms of the new member only and for no profile, not for the members it stored results for', () => {
    const run1 = runReuseLinks({ articles: first, data: { stories: storyOf(first) } }, {}, '1');
    const changes = run1.data.reuseChanges!;
    const previous: ReuseState = { features: changes.features, links: changes.links, support: changes.support };
    const second = runReuseLinks({ articles: grown.map((a) => makeArticle({ ...a, data: {}, messages: [] })), data: { stories: storyOf(grown), reuse: previous } }, {}, '1');
    // The new member links to nothing, so the stored links and features are the whole input of the story-wide steps.
    expect(second.data.reuseChanges!.links).toEqual([]);
    const profiles = new Map(grown.map((a) => [a.id, profileArticle(a)]));
    const ids = grown.map((a) => a.id);
    const features = ids.map((id) => changes.features.get(id) ?? second.data.reuseChanges!.features.get(id)!);
    const asked: string[][] = [];
    const steps = finishReuseSteps({
      ids,
      features,
      changes: emptyReuseChanges(),
      previous,
      present: new Set(ids),
      profile: (id) => profiles.get(id),
      opts: ReuseLinksOptions.parse({}),
      raw: previous.links,
      stories: storyOf(grown),
      stamp: reuseStamp({}, '1'),
      streamed: true,
    });
    const profiled: string[][] = [];
    for (let step = steps.next(); !step.done; step = steps.next()) {
      asked.push(step.value.index);
      profiled.push(step.value.profiles);
    }
    // The stored results are checked against the new member's terms: no member's sentences are checked again.
    expect(asked).toEqual([['echo']]);
    expect(profiled).toEqual([[]]);
  });

  it('orients an undirected copy by story-unique sentences the same way after the story gains a member as an analysis of the whole', () => {
    // Each side adds sentences of its own, so neither contains the other: the story decides (3 own sentences against 1).
    const left = article('left', [...ORIGIN, PADDED[3]]);
    const right = article('right', [...ORIGIN, PADDED[4], ECHO[1], ECHO[2]]);
    const base = [left, right, article('other', UNRELATED)];
    const run1 = runReuseLinks({ articles: base, data: { stories: storyOf(base) } }, {}, '1');
    const oriented = (links: readonly { from: string; to: string; direction: string }[]) => links.map((l) => `${l.from}>${l.to} ${l.direction}`);
    expect(oriented(run1.data.links!)).toEqual(['right>left inferred']);
    const changes = run1.data.reuseChanges!;
    const previous: ReuseState = { features: changes.features, links: changes.links, support: changes.support };
    // The new member echoes two of the right side's own sentences: both sides then hold as many unique ones.
    const echo = article('echo', [ECHO[1], ECHO[2], ...UNRELATED.slice(0, 2)]);
    const fresh = () => [...base, echo].map((a) => makeArticle({ ...a, data: {}, messages: [] }));
    const grownRun = runReuseLinks({ articles: fresh(), data: { stories: storyOf([...base, echo]), reuse: previous } }, {}, '1');
    const wholeRun = runReuseLinks({ articles: fresh(), data: { stories: storyOf([...base, echo]) } }, {}, '1');
    expect(oriented(grownRun.data.links!)).toEqual(oriented(wholeRun.data.links!));
    expect(oriented(grownRun.data.links!)).not.toEqual(['right>left inferred']);
  });
});
