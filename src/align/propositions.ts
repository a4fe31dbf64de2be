/**
 * Cross-source alignment of one story: figure claims that count the same thing in the same scope
 * become one proposition; its values are compared, each value's independent origins counted (one
 * source relayed by ten outlets is one origin), updates by the same origin told apart from rival
 * figures, and a status given with reasons. The cost grows with the story's claims, not the corpus.
 */
import { hashId, type Article } from '../core/article.js';
import { overlaps } from '../core/span.js';
import type { ResolvedEntity } from '../claims/resolve-entities.js';
import type { Claim, DateMention, ModalityMention } from '../claims/types.js';
import type { ExportProposition, ExportPropositionValue, PropositionStatus, TrajectoryPoint } from '../report/export-schema.js';
import { DERIVED_KINDS, type ReuseLink } from '../reuse/types.js';
import { figureFeatures, SCOPE_DIMENSIONS, type FigureFeatures, type Scope } from './features.js';
import { outletName, SourceResolver, type ClaimSource } from './sources.js';
import { compareNumbers, formatNumber, isVague, type NumberValue } from './values.js';

/** Independent estimates of one quantity rarely differ by more than this factor; beyond it they count different things. */
export const MAX_ESTIMATE_RATIO = 10;

/** What one story's alignment needs. */
export interface StoryAlignInput {
  storyId: string;
  articles: readonly Article[];
  /** Reuse links between articles of the story. */
  links: readonly ReuseLink[];
  entities: readonly ResolvedEntity[];
  /** Ids of claims that lie in an unsupported addition of a derivative. */
  unsupported: ReadonlySet<string>;
}

/** One figure claim with everything alignment reads. */
export interface FigureRecord {
  article: Article;
  claim: Claim;
  features: FigureFeatures;
  source: ClaimSource;
  /** Statement date, else publication date (YYYY-MM-DD), else null. */
  date: string | null;
  /** Sort key: date, then publication time (unknown last), then article id. */
  order: string;
  unsupported: boolean;
  /** Counted thing and subject after grouping (a subject-less figure takes the story's only subject). */
  thing: string;
  thingLabel: string;
  subject: string;
  subjectLabel?: string;
  hedges: string[];
  denied: boolean;
  notConfirmed: boolean;
}

/** Aligns the figure claims of one story into propositions. */
export function alignFigures(input: StoryAlignInput, resolver = new SourceResolver(new Map(input.articles.map((a) => [a.id, a])), input.entities)): ExportProposition[] {
  const records = collectFigures(input, resolver);
  const groups = groupByKey(records);
  const out: ExportProposition[] = [];
  for (const group of groups.values()) {
    const clusters = splitByMagnitude(group);
    const main = clusters.reduce((best, c) => (c.length > best.length ? c : best), clusters[0]);
    for (const cluster of clusters) {
      const p = buildProposition(input, cluster);
      // Another order of magnitude of the same thing counts something else ("1.2 million soldiers" beside "11,000").
      if (cluster !== main) p.label = `${p.label.replace(/ — total$/, '')} — figures of about ${p.values[0].text.replace(/^\D+/, '')}`;
      out.push(p);
    }
  }
  return out;
}

function collectFigures(input: StoryAlignInput, resolver: SourceResolver): FigureRecord[] {
  const records: FigureRecord[] = [];
  for (const article of input.articles) {
    for (const claim of article.layers.claim ?? []) {
      // A figure is checkable even in a sentence that also carries an opinion.
      const features = figureFeatures(article, claim);
      if (!features) continue;
      const date = statementDate(article, claim);
      const modality = modalityOf(article, claim);
      records.push({
        article,
        claim,
        features,
        source: resolver.sourceOf(article, claim),
        date,
        order: `${date ?? '9999'}|${article.meta.publishedAt ?? '~'}|${article.id}|${String(claim.start).padStart(9, '0')}`,
        unsupported: input.unsupported.has(claim.id),
        thing: features.thing,
        thingLabel: features.thingLabel,
        subject: features.subject ?? '',
        subjectLabel: features.subjectLabel,
        hedges: modality.hedges,
        denied: modality.denied,
        notConfirmed: modality.notConfirmed,
      });
    }
  }
  return records;
}

