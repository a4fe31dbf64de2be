/**
 * `analyze` over a store without holding it: per-article stages run batch by batch over the articles that need them,
 * story clustering and reuse linking work from stored state plus the articles they need (the corpus update, one at a
 * time), then alignment, claims and entities are redone story by story over the stories that changed, from what the
 * corpus update stored for each (update-story.ts; workers run those in parallel). Results are those of one in-memory
 * analysis.
 */
import { randomUUID } from 'node:crypto';
import type { Article } from '../core/article.js';
import { hasFatal } from '../core/message.js';
import { createPipeline, type AnyStage, type Corpus, type Stage } from '../core/pipeline.js';
import type { StageConfig } from '../core/registry.js';
import { addEntriesToStories, storyEntry, type Story, type StoryEntry } from '../cluster/stories.js';
import { StoriesOptions } from '../cluster/stories-stage.js';
import { joinLinkedStories, JoinTranslationsOptions } from '../cluster/join-translations.js';
import { exportLinks } from '../reuse/export-links.js';
import {
  changedPairs,
  finishReuseSteps,
  ReuseLinksOptions,
  reuseFeatures,
  reuseStamp,
  storedTerms,
  type ReuseInputs,
} from '../reuse/links-stage.js';
import { linkPair } from '../reuse/links.js';
import { ComparePool } from '../reuse/compare-workers.js';
import { articleWorkerCount } from '../core/article-workers-config.js';
import { additionsKey, orientKey, uniqueKey } from '../reuse/story-support.js';
import { profileArticle, type ReuseProfile } from '../reuse/profile.js';
import { supportTerms } from '../reuse/additions.js';
import { emptyReuseChanges, emptyReuseState, type ReuseChanges, type ReuseState, type StoredFeatures } from '../reuse/state.js';
import type { ReuseLink } from '../reuse/types.js';
import { DEFAULT_CONFIG, defaultRegistry } from '../stages.js';
import type { AnalysisRecord, StoredStory, Store, StoryState, StoryUpdateRecord } from '../store/store.js';
import { toStory, type AnalyzeOptions, type StepTiming } from './analyze.js';
import { claimsOf, LinkIndex, runStoryUpdate, toStored, updateStory, type StorySpent, type StoryUpdateResult } from './update-story.js';

/** Articles read, analysed and written at a time: bounds memory by the batch, not the store. */
export const BATCH_SIZE = 256;

/**
 * Reuse profiles held at once (beyond the ones a step needs together, e.g. one story's): bounds memory when every
 * article is new. The least recently used go first; work is ordered story by story, so the bound need only exceed the
 * stories being worked on. About 55 KB each with the text: 16,384 of them (900 MB) ran a 30,000-article store out of
 * the 1,536 MiB heap; with copies bounded per article (candidates.ts) the pairs of a story reuse few profiles.
 */
const MAX_PROFILES = 4_096;
/**
 * Candidate pairs from which comparing them in worker threads pays (two threads answer their first chunk after about
 * 0.15 s, and a pair takes about 0.2 ms): a corpus update adding a few articles compares a few hundred in this thread.
 */
const MIN_PAIRS_FOR_THREADS = 2_048;
/** Comparing threads at most: each profiles its chunks' articles, which this thread reads from the store for them. */
const MAX_COMPARE_THREADS = 4;
/** Articles' support terms held at once beyond a story's (an estimated 15 KB each parsed): a story asked for twice reads them once. */
const MAX_TERMS = 4_096;

/** The corpus stages the streamed run knows how to do from stored state, in their pipeline order. */
export const STREAMED_CORPUS_STAGES = ['claims/resolve-entities', 'cluster/stories', 'reuse/links', 'cluster/join-translations', 'align/propositions'];

/** What a streamed analysis did (the analysis itself is in the store). */
export interface StoreAnalyzeResult {
  /** Stored articles. */
  articles: number;
  /** Articles each stage ran on, by stage name. */
  ran: Record<string, number>;
  /** Articles whose per-article stages ran. */
  reanalysed: number;
  timings: StepTiming[];
  /** Articles reuse/links profiled and compared again (new or changed), in store order. */
  compared: string[];
  /** Stories after the run, and how many of them were aligned again. */
  stories: number;
  realigned: number;
  /** With `deferStories`: this run's key and the stories whose update is left pending, touched by it or left by an earlier one. */
  pending?: { run: string; touched: string[]; leftOver: string[] };
}

