/**
 * One proposition from the claims grouped into it: its values compared, each value's independent
 * origins counted (one source relayed by ten outlets is one origin), updates by the same origin told
 * apart from rival values, a trajectory over time, and a status with reasons. `alignStory` groups a
 * story's figure and event claims and builds them; its cost grows with the story, not the corpus.
 */
import { hashId } from '../core/article.js';
import { overlaps } from '../core/span.js';
import { UnionFind } from '../core/union-find.js';
import type { ExportProposition, ExportPropositionValue, PropositionStatus, TrajectoryPoint } from '../report/export-schema.js';
import { DERIVED_KINDS, type ReuseLink } from '../reuse/types.js';
import { collectEvents, groupEvents } from './events.js';
import { SCOPE_DIMENSIONS, type Scope } from './features.js';
import { collectFigures, groupFigures, scopeKey, splitByContext } from './figures.js';
import { counterpart, push, type AlignRecord, type StoryAlignInput } from './records.js';
import { isOwnReporting, outletName, SourceResolver } from './sources.js';
import { compareValues, formatValue, type NumberValue, type PropositionValue } from './values.js';

export type { StoryAlignInput } from './records.js';

/** Aligns the figure and event claims of one story into propositions. */
export function alignStory(input: StoryAlignInput): ExportProposition[] {
  const resolver = new SourceResolver(new Map(input.articles.map((a) => [a.id, a])), input.entities);
  const out: ExportProposition[] = [];
  const figures = collectFigures(input, resolver);
  const figureGroups = groupFigures(figures);
  // The biggest band of a thing keeps its label; another order of magnitude counts something else ("1.2 million soldiers").
  const bandCount = new Map<string, number>();
  for (const group of figureGroups) {
    const p = buildProposition(input, group);
    const seen = bandCount.get(p.label) ?? 0;
    bandCount.set(p.label, seen + 1);
    out.push(p);
  }
  for (const label of [...bandCount.keys()].filter((l) => bandCount.get(l)! > 1)) {
    const same = out.filter((p) => p.label === label).sort((a, b) => b.claims.length - a.claims.length);
    for (const p of same.slice(1)) p.label = `${label.replace(/ — total$/, '')} — figures of about ${p.values[0].text.replace(/^\D+/, '')}`;
  }
  // One predicate and subject on different days is often two events: an event's reports must also say the same thing.
  for (const group of groupEvents(collectEvents(input, resolver, new Set(figures.map((r) => r.claim.id))), input.links)) {
    for (const part of group.length > 1 ? splitByContext(group) : [group]) out.push(buildProposition(input, part));
  }
  // Parts of one key split by context share the key's id: the earliest claim tells them apart.
  const ids = new Set<string>();
  for (const p of out) {
    if (ids.has(p.id)) p.id = hashId(`${p.id}:${p.claims[0]}`);
    ids.add(p.id);
  }
  return out;
}

/** Where a value sorts among its rivals: figures by size, dates by day. */
function sortKey(v: PropositionValue): number {
  if (v.kind === 'number') return v.value;
  if (v.kind === 'date') return Date.parse(v.from.length === 4 ? `${v.from}-01-01` : v.from.length === 7 ? `${v.from}-01` : v.from);
  return v.asserted ? 1 : 0;
}

/** The value's own fields in the export: figure, interval or polarity. */
function valueFields(v: PropositionValue): Partial<ExportPropositionValue> {
  if (v.kind === 'number') {
    return { value: v.value, ...(v.low !== undefined ? { low: v.low } : {}), ...(v.high !== undefined ? { high: v.high } : {}), approx: v.approx, ...(v.unit ? { unit: v.unit } : {}) };
  }
  if (v.kind === 'date') return { date: { from: v.from, to: v.to, grain: v.grain, ...(v.bound ? { bound: v.bound } : {}) } };
  return { asserted: v.asserted };
}

interface Derivation {
  /** Index of the record this one relays. */
  from: number;
  kind: string;
}

/**
 * Joins records into independent origins: the same primary source; a claim in a passage a linked
 * article reused; a derivative's figure for a proposition its origin also reports.
 */
