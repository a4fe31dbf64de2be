/**
 * Figure claims of a story grouped into propositions: counted thing, subject and scope form the key;
 * a figure without a subject takes the story's only one; the same figure told with different details
 * joins; figures an order of magnitude apart count different things.
 */
import type { Article } from '../core/article.js';
import { UnionFind } from '../core/union-find.js';
import { figureFeatures, SCOPE_DIMENSIONS, type Scope } from './features.js';
import { baseRecord, push, type AlignRecord, type StoryAlignInput } from './records.js';
import type { SourceResolver } from './sources.js';
import { compareNumbers, isVague, type NumberValue } from './values.js';

/** Independent estimates of one quantity rarely differ by more than this factor; beyond it they count different things. */
export const MAX_ESTIMATE_RATIO = 10;

/** Figure records of a story's articles. */
export function collectFigures(input: StoryAlignInput, resolver: SourceResolver, articles: readonly Article[] = input.articles): AlignRecord[] {
  const records: AlignRecord[] = [];
  for (const article of articles) {
    for (const claim of article.layers.claim ?? []) {
      // A figure is checkable even in a sentence that also carries an opinion.
      const features = figureFeatures(article, claim);
      if (!features) continue;
      records.push({
        ...baseRecord(input, resolver, article, claim),
        value: features.value,
        thing: features.thing,
        thingLabel: features.thingLabel,
        subject: features.subject ?? '',
        subjectLabel: features.subjectLabel,
        scope: features.scope,
        total: features.total,
      });
    }
  }
  return records;
}

/** Groups figure records into the record lists of propositions. */
export function groupFigures(records: AlignRecord[]): AlignRecord[][] {
  const out: AlignRecord[][] = [];
  for (const group of groupByKey(records).values()) {
    for (const part of isWeakKey(group[0]) ? splitByContext(group) : [group]) out.push(...splitByMagnitude(part));
  }
  return out;
}

/**
 * A key that names only a generic noun (no subject, no scope, no toll): "people", "units". Counts of it in
 * one story are often about different things (attendees, users, commenters), so they join only when
 * their sentences say the same thing.
 */
function isWeakKey(r: AlignRecord): boolean {
  // A sum or share is named by one noun ("deal", "package"): two deals of one story are often two deals.
  if (r.thing.startsWith('money:') || r.thing.startsWith('share:')) return true;
  return !r.subject && !hasScope(r.scope) && !r.thing.includes(':', r.thing.startsWith('unit:') ? 5 : 0);
}

/** Content-word Jaccard at which two figure sentences of a weak key are about the same thing. */
export const SAME_CONTEXT_MIN_JACCARD = 0.2;
/** Words shared by more sentences of a group than this are too common to bring two of them together. */
const CONTEXT_MAX_DF = 50;
const CONTEXT_STOP = /^(?:the|a|an|and|or|of|to|in|on|at|for|by|with|from|that|this|was|were|is|are|be|been|has|have|had|it|its|as|said|says|but|not|their|they|he|she|his|her|who|which|than|more|about|over|some|after|before|into)$/;

/** Splits records into groups whose sentences share enough content words (single linkage); used for weak keys and events. */
export function splitByContext(group: AlignRecord[]): AlignRecord[][] {
  const words = group.map((r) => new Set(r.article.text.slice(r.claim.start, r.claim.end).toLowerCase().match(/\p{L}{3,}/gu)?.filter((w) => !CONTEXT_STOP.test(w)) ?? []));
  const postings = new Map<string, number[]>();
  words.forEach((set, i) => set.forEach((w) => push(postings, w, i)));
  const sets = new UnionFind(group.length);
  for (const [, list] of postings) {
    // Common words are skipped so that the candidate pairs stay few however large the group.
    if (list.length > CONTEXT_MAX_DF) continue;
    for (let a = 0; a < list.length; a++) {
      for (let b = a + 1; b < list.length; b++) {
        const [i, j] = [list[a], list[b]];
        if (sets.find(i) === sets.find(j)) continue;
        let inter = 0;
        for (const w of words[i]) if (words[j].has(w)) inter++;
        if (inter / (words[i].size + words[j].size - inter) >= SAME_CONTEXT_MIN_JACCARD) sets.union(i, j);
      }
    }
  }
  const parts = new Map<number, AlignRecord[]>();
  group.forEach((r, i) => push(parts, sets.find(i), r));
  return [...parts.values()];
}