/** True when a configuration's corpus stages are the ones the streamed run does (else the in-memory run is used). */
export function canStream(stages: readonly AnyStage[]): boolean {
  const names = stages.filter((s) => s.kind === 'corpus').map((s) => s.name);
  return names.length === STREAMED_CORPUS_STAGES.length && names.every((n, i) => n === STREAMED_CORPUS_STAGES[i]);
}

/** The options a config gives a stage (its schema fills the defaults). */
function optionsOf(config: readonly StageConfig[], name: string): Record<string, unknown> {
  const entry = config.find((c) => (typeof c === 'string' ? c : c.name) === name);
  return entry && typeof entry !== 'string' ? (entry.options ?? {}) : {};
}

/**
 * Analyses the store in batches and story by story (see the module comment).
 * @example const { stories } = await analyzeStoreStreamed(store);
 */
export async function analyzeStoreStreamed(store: Store, options: AnalyzeOptions = {}): Promise<StoreAnalyzeResult> {
  const config = options.config ?? DEFAULT_CONFIG;
  const stages = (options.registry ?? defaultRegistry()).build(config);
  createPipeline(stages);
  const stage = (name: string) => stages.find((s) => s.name === name)!;
  const articleStages = stages.filter((s): s is Stage => s.kind !== 'corpus');
  const perArticle = createPipeline(articleStages);
  const timings: StepTiming[] = [];
  const ran: Record<string, number> = Object.fromEntries(articleStages.map((s) => [s.name, 0]));
  const timed = async <T>(step: string, articles: number | (() => number), fn: () => Promise<T> | T): Promise<T> => {
    const started = performance.now();
    const out = await fn();
    timings.push({ step, ms: performance.now() - started, articles: typeof articles === 'number' ? articles : articles() });
    return out;
  };

  // What is stored: article states without text, the story list, reuse state, and the stamp of the corpus stages.
  const reuseVersion = stage('reuse/links').version;
  const reuseOpts = ReuseLinksOptions.parse(optionsOf(config, 'reuse/links'));
  const stamp = reuseStamp(reuseOpts, reuseVersion);
  const alignVersion = stage('align/propositions').version;
  const corpusStamp = JSON.stringify(stages.filter((s) => s.kind === 'corpus').map((s) => [s.name, s.version ?? null, optionsOf(config, s.name)]));
  const { states, prev, previousReuse, fresh, pendingBefore } = await timed('store/load', () => 0, async () => {
    const states = await store.listArticleStates();
    const prev = await store.loadStoryList();
    const pendingBefore = await store.listStoryUpdates();
    // Another corpus stage version (or a store last written whole) redoes every story.
    const fresh = alignVersion === undefined || (await store.getAnalysisState('corpus-stamp')) !== corpusStamp;
    // Without a version nothing stored can be trusted. Support results are read later, for the stories this run
    // touches only; so are the links as compared, unless every story is redone.
    const previousReuse = reuseVersion === undefined ? emptyReuseState() : await store.loadReuseState({ support: false, links: fresh });
    return { states, prev, previousReuse, fresh, pendingBefore };
  });
  timings[0].articles = states.length;
  const present = new Set(states.map((s) => s.id));
  const storedStories = prev.stories.map((s) => toStory(s, present)).filter((s) => s.articleIds.length);
  const clustered = new Set(storedStories.flatMap((s) => s.articleIds));
  const isCurrent = (analysed: Record<string, string> | undefined, s: Stage) => s.version !== undefined && analysed?.[s.name] === s.version;
  const stale = new Set(states.filter((s) => articleStages.some((st) => !isCurrent(s.analysed, st))).map((s) => s.id));
  const fatal = new Set(states.filter((s) => s.fatal).map((s) => s.id));
  const need = states.filter((s) => stale.has(s.id) || (!s.fatal && (!clustered.has(s.id) || previousReuse.features.get(s.id) === undefined)));

  // 1. Per-article stages over the articles that need them, a batch at a time; what the corpus stages need of them is kept.
  const changes = emptyReuseChanges();
  const entries: StoryEntry[] = [];
  const runBatch = async (at: number): Promise<Article[]> => {
    const batch = await store.getArticles(need.slice(at, at + BATCH_SIZE).map((s) => s.id));
    await perArticle.run(batch, {
      logger: options.logger,
      signal: options.signal,
      onProgress: (event) => {
        ran[event.stage] = (ran[event.stage] ?? 0) + event.ran;
        const t = timings.find((x) => x.step === event.stage) ?? timings[timings.push({ step: event.stage, ms: 0, articles: 0 }) - 1];
        t.ms += event.ms;
        t.articles += event.ran;
        options.onProgress?.({ ...event, total: stages.length });
      },
      onArticle: options.onArticle && ((e) => options.onArticle!({ ...e, done: at + e.done, articles: need.length, total: stages.length })),
    });
    return batch;
  };
  // The worker threads take the next batch through the stages while this thread writes the one before.
  const started = (at: number) => {
    if (at >= need.length) return undefined;
    const run = runBatch(at);
    // Awaited once the batch before is written; a failure meanwhile is not unhandled.
    run.catch(() => undefined);
    return run;
  };
  let next = started(0);
  for (let at = 0; at < need.length; at += BATCH_SIZE) {
    options.signal?.throwIfAborted();
    const batch = await next!;
    next = started(at + BATCH_SIZE);
    await timed('store/annotations', batch.length, async () => {
      await store.updateAnnotations(batch.filter((a) => stale.has(a.id)));
      for (const article of batch) {
        if (hasFatal(article)) {
          fatal.add(article.id);
          continue;
        }
        fatal.delete(article.id);
        if (!clustered.has(article.id)) entries.push(storyEntry(article));
        const stored = previousReuse.features.get(article.id);
        let profile: ReuseProfile | undefined;
        const made = reuseFeatures(article, stamp, stored, () => (profile = profileArticle(reuseView(article))));
        if (made === stored) continue;
        changes.features.set(article.id, made);
        changes.terms.set(article.id, storedTerms(made, profile!));
      }
      // Written now rather than held to the end: a story's support index reads them back by key.
      await store.saveReuseTerms(changes.terms);
      changes.terms.clear();
    });
  }
  // Every per-article stage has its row, with 0 articles when none needed it.
  for (const s of articleStages) if (!timings.some((t) => t.step === s.name)) timings.push({ step: s.name, ms: 0, articles: 0 });
  mergeTimings(timings);

  // 2. Story clustering from the stored stories and the new articles' entries.
  const ids = states.map((s) => s.id).filter((id) => !fatal.has(id));
  const live = new Set(ids);
  const stories = await timed('cluster/stories', entries.length, () =>
    addEntriesToStories(storedStories, entries.filter((e) => live.has(e.id)), StoriesOptions.parse(optionsOf(config, 'cluster/stories'))),
  );
  ran['cluster/stories'] = entries.length;
  // Clustering was their only reader: a first analysis of a large store holds one per article.
  entries.length = 0;

  // 3. Reuse links: compare the changed articles with their candidates, then the story-wide steps over the stories touched.
  const features = ids.map((id) => changes.features.get(id) ?? previousReuse.features.get(id)!);
  const profiles = new Held(MAX_PROFILES, (missing) => loadProfiles(store, missing));
  const digests = new Map(ids.map((id, i) => [id, features[i].digest]));
  const terms = new Held(MAX_TERMS, (missing) => loadTerms(store, missing, digests, profiles, changes));
  const inputs: ReuseInputs = { ids, features, changes, previous: previousReuse, present, profile: (id) => profiles.get(id), opts: reuseOpts };
  const reuse = await timed('reuse/links', () => changes.compared.length, async () => {
    const newLinks = await compareChangedStreamed(store, inputs, profiles, stories);
    const reanalysed = new Set([...stale].filter((id) => live.has(id)));
    const changedIds = new Set([...reanalysed, ...changes.features.keys()]);
    // The stored links as compared hold every kept link's ends (orientation only swaps them).
    const around = fresh ? previousReuse.links : await store.loadReusePairs([...changedIds]);
    const touched = touchedArticles(changedIds, [newLinks, around]);
    const before = new Map(storedStories.map((s) => [s.id, s.articleIds.join('\u0000')]));
    const affected = stories.filter((s) => fresh || before.get(s.id) !== s.articleIds.join('\u0000') || s.articleIds.some((id) => touched.has(id)));
    const wanted = new Set(affected.flatMap((s) => s.articleIds).filter((id) => live.has(id)));
    const region = fresh ? { stories, stored: previousReuse.links } : await reuseRegion(store, stories, affected, wanted);
    if (!fresh) {
      // A story the run does not change keeps the origin groups it has stored.
      const storedOrigins = new Map(prev.stories.map((s) => [s.id, s.origins ?? []]));
      const redone = new Set<Story>(affected);
      for (const story of stories) if (!redone.has(story)) story.origins = storedOrigins.get(story.id) ?? [];
    }
    const changed = new Set(changes.features.keys());
    const raw = region.stored.filter((l) => present.has(l.from) && present.has(l.to) && !changed.has(l.from) && !changed.has(l.to)).concat(newLinks);
    raw.sort((x, y) => x.from.localeCompare(y.from) || x.to.localeCompare(y.to));
    const members = new Set(region.stories.flatMap((s) => s.articleIds));
    const inRegion = (_: unknown, i: number) => fresh || members.has(ids[i]);
    const scope = { ids: ids.filter(inRegion), features: features.filter(inRegion) };
    if (reuseVersion !== undefined) previousReuse.support = await store.loadReuseSupport(supportKeys(region.stories, affected, wanted));
    // Story-wide look-ups not found in the store ask for one story's profiles at a time.
    const steps = finishReuseSteps({
      ...inputs,
      ...scope,
      raw,
      stories: region.stories,
      stamp,
      wanted,
      ...(fresh ? {} : { regroup: new Set<Story>(affected) }),
      streamed: true,
      terms: (id) => terms.get(id),
    });
    for (let step = steps.next(); ; step = steps.next()) {
      // Every story's origin groups: made again for those the run changed, as stored for the others.
      if (step.done) return { ...step.value, origins: stories.flatMap((st) => st.origins), wanted, reanalysed, touched };
      // A story asked for again (orientation, then additions) finds its terms and profiles still held.
      // Terms first: a member without stored terms is profiled, which must not push out the profiles asked for.
      await terms.ensure(step.value.index.filter((id) => live.has(id)));
      await profiles.ensure(step.value.profiles.filter((id) => live.has(id)));
    }
  });
  ran['reuse/links'] = changes.compared.length;
  profiles.clear();
  terms.clear();

  // 4. Stories that translations or copies tie together merge.
  const joinOpts = JoinTranslationsOptions.parse(optionsOf(config, 'cluster/join-translations'));
  let finalStories: Story[] = stories;
  let origins = reuse.origins;
  if (stories.length && reuse.kept.length) {
    const joined = joinLinkedStories(stories, reuse.kept, { kinds: joinOpts.kinds, present: live });
    if (joined.length !== stories.length) [finalStories, origins] = [joined, joined.flatMap((s) => s.origins)];
  }

  // 5. What each story touched needs for its update is stored with the story list, so the update can run here or as a worker's job.
  const run = randomUUID();
  const storedById = new Map(prev.stories.map((s) => [s.id, s]));
  const redo = new Set([...reuse.wanted, ...reuse.reanalysed]);
  const beforeFinal = new Map(prev.stories.map((s) => [s.id, s.articles.filter((id) => present.has(id)).join('\u0000')]));
  // Updates left pending by an earlier run (a worker's job not yet done, a process killed): what they carried is kept.
  const carriedReanalysed = new Set(pendingBefore.flatMap((u) => u.reanalysed));
  const carriedForce = new Set(pendingBefore.filter((u) => u.force).flatMap((u) => storedById.get(u.story)?.articles ?? []));
  const links = new LinkIndex(reuse.kept);
  const out: StoredStory[] = [];
  const updates: StoryUpdateRecord[] = [];
  for (const story of finalStories) {
    const stored = storedById.get(story.id);
    const record = toStored(story);
    // Until its update writes them, a story keeps its stored alignment digest (the update compares with it), and a record
    // written before timelines had their own rows its timeline.
    if (stored?.timeline) record.timeline = stored.timeline;
    if (stored?.aligned) record.aligned = stored.aligned;
    out.push(record);
    const touched = fresh || beforeFinal.get(story.id) !== story.articleIds.join('\u0000') || story.articleIds.some((id) => redo.has(id));
    if (!touched && stored) continue;
    const members = story.articleIds.filter((id) => live.has(id));
    updates.push({
      story: story.id,
      run,
      force: fresh || members.some((id) => carriedForce.has(id)),
      reanalysed: members.filter((id) => reuse.reanalysed.has(id) || carriedReanalysed.has(id)),
      members,
      outputs: Object.fromEntries(members.flatMap((id) => (reuse.outputs.has(id) ? [[id, reuse.outputs.get(id)!]] : []))),
      links: links.within(members),
    });
  }
  // A newly fatal article keeps the claims its layers hold, as the in-memory run exports them.
  const fatalRedone = [...stale].filter((id) => fatal.has(id));
  if (fatalRedone.length) {
    const claims = new Map((await store.getArticles(fatalRedone)).map((a) => [a.id, claimsOf(a)]));
    await store.saveStoryRows({ claims, propositions: new Map(), entities: new Map() });
  }
  // Links change only around what the run touched (the other links of a story keep their stored orientation).
  const linkScope = fresh ? undefined : new Set([...reuse.touched, ...reuse.wanted]);
  await timed('store/save', ids.length, async () => {
    await store.saveStoryList({
      previous: prev,
      stories: out,
      links: exportLinks({ articles: [], data: { links: linkScope ? reuse.kept.filter((l) => linkScope.has(l.from) || linkScope.has(l.to)) : reuse.kept } }),
      ...(linkScope ? { linkScope: [...linkScope] } : {}),
      origins,
      state: { 'corpus-stamp': corpusStamp },
      updates,
    });
    await store.saveReuseChanges(changes);
  });

  // 6. Story by story: the updates of this run, then any an earlier run left pending for a story not touched since.
  const kept = new Set(out.map((s) => s.id));
  const touched = new Set(updates.map((u) => u.story));
  const leftOver = pendingBefore.map((u) => u.story).filter((id) => kept.has(id) && !touched.has(id));
  let realigned = 0;
  let alignedArticles = 0;
  let read = 0;
  const spent: StorySpent = { read: 0, annotate: 0, align: 0, write: 0 };
  if (!options.deferStories) {
    const records = new Map(out.map((r) => [r.id, r]));
    const done = async (result: StoryUpdateResult | { status: 'none' }) => {
      if (result.status === 'none') return;
      read += result.read;
      if (result.aligned) [realigned, alignedArticles] = [realigned + 1, alignedArticles + result.read];
    };
    for (const update of updates) {
      options.signal?.throwIfAborted();
      await done(await updateStory(store, records.get(update.story)!, update, alignVersion, spent));
    }
    for (const id of leftOver) await done(await runStoryUpdate(store, id, { alignVersion, spent }));
  }
  timings.push(
    { step: 'stories/read', ms: spent.read, articles: read },
    { step: 'stories/reuse+claims', ms: spent.annotate, articles: redo.size },
    { step: 'align/propositions', ms: spent.align, articles: alignedArticles },
    { step: 'stories/write', ms: spent.write, articles: redo.size },
  );
  ran['align/propositions'] = alignedArticles;
  const reanalysed = Math.max(0, ...articleStages.map((s) => ran[s.name] ?? 0));
  return {
    articles: states.length,
    ran,
    reanalysed,
    timings,
    compared: changes.compared,
    stories: out.length,
    realigned,
    ...(options.deferStories ? { pending: { run, touched: [...touched], leftOver } } : {}),
  };
}