function joinOrigins(records: readonly AlignRecord[], links: readonly ReuseLink[]): { origins: UnionFind; derived: Map<number, Derivation> } {
  const origins = new UnionFind(records.length);
  const bySource = new Map<string, number>();
  records.forEach((r, i) => {
    const first = bySource.get(r.source.key);
    if (first === undefined) bySource.set(r.source.key, i);
    else origins.union(first, i);
  });
  const byArticle = new Map<string, number[]>();
  records.forEach((r, i) => push(byArticle, r.article.id, i));
  const derived = new Map<number, Derivation>();
  // Only the links from an article with records here, in the story's link order (the first derivation found is kept).
  const linksFrom = linksByDerived(links);
  const relevant = [...byArticle.keys()].flatMap((id) => linksFrom.get(id) ?? []).sort((a, b) => a - b);
  for (const at of relevant) {
    const link = links[at];
    const from = byArticle.get(link.from);
    const to = byArticle.get(link.to);
    if (!from || !to) continue;
    for (const i of from) {
      const claim = records[i].claim;
      const passage = link.passages.find((p) => overlaps(p.from, claim));
      const match = passage ? counterpart(records, to, passage, claim) : undefined;
      const matches = match === undefined ? [] : [match];
      // A copy or rewrite that gives, in its own words, a figure its origin also reports is relaying it, changed or not;
      // one that names its own source for it speaks through that source instead.
      const relayed = matches.length ? matches : DERIVED_KINDS.includes(link.kind) && isOwnReporting(records[i].source) ? closest(records, to, i) : [];
      // A named source quoted again on a later day speaks anew (an update), even in an article that reuses an older one.
      const speaksAgain = (j: number) => !isOwnReporting(records[i].source) && !!records[i].date && !!records[j].date && records[i].date! > records[j].date!;
      const relays = relayed.filter((j) => !speaksAgain(j));
      for (const j of relays) origins.union(i, j);
      if (relays.length && DERIVED_KINDS.includes(link.kind) && !derived.has(i)) derived.set(i, { from: relays[0], kind: link.kind });
    }
  }
  return { origins, derived };
}

/** A story's links by derived article, as positions in the list: built once per story, not scanned for every proposition. */
const derivedIndexes = new WeakMap<readonly ReuseLink[], Map<string, number[]>>();
function linksByDerived(links: readonly ReuseLink[]): Map<string, number[]> {
  let index = derivedIndexes.get(links);
  if (!index) {
    index = new Map();
    links.forEach((link, i) => push(index!, link.from, i));
    derivedIndexes.set(links, index);
  }
  return index;
}

/**
 * The one origin-side record a derivative's figure most likely relays: an equal value, else a compatible
 * one, else the nearest. One, not all: the origin may quote several independent sources on the same thing.
 */
function closest(records: readonly AlignRecord[], candidates: readonly number[], i: number): number[] {
  const v = records[i].value;
  const rank = (j: number) => {
    const cmp = compareValues(v, records[j].value);
    const distance = v.kind === 'number' && records[j].value.kind === 'number' ? Math.abs(Math.log((v.value + 1) / ((records[j].value as NumberValue).value + 1))) : 0;
    return (cmp.relation === 'equal' ? 0 : cmp.relation === 'compatible' ? 10 : 20) + distance;
  };
  const best = [...candidates].sort((a, b) => rank(a) - rank(b))[0];
  return best === undefined ? [] : [best];
}

function valueId(v: PropositionValue): string {
  return formatValue(v);
}