/** The date a claim was stated: a date next to its attribution cue ("On Thursday, X said"; "said on Friday"), else the publication date. */
export function statementDate(article: Article, claim: Claim): string | null {
  const published = article.meta.publishedAt?.slice(0, 10) ?? null;
  const dates = (article.layers.date ?? []) as DateMention[];
  const d = claim.date === undefined ? undefined : dates[claim.date];
  const cue = claim.attribution === undefined ? undefined : article.layers.attribution?.[claim.attribution]?.cue;
  if (!d?.from || !d.resolved || !cue) return published;
  const beforeCue = d.start >= claim.start && d.end <= cue.start;
  const afterCue = d.start >= cue.end && d.start - cue.end <= 4;
  return beforeCue || afterCue ? d.from : published;
}

function modalityOf(article: Article, claim: Claim): { hedges: string[]; denied: boolean; notConfirmed: boolean } {
  const hedges = new Set<string>();
  let denied = false;
  let notConfirmed = false;
  for (const m of (article.layers.modality ?? []) as ModalityMention[]) {
    if (!overlaps(m.scope, claim) && !overlaps(m, claim)) continue;
    if (m.kind === 'denial') denied = true;
    else if (m.kind === 'non-confirmation') {
      notConfirmed = true;
      hedges.add(m.cue);
    } else if (m.kind === 'hedge' || m.kind === 'unverified') hedges.add(m.cue);
  }
  if (claim.hedge) hedges.add(claim.hedge);
  return { hedges: [...hedges], denied, notConfirmed };
}

function scopeKey(scope: Scope): string {
  return SCOPE_DIMENSIONS.map((d) => scope[d] ?? '').join('|');
}

function hasScope(scope: Scope): boolean {
  return SCOPE_DIMENSIONS.some((d) => scope[d] !== undefined);
}

/**
 * Groups records by counted thing, subject and scope. A figure without a subject takes the story's
 * only subject for that thing; a count of generic people inside a scope joins the troops of that scope.
 */