/** Sums the per-batch timing rows of one step into one row, keeping first-seen order. */
function mergeTimings(timings: StepTiming[]): void {
  const merged: StepTiming[] = [];
  for (const t of timings) {
    const same = merged.find((m) => m.step === t.step);
    if (same) {
      same.ms += t.ms;
      same.articles += t.articles;
    } else merged.push({ ...t });
  }
  timings.splice(0, timings.length, ...merged);
}

/** The articles whose reuse results may change: those changed and every article a link (stored or new) ties to one. */
function touchedArticles(changed: ReadonlySet<string>, linkLists: ReadonlyArray<ReadonlyArray<{ from: string; to: string }>>): Set<string> {
  const out = new Set(changed);
  for (const links of linkLists) {
    for (const l of links) {
      if (changed.has(l.from) || changed.has(l.to)) {
        out.add(l.from);
        out.add(l.to);
      }
    }
  }
  return out;
}

/**
 * The keys of the stored support results the story-wide steps may look up: every story's orientation counts (links
 * of untouched stories are oriented too), and for the stories touched the sentences behind them and the additions.
 */
function supportKeys(stories: readonly Story[], affected: readonly Story[], wanted: ReadonlySet<string>): string[] {
  return [...stories.map(orientKey), ...affected.map(uniqueKey), ...[...wanted].map(additionsKey)];
}

