/**
 * Claims export: claims and entities shaped as the JSON export contract (ClaimSchema,
 * EntitySchema in report/export-schema.ts), and a short terminal summary of each article's figures.
 */
import { hashId, type Article } from '../core/article.js';
import type { Corpus } from '../core/pipeline.js';
import type { Span } from '../core/span.js';
import { termSafe } from '../report/escape.js';
import type { ExportClaim, ExportEntity } from '../report/export-schema.js';
import { SPEAKER_PRONOUNS } from './lexicon/attribution.js';
import type { AttributionMention, Claim, DateMention, EntityMention, QuantityMention } from './types.js';

/** Figures listed per article in the terminal summary. */
const SUMMARY_MAX_FIGURES = 12;
/** Pronouns resolved to an earlier named speaker. */
const PERSON_PRONOUNS: ReadonlySet<string> = new Set(['he', 'she']);

interface ClaimLayers {
  claim?: Claim[];
  quantity?: QuantityMention[];
  date?: DateMention[];
  attribution?: AttributionMention[];
  entity?: EntityMention[];
}

/** A resolved entity as the entities corpus stage may store it in `corpus.data.entities`. */
interface StoredEntity {
  id: string;
  name: string;
  type: string;
  aliases?: string[];
  mentions?: Array<{ articleId?: string; article?: string; start: number; end: number }>;
}

const layersOf = (article: Article) => article.layers as ClaimLayers;
const slice = (article: Article, span: Span) => article.text.slice(span.start, span.end).replace(/\s+/g, ' ').trim();

/** Every article's claims, shaped as ClaimSchema. */
export function exportClaims(corpus: Corpus): ExportClaim[] {
  return corpus.articles.flatMap((article) => (layersOf(article).claim ?? []).map((claim) => exportClaim(article, claim)));
}

function exportClaim(article: Article, claim: Claim): ExportClaim {
  const layers = layersOf(article);
  const out: ExportClaim = {
    id: claim.id,
    article: article.id,
    start: claim.start,
    end: claim.end,
    text: article.text.slice(claim.start, claim.end),
    kind: claim.kind,
  };
  if (claim.subject) out.subject = slice(article, claim.subject);
  const q = claim.quantity === undefined ? undefined : layers.quantity?.[claim.quantity];
  if (q) {
    out.quantity = { value: q.value, approx: q.approx };
    if (q.low !== undefined) out.quantity.low = q.low;
    if (q.high !== undefined) out.quantity.high = q.high;
    if (q.unit) out.quantity.unit = q.unit;
  }
  const d = claim.date === undefined ? undefined : layers.date?.[claim.date];
  if (d) out.time = { start: d.from ?? null, end: d.to ?? d.from ?? null, text: slice(article, d) };
  const a = claim.attribution === undefined ? undefined : layers.attribution?.[claim.attribution];
  if (a) out.attribution = exportAttribution(article, claim.attribution!);
  if (claim.hedge) out.hedge = claim.hedge;
  if (claim.negated) out.negated = true;
  if (claim.opinion) out.opinion = true;
  return out;
}

/** Speaker text, resolving a pronoun ("he added") or a role to the name it stands for. */
export function speakerText(article: Article, index: number): string | null {
  const span = speakerSpan(article, index);
  return span ? slice(article, span) : null;
}

/** The span `speakerText` reads: the name a pronoun or role stands for, else the speaker as written. */
export function speakerSpan(article: Article, index: number): Span | undefined {
  const list = layersOf(article).attribution ?? [];
  const a = list[index];
  if (!a?.speaker) return undefined;
  // A pronoun or role the attribution stage tied to a name ("the top diplomat" → the foreign minister named earlier).
  if (a.speakerRef) return a.speakerRef;
  const own = slice(article, a.speaker);
  if (!PERSON_PRONOUNS.has(own.toLowerCase())) return a.speaker;
  // "he"/"she" refer back to the nearest named, non-anonymous speaker; other pronouns stay as written.
  for (let i = index - 1; i >= 0; i--) {
    const s = list[i].speaker;
    if (!s || list[i].anonymous) continue;
    const name = slice(article, s);
    if (!SPEAKER_PRONOUNS.has(name.toLowerCase()) && /\p{Lu}/u.test(name)) return s;
  }
  return a.speaker;
}

function exportAttribution(article: Article, index: number): NonNullable<ExportClaim['attribution']> {
  const list = layersOf(article).attribution ?? [];
  const a = list[index];
  const out: NonNullable<ExportClaim['attribution']> = { speaker: speakerText(article, index), cue: slice(article, a.cue) };
  // A chain ("LIGA reported, citing sources in …") names the outlet as channel of the cited source.
  const cited = a.citing === undefined ? undefined : list[a.citing];
  if (cited) {
    out.speaker = speakerText(article, a.citing!);
    out.via = a.speaker ? slice(article, a.speaker) : undefined;
    if (cited.anonymous) out.anonymous = true;
    if (out.via === undefined) delete out.via;
    return out;
  }
  if (a.via) out.via = slice(article, a.via);
  if (a.anonymous) out.anonymous = true;
  return out;
}