/** Builds one proposition from the records grouped into it: values, origins, trajectory, status and reasons. */
export function buildProposition(input: StoryAlignInput, records: AlignRecord[]): ExportProposition {
  records.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
  const { origins, derived } = joinOrigins(records, input.links);
  const root = (i: number) => origins.find(i);
  const originLabel = new Map<number, string>();
  records.forEach((r, i) => {
    const k = root(i);
    // The origin is named after its earliest non-derived report.
    if (!originLabel.has(k) && !derived.has(i)) originLabel.set(k, r.source.label);
  });
  records.forEach((r, i) => {
    if (!originLabel.has(root(i))) originLabel.set(root(i), r.source.label);
  });

  const chains = records.map((_, i) => chainOf(records, derived, i));
  const changedByDerivative = (i: number) => {
    const d = derived.get(i);
    return d !== undefined && valueId(records[d.from].value) !== valueId(records[i].value);
  };

  // Values, in order of first appearance.
  const valueOrder: string[] = [];
  const byValue = new Map<string, number[]>();
  records.forEach((r, i) => {
    const id = valueId(r.value);
    if (!byValue.has(id)) {
      byValue.set(id, []);
      valueOrder.push(id);
    }
    byValue.get(id)!.push(i);
  });
  const values: ExportPropositionValue[] = valueOrder.map((id) => {
    const idx = byValue.get(id)!;
    const v = records[idx[0]].value;
    const dates = idx.map((i) => records[i].date).filter((d): d is string => !!d).sort();
    const hedges = [...new Set(idx.flatMap((i) => records[i].hedges))];
    const out: ExportPropositionValue = {
      ...valueFields(v),
      text: id,
      claims: idx.map((i) => records[i].claim.id),
      speakers: [...new Set(idx.map((i) => records[i].source.speaker ?? `${outletName(records[i].article)} (unattributed)`))],
      origins: new Set(idx.map(root)).size,
      originChains: [...new Set(idx.map((i) => chains[i]))],
      firstSeen: dates[0] ?? null,
      lastSeen: dates[dates.length - 1] ?? null,
    };
    if (hedges.length) {
      out.hedged = true;
      out.hedges = hedges;
    }
    if (idx.every((i) => records[i].unsupported)) out.unsupported = true;
    return out;
  });

  // Each origin's current value: its latest own report (a derivative's change is not the origin speaking).
  const current = new Map<number, number>();
  records.forEach((r, i) => {
    if (r.unsupported || derived.has(i)) return;
    current.set(root(i), i);
  });
  const trajectory = buildTrajectory(records, root, originLabel, derived, changedByDerivative);
  const reasons: string[] = [];
  const conflicts = findConflicts(records, current, originLabel);
  const updates = trajectory.filter((t) => t.change === 'update');
  for (const u of updates) reasons.push(`${u.origin} changed its figure to ${u.value}${u.date ? ` (${u.date})` : ''}: an update, not a contest`);
  records.forEach((r, i) => {
    if (!changedByDerivative(i)) return;
    const d = derived.get(i)!;
    reasons.push(`${outletName(r.article)} (${d.kind} of ${outletName(records[d.from].article)}) gives ${valueId(r.value)} where its origin gives ${valueId(records[d.from].value)}`);
  });

  const supportedIdx = records.flatMap((r, i) => (!r.unsupported && !changedByDerivative(i) ? [i] : []));
  const supported = supportedIdx.map((i) => records[i]);
  const originCount = new Set(records.map((_, i) => root(i))).size;
  const supportedOrigins = new Set(records.flatMap((r, i) => (!r.unsupported && !changedByDerivative(i) ? [root(i)] : []))).size;
  let status: PropositionStatus;
  if (!supported.length) {
    status = 'unsupported';
    reasons.unshift(`only in text a derivative added to its copy, found nowhere else in the story (${[...new Set(records.map((r) => outletName(r.article)))].join(', ')})`);
  } else if (conflicts.length) {
    status = 'contested';
    reasons.unshift(...conflicts);
  } else if (supported.every((r) => r.denied)) {
    status = 'denied';
    reasons.unshift('every report denies it');
  } else if (supported.every((r) => r.denied || r.notConfirmed || r.hedges.length)) {
    status = 'unconfirmed';
    reasons.unshift(`only hedged or unconfirmed reports (${[...new Set(supported.flatMap((r) => r.hedges))].map((h) => `“${h}”`).join(', ')})`);
  } else if (supportedOrigins >= 2) {
    status = 'corroborated';
    reasons.unshift(`${supportedOrigins} independent origins agree (${[...new Set(supportedIdx.map((i) => originLabel.get(root(i))!))].join('; ')})`);
  } else {
    status = 'single-origin';
    const n = new Set(records.map((r) => r.article.id)).size;
    reasons.unshift(`${n} article${n === 1 ? '' : 's'}, one origin: ${originLabel.get(root(supportedIdx[0]))}`);
  }

  const first = records[0];
  const merged: Scope = {};
  for (const r of records) for (const d of SCOPE_DIMENSIONS) merged[d] ??= r.scope[d];
  const scope = Object.fromEntries(SCOPE_DIMENSIONS.flatMap((d) => (merged[d] ? [[d, merged[d]!]] : [])));
  const subject = records.find((r) => r.subjectLabel)?.subjectLabel;
  const magnitude = first.value.kind === 'number' ? Math.round(Math.log10(Math.max(1, Math.min(...records.map((r) => (r.value as NumberValue).value))))) : '';
  // Stable across runs while the story grows: the key, not the claims, names the proposition.
  const key = `${first.value.kind}|${first.thing}|${first.subject}|${scopeKey(merged)}|${magnitude}`;
  return {
    id: hashId(`${input.storyId}:${key}`),
    story: input.storyId,
    label: first.value.kind === 'number' ? labelOf(first.thing, first.thingLabel, subject, merged) : first.thingLabel,
    kind: first.value.kind === 'number' ? 'figure' : first.value.kind === 'date' ? 'date' : 'event',
    thing: first.thing,
    ...(subject ? { subject } : {}),
    scope,
    status,
    reasons,
    origins: originCount,
    articles: new Set(records.map((r) => r.article.id)).size,
    values,
    trajectory,
    claims: records.map((r) => r.claim.id),
  };
}