/**
 * The stories whose links the story-wide steps read, and the stored links as compared they need: the stories changed,
 * and every story an article one link away from them is in (pruning reads the links of a linked article, and a link
 * across stories may join them, which groups the origins of both), with every link of their members.
 */
async function reuseRegion(store: Store, stories: readonly Story[], affected: readonly Story[], wanted: ReadonlySet<string>): Promise<{ stories: Story[]; stored: ReuseLink[] }> {
  const storyOf = new Map(stories.flatMap((s) => s.articleIds.map((id) => [id, s] as const)));
  const near = await store.loadReusePairs([...wanted]);
  const inRegion = new Set<Story>(affected);
  const ends = new Set<string>();
  for (const l of near) {
    for (const id of [l.from, l.to]) {
      if (wanted.has(id)) continue;
      ends.add(id);
      const story = storyOf.get(id);
      if (story) inRegion.add(story);
    }
  }
  const regionStories = stories.filter((s) => inRegion.has(s));
  const more = new Set([...ends, ...regionStories.flatMap((s) => s.articleIds)].filter((id) => !wanted.has(id)));
  const stored = new Map(near.map((l) => [`${l.from}\u0000${l.to}`, l]));
  for (const l of await store.loadReusePairs([...more])) stored.set(`${l.from}\u0000${l.to}`, l);
  return { stories: regionStories, stored: [...stored.values()] };
}

