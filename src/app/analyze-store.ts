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
import { finishReuseSteps, ReuseLinksOptions, reuseFeatures, reuseStamp, storedTerms, type ArticleReuse, type ReuseInputs } from '../reuse/links-stage.js';
import { profileArticle, type ReuseProfile } from '../reuse/profile.js';
import { emptyReuseChanges, emptyReuseState, type ReuseState, type StoredFeatures } from '../reuse/state.js';
import type { ReuseLink } from '../reuse/types.js';
import { DEFAULT_CONFIG, defaultRegistry } from '../stages.js';
import type { AnalysisRecord, StoredStory, Store, StoryState, StoryUpdateRecord } from '../store/store.js';
import { toStory, type AnalyzeOptions, type StepTiming } from './analyze.js';
import { claimsOf, LinkIndex, runStoryUpdate, toStored, type StorySpent, type StoryUpdateResult } from './update-story.js';
import { allRegions, BATCH_SIZE, compareChangedStreamed, Held, loadProfiles, loadTerms, reuseRegion, reuseView, supportKeys, touchedArticles } from './analyze-reuse.js';

/**
 * Reuse profiles held at once (beyond the ones a step needs together, e.g. one story's): bounds memory when every
 * article is new. The least recently used go first; work is ordered story by story, so the bound need only exceed the
 * stories being worked on. About 55 KB each with the text: 16,384 of them (900 MB) ran a 30,000-article store out of
 * the 1,536 MiB heap; with copies bounded per article (candidates.ts) the pairs of a story reuse few profiles.
 */