export function scopeKey(scope: Scope): string {
  return SCOPE_DIMENSIONS.map((d) => scope[d] ?? '').join('|');
}

function hasScope(scope: Scope): boolean {
  return SCOPE_DIMENSIONS.some((d) => scope[d] !== undefined);
}

/**
 * Groups records by counted thing, subject and scope. A figure without a subject takes the story's
 * only subject for that thing; a count of generic people inside a scope joins the troops of that scope.
 */
function groupByKey(records: AlignRecord[]): Map<string, AlignRecord[]> {
  const subjectsByThing = new Map<string, Map<string, string | undefined>>();
  for (const r of records) {
    if (!r.subject) continue;
    const map = subjectsByThing.get(r.thing) ?? new Map<string, string | undefined>();
    map.set(r.subject, r.subjectLabel);
    subjectsByThing.set(r.thing, map);
  }
  for (const r of records) {
    if (r.subject) continue;
    const known = subjectsByThing.get(r.thing);
    if (known?.size === 1) [[r.subject, r.subjectLabel]] = [...known];
  }
  // Indexed by subject and scope, so the lookup stays linear in the story's figures.
  const personnel = new Map<string, AlignRecord>();
  for (const r of records) if (THING_PERSONNEL.includes(r.thing)) personnel.set(`${r.subject}\u0000${scopeKey(r.scope)}`, r);
  for (const r of records) {
    if (r.thing !== 'people' || !hasScope(r.scope)) continue;
    const match = personnel.get(`${r.subject}\u0000${scopeKey(r.scope)}`);
    if (match) [r.thing, r.thingLabel] = [match.thing, match.thingLabel];
  }
  const groups = new Map<string, AlignRecord[]>();
  for (const r of records) {
    const key = `${r.thing}\u0000${r.subject}\u0000${scopeKey(r.scope)}`;
    const list = groups.get(key) ?? [];
    list.push(r);
    groups.set(key, list);
  }
  return mergeSameFigure(groups);
}

const THING_PERSONNEL = ['personnel'];

/**
 * Joins two scoped groups of one thing and subject that give the same figure and whose scopes do not
 * clash: the same count described with different details ("1,500 special forces" / "1,500 sent for training").
 */
function mergeSameFigure(groups: Map<string, AlignRecord[]>): Map<string, AlignRecord[]> {
  const list = [...groups.entries()];
  const merged = new Set<string>();
  for (let a = 0; a < list.length; a++) {
    const [ka, ra] = list[a];
    if (merged.has(ka) || !hasScope(ra[0].scope)) continue;
    for (let b = a + 1; b < list.length; b++) {
      const [kb, rb] = list[b];
      if (merged.has(kb) || !hasScope(rb[0].scope)) continue;
      if (ra[0].thing !== rb[0].thing || ra[0].subject !== rb[0].subject || clash(ra[0].scope, rb[0].scope)) continue;
      const figures = new Set(ra.filter((r) => !isVague(num(r))).map((r) => num(r).value));
      if (!rb.some((r) => !isVague(num(r)) && figures.has(num(r).value))) continue;
      ra.push(...rb);
      merged.add(kb);
    }
  }
  for (const k of merged) groups.delete(k);
  return groups;
}

/** Two scopes clash when a dimension both state differs. */
function clash(a: Scope, b: Scope): boolean {
  return SCOPE_DIMENSIONS.some((d) => a[d] !== undefined && b[d] !== undefined && a[d] !== b[d]);
}

/** Splits a group where figures jump by more than MAX_ESTIMATE_RATIO; vague amounts join the cluster they fit. */
function splitByMagnitude(group: AlignRecord[]): AlignRecord[][] {
  const exact = group.filter((r) => !isVague(num(r))).sort((a, b) => num(a).value - num(b).value);
  const clusters: AlignRecord[][] = [];
  for (const r of exact) {
    const last = clusters[clusters.length - 1];
    const prev = last?.[last.length - 1];
    if (prev && num(r).value <= num(prev).value * MAX_ESTIMATE_RATIO) last.push(r);
    else clusters.push([r]);
  }
  for (const r of group.filter((x) => isVague(num(x)))) {
    const home = clusters.find((c) => c.some((o) => compareNumbers(num(o), num(r)).relation !== 'conflict'));
    if (home) home.push(r);
    else clusters.push([r]);
  }
  return clusters;
}


function num(r: AlignRecord): NumberValue {
  return r.value as NumberValue;
}