/** Entities shaped as EntitySchema: from `corpus.data.entities` when resolved, else grouped by key per type. */
export function exportEntities(corpus: Corpus): ExportEntity[] {
  const stored = (corpus.data as { entities?: unknown }).entities;
  if (Array.isArray(stored)) {
    return (stored as StoredEntity[]).map((e) => ({
      id: e.id,
      name: e.name,
      type: e.type,
      aliases: e.aliases ?? [],
      mentions: (e.mentions ?? []).map((m) => ({ article: m.article ?? m.articleId ?? '', start: m.start, end: m.end })),
    }));
  }
  const groups = new Map<string, ExportEntity>();
  for (const article of corpus.articles) {
    for (const m of layersOf(article).entity ?? []) {
      const key = `${m.type}:${m.key}`;
      const name = slice(article, m);
      let entity = groups.get(key);
      if (!entity) {
        entity = { id: hashId(key), name, type: m.type, aliases: [], mentions: [] };
        groups.set(key, entity);
      }
      if (name !== entity.name && !entity.aliases.includes(name)) entity.aliases.push(name);
      entity.mentions.push({ article: article.id, start: m.start, end: m.end });
    }
  }
  return [...groups.values()];
}

export interface ClaimsSummaryOptions {
  /** Most figures listed per article. */
  maxFigures?: number;
}

/**
 * Terminal summary: per article, claim counts by kind and the figures with hedges and sources.
 * @example "  11,000 soldier (nearly) — Defense Intelligence of Ukraine via The War Zone"
 */
export function renderClaimsSummary(corpus: Corpus, opts: ClaimsSummaryOptions = {}): string {
  const max = opts.maxFigures ?? SUMMARY_MAX_FIGURES;
  const lines: string[] = [];
  for (const article of corpus.articles) {
    const claims = exportClaims({ articles: [article], data: corpus.data });
    const counts = new Map<string, number>();
    for (const c of claims) counts.set(c.kind, (counts.get(c.kind) ?? 0) + 1);
    const countText = [...counts].map(([k, n]) => `${n} ${k}`).join(', ') || 'no claims';
    lines.push(`${termSafe(article.meta.title ?? article.source.path ?? article.id)}: ${countText}`);
    const figures = claims.filter((c) => c.quantity);
    for (const c of figures.slice(0, max)) lines.push(`  ${renderFigure(c)}`);
    if (max && figures.length > max) lines.push(`  … ${figures.length - max} more figures`);
  }
  return lines.join('\n');
}

function renderFigure(c: ExportClaim): string {
  const q = c.quantity!;
  const amount =
    q.approx === 'several' && q.low !== undefined && q.high !== undefined
      ? vagueAmount(q.low, q.high)
      : q.low !== undefined && q.high !== undefined && q.low !== q.high
        ? `${fmt(q.low)}–${fmt(q.high)}`
        : fmt(q.value);
  const approx = q.approx && q.approx !== 'exact' && q.approx !== 'several' ? ` (${q.approx})` : '';
  const flags = [c.hedge ? `hedged: ${c.hedge}` : '', c.negated ? 'negated' : '', c.opinion ? 'opinion' : ''].filter(Boolean);
  const a = c.attribution;
  const source = a ? `${a.speaker ?? (a.anonymous ? 'anonymous source' : 'unnamed')}${a.anonymous && a.speaker ? ' (anonymous)' : ''}${a.via ? ` via ${a.via}` : ''}` : 'unattributed';
  return `${amount}${q.unit ? ` ${q.unit}` : ''}${approx} — ${termSafe(source)}${flags.length ? ` [${flags.join(', ')}]` : ''}`;
}

const SCALE_WORDS: ReadonlyArray<[number, string]> = [
  [1e9, 'billion'],
  [1e6, 'million'],
  [1e3, 'thousand'],
  [1e2, 'hundred'],
  [12, 'dozen'],
];

/** "several thousand" or "millions" for a vague band, instead of its machine bounds. */
export function vagueAmount(low: number, high: number): string {
  const scale = SCALE_WORDS.find(([n]) => low >= n);
  if (!scale) return `${fmt(low)}–${fmt(high)}`;
  // A band that spans more than one order of the scale word reads as a plural ("millions of").
  return high >= scale[0] * 100 ? `${scale[1]}s` : `several ${scale[1]}`;
}

function fmt(n: number): string {
  return n.toLocaleString('en-US');
}