const MAX_PROFILES = 4_096;
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

  // 3. Reuse links: compare the changed articles with their candidates (the links are written as found), then the
  // story-wide steps region by region (stories that links tie together), each region's links and story updates written
  // as it is done: a first analysis holds one region's links, not the corpus's.
  const features = ids.map((id) => changes.features.get(id) ?? previousReuse.features.get(id)!);
  const profiles = new Held(MAX_PROFILES, (missing) => loadProfiles(store, missing));
  const digests = new Map(ids.map((id, i) => [id, features[i].digest]));
  const terms = new Held(MAX_TERMS, (missing) => loadTerms(store, missing, digests, profiles, changes));
  const inputs: ReuseInputs = { ids, features, changes, previous: previousReuse, present, profile: (id) => profiles.get(id), opts: reuseOpts };
  const reanalysed = new Set([...stale].filter((id) => live.has(id)));
  const changedIds = new Set([...reanalysed, ...changes.features.keys()]);
  const joinOpts = JoinTranslationsOptions.parse(optionsOf(config, 'cluster/join-translations'));
  const run = randomUUID();
  const storedById = new Map(prev.stories.map((s) => [s.id, s]));
  const beforeFinal = new Map(prev.stories.map((s) => [s.id, s.articles.filter((id) => present.has(id)).join('\u0000')]));
  // Updates left pending by an earlier run (a worker's job not yet done, a process killed): what they carried is kept.
  const carriedReanalysed = new Set(pendingBefore.flatMap((u) => u.reanalysed));
  const carriedForce = new Set(pendingBefore.filter((u) => u.force).flatMap((u) => storedById.get(u.story)?.articles ?? []));
  const redo = new Set<string>(reanalysed);
  /** What a story's update needs, when the run touched it. */
  const updateOf = (story: Story, outputs: ReadonlyMap<string, ArticleReuse>, links: LinkIndex): StoryUpdateRecord | undefined => {
    const touched = fresh || beforeFinal.get(story.id) !== story.articleIds.join('\u0000') || story.articleIds.some((id) => redo.has(id));
    if (!touched && storedById.has(story.id)) return undefined;
    const members = story.articleIds.filter((id) => live.has(id));
    return {
      story: story.id,
      run,
      force: fresh || members.some((id) => carriedForce.has(id)),
      reanalysed: members.filter((id) => reanalysed.has(id) || carriedReanalysed.has(id)),
      members,
      outputs: Object.fromEntries(members.flatMap((id) => (outputs.has(id) ? [[id, outputs.get(id)!]] : []))),
      links: links.within(members),
    };
  };
  const position = new Map(ids.map((id, i) => [id, i]));
  const found = await timed('reuse/compare', () => changes.compared.length, () => compareChangedStreamed(store, inputs, position, profiles, stories));
  // A stored link between articles still stored that this run did not make stale.
  const keep = (from: string, to: string) => present.has(from) && present.has(to) && !found.stale(from, to);
  const joined = new Map<string, Story>();
  const regionStories = new Set<Story>();
  const updated: string[] = [];
  const deadLinks: ReuseLink[] = [];
  let writeMs = 0;
  await timed('reuse/links', () => changes.compared.length, async () => {
    // The stored links as compared hold every kept link's ends (orientation only swaps them); this run's are written.
    const around = fresh ? [] : await store.loadReusePairs([...changedIds]);
    const touched = fresh ? new Set<string>() : touchedArticles(changedIds, [found.ends(), around]);
    const before = new Map(storedStories.map((s) => [s.id, s.articleIds.join('\u0000')]));
    const affected = fresh ? stories : stories.filter((s) => before.get(s.id) !== s.articleIds.join('\u0000') || s.articleIds.some((id) => touched.has(id)));
    const wanted = new Set(affected.flatMap((s) => s.articleIds).filter((id) => live.has(id)));
    for (const id of wanted) redo.add(id);
    const redone = new Set<Story>(affected);
    if (!fresh) {
      // A story the run does not change keeps the origin groups it has stored.
      const storedOrigins = new Map(prev.stories.map((s) => [s.id, s.origins ?? []]));
      for (const story of stories) if (!redone.has(story)) story.origins = storedOrigins.get(story.id) ?? [];
    }
    // Links change only around what the run touched (the other links of a story keep their stored orientation).
    const linkScope = fresh ? undefined : new Set([...touched, ...wanted]);
    const regions = fresh ? allRegions(store, stories, keep) : [await reuseRegion(store, stories, affected, wanted, keep, { ids: changedIds, links: around })];
    for await (const region of regions) {
      const members = new Set(region.stories.flatMap((s) => s.articleIds));
      const regionWanted = fresh ? new Set([...members].filter((id) => live.has(id))) : wanted;
      // Positions in corpus order, found from the region's members (filtering every id per region grew with their product).
      const at = [...members].flatMap((id) => position.get(id) ?? []).sort((x, y) => x - y);
      if (reuseVersion !== undefined) previousReuse.support = await store.loadReuseSupport(supportKeys(region.stories, fresh ? region.stories : affected, regionWanted));
      // Story-wide look-ups not found in the store ask for one story's profiles at a time.
      const steps = finishReuseSteps({
        ...inputs,
        ids: at.map((i) => ids[i]),
        features: at.map((i) => features[i]),
        raw: region.links,
        stories: region.stories,
        stamp,
        wanted: regionWanted,
        ...(fresh ? {} : { regroup: redone }),
        streamed: true,
        terms: (id) => terms.get(id),
      });
      let step = steps.next();
      for (; !step.done; step = steps.next()) {
        // A story asked for again (orientation, then additions) finds its terms and profiles still held.
        // Terms first: a member without stored terms is profiled, which must not push out the profiles asked for.
        await terms.ensure(step.value.index.filter((id) => live.has(id)));
        await profiles.ensure(step.value.profiles.filter((id) => live.has(id)));
      }
      const { kept, outputs } = step.value;
      // 4. Stories that translations or copies tie together merge (only within a region: links tie them).
      const final = kept.length ? joinLinkedStories(region.stories, kept, { kinds: joinOpts.kinds, present: live }) : region.stories;
      for (const story of region.stories) regionStories.add(story);
      for (const story of final) joined.set(story.id, story);
      const index = new LinkIndex(kept);
      const updates = final.flatMap((story) => updateOf(story, outputs, index) ?? []);
      for (const u of updates) updated.push(u.story);
      for (const l of kept) if (!live.has(l.from) || !live.has(l.to)) deadLinks.push(l);
      const started = performance.now();
      const scope = linkScope ?? members;
      await store.saveStoryRegion({ links: exportLinks({ articles: [], data: { links: kept.filter((l) => scope.has(l.from) || scope.has(l.to)) } }), linkScope: [...scope], updates });
      // Support results and terms found missing are written with the region, not held to the end.
      await store.saveReuseChanges({ ...emptyReuseChanges(), support: changes.support, terms: changes.terms });
      changes.support.clear();
      changes.terms.clear();
      writeMs += performance.now() - started;
    }
  });
  // The regions' writes are counted with the store's (store/save), not twice.
  timings[timings.length - 1].ms -= writeMs;
  ran['reuse/links'] = changes.compared.length;
  profiles.clear();
  terms.clear();

  // 5. The story list: stories outside every region as they were, those in one as joined there, in story order.
  const finalStories = stories.flatMap((s) => (!regionStories.has(s) ? [s] : joined.has(s.id) ? [joined.get(s.id)!] : []));
  const out: StoredStory[] = [];
  const updates: StoryUpdateRecord[] = [];
  const none = new LinkIndex([]);
  for (const story of finalStories) {
    const stored = storedById.get(story.id);
    const record = toStored(story);
    // Until its update writes them, a story keeps its stored alignment digest (the update compares with it), and a record
    // written before timelines had their own rows its timeline.
    if (stored?.timeline) record.timeline = stored.timeline;
    if (stored?.aligned) record.aligned = stored.aligned;
    out.push(record);
    // A story of a region has its update written with the region's links.
    const update = joined.has(story.id) ? undefined : updateOf(story, new Map(), none);
    if (update) updates.push(update);
  }
  for (const u of updates) updated.push(u.story);
  // A newly fatal article keeps the claims its layers hold, as the in-memory run exports them.
  const fatalRedone = [...stale].filter((id) => fatal.has(id));
  if (fatalRedone.length) {
    const claims = new Map((await store.getArticles(fatalRedone)).map((a) => [a.id, claimsOf(a)]));
    await store.saveStoryRows({ claims, propositions: new Map(), entities: new Map() });
  }
  // Regions wrote every link of a live article; a first analysis also drops those of articles no stage reads.
  const dead = fresh ? [...present].filter((id) => !live.has(id)) : [];
  await timed('store/save', ids.length, async () => {
    await store.saveStoryList({
      previous: prev,
      stories: out,
      links: exportLinks({ articles: [], data: { links: deadLinks } }),
      linkScope: dead,
      origins: finalStories.flatMap((s) => s.origins ?? []),
      state: { 'corpus-stamp': corpusStamp },
      updates,
    });
    // The links found were written as found: the compared articles' other stored links are dropped.
    await store.saveReuseChanges(changes, found.has);
  });
  timings[timings.length - 1].ms += writeMs;

  // 6. Story by story: the updates of this run, then any an earlier run left pending for a story not touched since.
  const kept = new Set(out.map((s) => s.id));
  const touched = new Set(updated);
  const leftOver = pendingBefore.map((u) => u.story).filter((id) => kept.has(id) && !touched.has(id));
  let realigned = 0;
  let alignedArticles = 0;
  let read = 0;
  const spent: StorySpent = { read: 0, annotate: 0, align: 0, write: 0 };
  if (!options.deferStories) {
    const done = async (result: StoryUpdateResult | { status: 'none' }) => {
      if (result.status === 'none') return;
      read += result.read;
      if (result.aligned) [realigned, alignedArticles] = [realigned + 1, alignedArticles + result.read];
    };
    // Each update is read back from the store, as a worker reads it: a first analysis holds one story's.
    for (const id of [...touched, ...leftOver]) {
      options.signal?.throwIfAborted();
      await done(await runStoryUpdate(store, id, { alignVersion, spent }));
    }
  }
  timings.push(
    { step: 'stories/read', ms: spent.read, articles: read },
    { step: 'stories/reuse+claims', ms: spent.annotate, articles: redo.size },
    { step: 'align/propositions', ms: spent.align, articles: alignedArticles },
    { step: 'stories/write', ms: spent.write, articles: redo.size },
  );
  ran['align/propositions'] = alignedArticles;
  return {
    articles: states.length,
    ran,
    reanalysed: Math.max(0, ...articleStages.map((s) => ran[s.name] ?? 0)),
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