/** The new links of the changed articles: each candidate pair of a changed article, compared with profiles loaded a chunk at a time. */
async function compareChangedStreamed(store: Store, inputs: ReuseInputs, profiles: Held<ReuseProfile>, stories: readonly Story[]): Promise<ReuseLink[]> {
  const { changes } = inputs;
  const changed = new Set(changes.features.keys());
  changes.compared = inputs.ids.filter((id) => changed.has(id));
  const raw: ReuseLink[] = [];
  const pairs = changedPairs(inputs);
  // Story by story (most pairs lie within a story), then by first article, so that consecutive chunks share profiles.
  const at = new Map(inputs.ids.map((id, i) => [id, i]));
  const storyAt = new Map(stories.flatMap((s, i) => s.articleIds.map((id) => [id, i] as const)));
  const rank = (id: string) => storyAt.get(id) ?? stories.length;
  pairs.sort((x, y) => rank(x[0]) - rank(y[0]) || at.get(x[0])! - at.get(y[0])! || rank(x[1]) - rank(y[1]));
  const threshold = inputs.opts.sentenceThreshold;
  const here = async (chunk: [string, string][]) => {
    await profiles.ensure(chunk.flat());
    return chunk.map(([a, b]) => linkPair(profiles.get(a)!, profiles.get(b)!, threshold));
  };
  const keep = (found: readonly (ReuseLink | null)[]) => {
    for (const link of found) {
      if (!link) continue;
      raw.push(link);
      changes.links.push(link);
    }
  };
  const threads = articleWorkerCount();
  const pool = threads > 1 && pairs.length >= MIN_PAIRS_FOR_THREADS ? new ComparePool(Math.min(threads, MAX_COMPARE_THREADS)) : undefined;
  try {
    // Answers are read in the order asked, so the links are those of the loop in this thread.
    const asked: Promise<(ReuseLink | null)[]>[] = [];
    for (let from = 0; from < pairs.length; from += BATCH_SIZE) {
      const chunk = pairs.slice(from, from + BATCH_SIZE);
      if (!pool) {
        keep(await here(chunk));
        continue;
      }
      const { answer: asking } = await pool.send({ pairs: chunk, threshold }, async (ids) => (await store.getArticles(ids)).map(reuseView));
      // A thread lost or failing: this thread compares the chunk itself.
      const answer = asking.catch(() => here(chunk));
      answer.catch(() => undefined);
      asked.push(answer);
      if (asked.length >= 2 * pool.size) keep(await asked.shift()!);
    }
    for (const answer of asked) keep(await answer);
  } finally {
    await pool?.close();
  }
  return raw;
}