function groupByKey(records: FigureRecord[]): Map<string, FigureRecord[]> {
  const subjectsByThing = new Map<string, Map<string, string | undefined>>();
  for (const r of records) {
    if (!r.features.subject) continue;
    const map = subjectsByThing.get(r.features.thing) ?? new Map<string, string | undefined>();
    map.set(r.features.subject, r.features.subjectLabel);
    subjectsByThing.set(r.features.thing, map);
  }
  for (const r of records) {
    if (r.subject) continue;
    const known = subjectsByThing.get(r.features.thing);
    if (known?.size === 1) [[r.subject, r.subjectLabel]] = [...known];
  }
  const personnel = new Map(THING_PERSONNEL.map((t) => [t, true]));
  for (const r of records) {
    if (r.thing !== 'people' || !hasScope(r.features.scope)) continue;
    const match = records.find((o) => personnel.has(o.thing) && o.subject === r.subject && scopeKey(o.features.scope) === scopeKey(r.features.scope));
    if (match) [r.thing, r.thingLabel] = [match.thing, match.thingLabel];
  }
  const groups = new Map<string, FigureRecord[]>();
  for (const r of records) {
    const key = `${r.thing}\u0000${r.subject}\u0000${scopeKey(r.features.scope)}`;
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
function mergeSameFigure(groups: Map<string, FigureRecord[]>): Map<string, FigureRecord[]> {
  const list = [...groups.entries()];
  const merged = new Set<string>();
  for (let a = 0; a < list.length; a++) {
    const [ka, ra] = list[a];
    if (merged.has(ka) || !hasScope(ra[0].features.scope)) continue;
    for (let b = a + 1; b < list.length; b++) {
      const [kb, rb] = list[b];
      if (merged.has(kb) || !hasScope(rb[0].features.scope)) continue;
      if (ra[0].thing !== rb[0].thing || ra[0].subject !== rb[0].subject || clash(ra[0].features.scope, rb[0].features.scope)) continue;
      const figures = new Set(ra.filter((r) => !isVague(r.features.value)).map((r) => r.features.value.value));
      if (!rb.some((r) => !isVague(r.features.value) && figures.has(r.features.value.value))) continue;
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
function splitByMagnitude(group: FigureRecord[]): FigureRecord[][] {
  const exact = group.filter((r) => !isVague(r.features.value)).sort((a, b) => a.features.value.value - b.features.value.value);
  const clusters: FigureRecord[][] = [];
  for (const r of exact) {
    const last = clusters[clusters.length - 1];
    const prev = last?.[last.length - 1];
    if (prev && r.features.value.value <= prev.features.value.value * MAX_ESTIMATE_RATIO) last.push(r);
    else clusters.push([r]);
  }
  for (const r of group.filter((x) => isVague(x.features.value))) {
    const home = clusters.find((c) => c.some((o) => compareNumbers(o.features.value, r.features.value).relation !== 'conflict'));
    if (home) home.push(r);
    else clusters.push([r]);
  }
  return clusters;
}

/** Union-find over record indexes. */
class Origins {
  private readonly parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(x: number): number {
    while (this.parent[x] !== x) {
      this.parent[x] = this.parent[this.parent[x]];
      x = this.parent[x];
    }
    return x;
  }
  union(a: number, b: number): void {
    const [ra, rb] = [this.find(a), this.find(b)];
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
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
function joinOrigins(records: readonly FigureRecord[], links: readonly ReuseLink[]): { origins: Origins; derived: Map<number, Derivation> } {
  const origins = new Origins(records.length);
  const bySource = new Map<string, number>();
  records.forEach((r, i) => {
    const first = bySource.get(r.source.key);
    if (first === undefined) bySource.set(r.source.key, i);
    else origins.union(first, i);
  });
  const byArticle = new Map<string, number[]>();
  records.forEach((r, i) => byArticle.set(r.article.id, [...(byArticle.get(r.article.id) ?? []), i]));
  const derived = new Map<number, Derivation>();
  for (const link of links) {
    const from = byArticle.get(link.from);
    const to = byArticle.get(link.to);
    if (!from || !to) continue;
    for (const i of from) {
      const claim = records[i].claim;
      const passage = link.passages.find((p) => overlaps(p.from, claim));
      const matches = passage ? to.filter((j) => overlaps(passage.to, records[j].claim)) : [];
      // A copy or rewrite that gives a figure for a proposition its origin also reports is relaying it, changed or not.
      const relayed = matches.length ? matches : DERIVED_KINDS.includes(link.kind) ? to : [];
      for (const j of relayed) origins.union(i, j);
      if (relayed.length && DERIVED_KINDS.includes(link.kind) && !derived.has(i)) derived.set(i, { from: relayed[0], kind: link.kind });
    }
  }
  return { origins, derived };
}

function valueId(v: NumberValue): string {
  return formatNumber(v);
}

function buildProposition(input: StoryAlignInput, records: FigureRecord[]): ExportProposition {
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
    return d !== undefined && valueId(records[d.from].features.value) !== valueId(records[i].features.value);
  };

  // Values, in order of first appearance.
  const valueOrder: string[] = [];
  const byValue = new Map<string, number[]>();
  records.forEach((r, i) => {
    const id = valueId(r.features.value);
    if (!byValue.has(id)) {
      byValue.set(id, []);
      valueOrder.push(id);
    }
    byValue.get(id)!.push(i);
  });
  const values: ExportPropositionValue[] = valueOrder.map((id) => {
    const idx = byValue.get(id)!;
    const v = records[idx[0]].features.value;
    const dates = idx.map((i) => records[i].date).filter((d): d is string => !!d).sort();
    const hedges = [...new Set(idx.flatMap((i) => records[i].hedges))];
    const out: ExportPropositionValue = {
      value: v.value,
      ...(v.low !== undefined ? { low: v.low } : {}),
      ...(v.high !== undefined ? { high: v.high } : {}),
      approx: v.approx,
      ...(v.unit ? { unit: v.unit } : {}),
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
    reasons.push(`${outletName(r.article)} (${d.kind} of ${outletName(records[d.from].article)}) gives ${valueId(r.features.value)} where its origin gives ${valueId(records[d.from].features.value)}`);
  });

  const supported = records.filter((r, i) => !r.unsupported && !changedByDerivative(i));
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
    reasons.unshift(`${supportedOrigins} independent origins agree (${[...new Set(supported.map((r) => originLabel.get(root(records.indexOf(r)))!))].join('; ')})`);
  } else {
    status = 'single-origin';
    const n = new Set(records.map((r) => r.article.id)).size;
    reasons.unshift(`${n} article${n === 1 ? '' : 's'}, one origin: ${originLabel.get(root(records.indexOf(supported[0])))}`);
  }

  const first = records[0];
  const merged: Scope = {};
  for (const r of records) for (const d of SCOPE_DIMENSIONS) merged[d] ??= r.features.scope[d];
  const scope = Object.fromEntries(SCOPE_DIMENSIONS.flatMap((d) => (merged[d] ? [[d, merged[d]!]] : [])));
  const subject = records.find((r) => r.subjectLabel)?.subjectLabel;
  const key = `${first.thing}|${first.subject}|${scopeKey(merged)}|${Math.round(Math.log10(Math.max(1, Math.min(...records.map((r) => r.features.value.value)))))}`;
  return {
    id: hashId(`${input.storyId}:${key}`),
    story: input.storyId,
    label: labelOf(first.thing, first.thingLabel, subject, merged),
    kind: 'figure',
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
function chainOf(records: readonly FigureRecord[], derived: ReadonlyMap<number, Derivation>, i: number, depth = 0): string {
  const r = records[i];
  const d = derived.get(i);
  if (d && depth < 5) return `${chainOf(records, derived, d.from, depth + 1)} → ${outletName(r.article)} (${d.kind})`;
  const parts = [r.source.speaker && !r.source.key.startsWith('own:') ? r.source.speaker : r.source.speaker ? `${r.source.speaker} (unnamed)` : undefined, ...r.source.via, outletName(r.article)];
  return parts.filter((p): p is string => !!p).join(' → ');
}

/** Pairs of origins whose current values conflict, as reasons. */
function findConflicts(records: readonly FigureRecord[], current: ReadonlyMap<number, number>, originLabel: ReadonlyMap<number, string>): string[] {
  // Compare distinct current values, not origin pairs: a story has few values however many outlets repeat them.
  const byValue = new Map<string, { value: NumberValue; origins: number[] }>();
  for (const [origin, i] of current) {
    const id = valueId(records[i].features.value);
    const entry = byValue.get(id) ?? { value: records[i].features.value, origins: [] };
    entry.origins.push(origin);
    byValue.set(id, entry);
  }
  const entries = [...byValue.values()].sort((x, y) => x.value.value - y.value.value);
  const who = (e: (typeof entries)[number]) => e.origins.map((o) => originLabel.get(o)).join('; ');
  const pairs: string[] = [];
  let conflicting = false;
  for (let a = 0; a < entries.length; a++) {
    for (let b = a + 1; b < entries.length; b++) {
      const cmp = compareNumbers(entries[a].value, entries[b].value);
      if (cmp.relation !== 'conflict') continue;
      conflicting = true;
      // Neighbouring figures say how far apart the estimates are; every other pair follows from them.
      if (b === a + 1) pairs.push(cmp.reason);
    }
  }
  if (!conflicting) return [];
  const summary = `independent origins give ${entries.length} different figures: ${entries.map((e) => `${formatNumber(e.value)} (${who(e)})`).join(', ')}`;
  return [summary, ...pairs];
}

function buildTrajectory(
  records: readonly FigureRecord[],
  root: (i: number) => number,
  originLabel: ReadonlyMap<number, string>,
  derived: ReadonlyMap<number, Derivation>,
  changedByDerivative: (i: number) => boolean,
): TrajectoryPoint[] {
  const seen: NumberValue[] = [];
  const lastByOrigin = new Map<number, NumberValue>();
  return records.map((r, i) => {
    const v = r.features.value;
    const value = valueId(v);
    const origin = root(i);
    const last = lastByOrigin.get(origin);
    let change: TrajectoryPoint['change'];
    if (changedByDerivative(i)) change = 'derivative-change';
    // A copy relays its origin: it repeats, it does not speak again.
    else if (derived.has(i)) change = 'repeat';
    else if (last && compareNumbers(v, last).relation === 'conflict') change = 'update';
    else if (!seen.length) change = 'first';
    else change = seen.some((s) => compareNumbers(v, s).relation !== 'conflict') ? 'repeat' : 'rival';
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