/** "Budanov → The War Zone → outlet", and for a relayed copy "… → origin outlet → this outlet (rewrite)". */
function chainOf(records: readonly AlignRecord[], derived: ReadonlyMap<number, Derivation>, i: number, depth = 0): string {
  const r = records[i];
  const d = derived.get(i);
  if (d && depth < 5) return `${chainOf(records, derived, d.from, depth + 1)} → ${outletName(r.article)} (${d.kind})`;
  const parts = [r.source.speaker && !isOwnReporting(r.source) ? r.source.speaker : r.source.speaker ? `${r.source.speaker} (unnamed)` : undefined, ...r.source.via, outletName(r.article)];
  return parts.filter((p): p is string => !!p).join(' → ');
}

/** Pairs of origins whose current values conflict, as reasons. */
function findConflicts(records: readonly AlignRecord[], current: ReadonlyMap<number, number>, originLabel: ReadonlyMap<number, string>): string[] {
  // Compare distinct current values, not origin pairs: a story has few values however many outlets repeat them.
  const byValue = new Map<string, { value: PropositionValue; origins: number[] }>();
  for (const [origin, i] of current) {
    const id = valueId(records[i].value);
    const entry = byValue.get(id) ?? { value: records[i].value, origins: [] };
    entry.origins.push(origin);
    byValue.set(id, entry);
  }
  const entries = [...byValue.values()].sort((x, y) => sortKey(x.value) - sortKey(y.value));
  const who = (e: (typeof entries)[number]) => e.origins.map((o) => originLabel.get(o)).join('; ');
  const pairs: string[] = [];
  let conflicting = false;
  for (let a = 0; a < entries.length; a++) {
    for (let b = a + 1; b < entries.length; b++) {
      const cmp = compareValues(entries[a].value, entries[b].value);
      if (cmp.relation !== 'conflict') continue;
      conflicting = true;
      // Neighbouring figures say how far apart the estimates are; every other pair follows from them.
      if (b === a + 1) pairs.push(cmp.reason);
    }
  }
  if (!conflicting) return [];
  const summary = `independent origins give ${entries.length} different ${entries[0].value.kind === 'number' ? 'figures' : 'values'}: ${entries.map((e) => `${formatValue(e.value)} (${who(e)})`).join(', ')}`;
  return [summary, ...pairs];
}

function buildTrajectory(
  records: readonly AlignRecord[],
  root: (i: number) => number,
  originLabel: ReadonlyMap<number, string>,
  derived: ReadonlyMap<number, Derivation>,
  changedByDerivative: (i: number) => boolean,
): TrajectoryPoint[] {
  const seen: PropositionValue[] = [];
  const lastByOrigin = new Map<number, PropositionValue>();
  return records.map((r, i) => {
    const v = r.value;
    const value = valueId(v);
    const origin = root(i);
    const last = lastByOrigin.get(origin);
    let change: TrajectoryPoint['change'];
    if (changedByDerivative(i)) change = 'derivative-change';
    // A copy relays its origin: it repeats, it does not speak again.
    else if (derived.has(i)) change = 'repeat';
    else if (last && compareValues(v, last).relation === 'conflict') change = 'update';
    else if (!seen.length) change = 'first';
    else change = seen.some((s) => compareValues(v, s).relation !== 'conflict') ? 'repeat' : 'rival';
    seen.push(v);
    if (!derived.has(i) && !r.unsupported) lastByOrigin.set(origin, v);
    return {
      date: r.date,
      value,
      claim: r.claim.id,
      article: r.article.id,
      speaker: r.source.speaker ?? null,
      origin: originLabel.get(origin) ?? r.source.label,
      change,
    };
  });
}

const SCOPE_WORDS: Record<(typeof SCOPE_DIMENSIONS)[number], (v: string) => string> = {
  group: (v) => `${v} group`,
  formation: (v) => `one ${v}`,
  role: (v) => v,
  kind: (v) => v,
  place: (v) => `in ${v}`,
  stage: (v) => (v === 'front' ? 'at the front' : `in ${v}`),
  until: (v) => `by ${v}`,
};

/** "North Korean troops — total", "North Korean troops — first group, in Kursk", "people killed". */
function labelOf(thing: string, thingLabel: string, subject: string | undefined, scope: Scope): string {
  const head = [subject, thingLabel].filter(Boolean).join(' ');
  const words = SCOPE_DIMENSIONS.flatMap((d) => (scope[d] ? [SCOPE_WORDS[d](scope[d]!)] : []));
  if (words.length) return `${head} — ${words.join(', ')}`;
  // A toll ("people killed") is a total by nature; a head count without scope is the whole.
  return thing.includes(':') ? head : `${head} — total`;
}