/** Reuse profiles made from the stored articles, each from what profiling reads of an article (not its other layers). */
async function loadProfiles(store: Store, ids: readonly string[]): Promise<Map<string, ReuseProfile>> {
  const out = new Map<string, ReuseProfile>();
  for (let at = 0; at < ids.length; at += BATCH_SIZE) {
    for (const article of await store.getArticles(ids.slice(at, at + BATCH_SIZE))) out.set(article.id, profileArticle(reuseView(article)));
  }
  return out;
}

/**
 * Support terms read from the store by key; an article whose stored terms are missing or of other features (a store
 * analysed before they were kept) is profiled, and its terms are written with the run's changes.
 */
async function loadTerms(
  store: Store,
  ids: readonly string[],
  digests: ReadonlyMap<string, string>,
  profiles: Held<ReuseProfile>,
  changes: ReuseChanges,
): Promise<Map<string, string[][]>> {
  const stored = await store.loadReuseTerms(ids.filter((id) => !changes.terms.has(id)));
  const out = new Map<string, string[][]>();
  const missing: string[] = [];
  for (const id of ids) {
    const row = changes.terms.get(id) ?? stored.get(id);
    if (row && row.digest === digests.get(id)) out.set(id, JSON.parse(row.json) as string[][]);
    else missing.push(id);
  }
  await profiles.ensure(missing);
  for (const id of missing) {
    const made = supportTerms(profiles.get(id)!);
    changes.terms.set(id, { digest: digests.get(id)!, json: JSON.stringify(made) });
    out.set(id, made);
  }
  return out;
}

/**
 * Per-article values made on demand, holding at most `max` beyond those last asked for: the least recently asked for
 * are dropped first.
 */
class Held<T> {
  /** In order of last use, oldest first. */
  private readonly made = new Map<string, T>();
  constructor(
    private readonly max: number,
    private readonly load: (ids: readonly string[]) => Promise<Map<string, T>>,
  ) {}
  get(id: string): T | undefined {
    return this.made.get(id);
  }
  async ensure(ids: readonly string[]): Promise<void> {
    const wanted = new Set(ids);
    const missing: string[] = [];
    for (const id of wanted) {
      const held = this.made.get(id);
      if (!held) missing.push(id);
      else {
        this.made.delete(id);
        this.made.set(id, held);
      }
    }
    if (missing.length) for (const [id, value] of await this.load(missing)) this.made.set(id, value);
    for (const id of this.made.keys()) {
      if (this.made.size <= this.max) break;
      if (!wanted.has(id)) this.made.delete(id);
    }
  }
  clear(): void {
    this.made.clear();
  }
}

/** What reuse profiling and comparison read of an article: text, metadata, source, sentences and dropped credits. */
function reuseView(article: Article): Article {
  return {
    id: article.id,
    text: article.text,
    source: article.source,
    meta: article.meta,
    layers: article.layers.sentence ? { sentence: article.layers.sentence } : {},
    data: article.data.dropped ? { dropped: article.data.dropped } : {},
    messages: [],
  };
}

export type { StoryState, ReuseState, StoredFeatures };

/**
 * The stored articles and analysis as a corpus, for the terminal summary after a streamed run: links in their stage
 * form, stories with their stored origins.
 */
export function storedCorpus(articles: Article[], analysis: AnalysisRecord): Corpus {
  const links = analysis.links.map((l) => ({
    ...l,
    evidence: l.evidence as ReuseLink['evidence'],
    passages: l.passages.map((p) => ({ from: { start: p.from[0], end: p.from[1] }, to: { start: p.to[0], end: p.to[1] } })),
  }));
  const stories: Story[] = analysis.stories.map((s) => ({ ...toStory(s, new Set(s.articles)), origins: s.origins ?? [] }));
  return { articles, data: { links, stories, origins: analysis.origins } };
}
