/**
 * The primary source behind a claim: the end of its attribution chain, resolved to an entity where
 * possible, with a person who speaks for an organisation joined to it (an agency's chief and
 * "sources in" that agency are one source). Unattributed and vaguely attributed claims are their
 * outlet's own reporting. Reuse links later join sources that one text relays from another.
 */
import type { Article } from '../core/article.js';
import type { ResolvedEntity } from '../claims/resolve-entities.js';
import { PERSON_TITLES } from '../claims/lexicon/entities.js';
import { speakerText } from '../claims/export.js';
import type { AttributionMention, Claim } from '../claims/types.js';
// Type-only: brings the reuse stage's ArticleData field (wires) into view.
import type {} from '../reuse/links-stage.js';

/** A claim's source before reuse is considered. */
export interface ClaimSource {
  /** Identity of the primary source: `entity:<id>`, `name:<normalised speaker>`, `wire:<agency>` or `own:<article id>`. */
  key: string;
  /** The source as a person would name it. */
  label: string;
  /** The speaker as written in this article (pronouns resolved), when there is one. */
  speaker?: string;
  /** Channels between the source and the article ("LIGA", "The War Zone"). */
  via: string[];
}

/** True when a source is the outlet's own reporting (or the wire it relays), not a named source. */
export function isOwnReporting(source: ClaimSource): boolean {
  return source.key.startsWith('own:') || source.key.startsWith('wire:');
}

/** Entity types that can be a primary source. */
const SOURCE_TYPES: ReadonlySet<string> = new Set(['person', 'organisation', 'outlet', 'military-unit']);
/** Characters read on each side of a person mention for the words of their role. */
const ROLE_WINDOW_CHARS = 80;
/** Words of a role phrase that say nothing about the role ("the country's top diplomat" keeps "top diplomat"). */
const ROLE_FILLERS: ReadonlySet<string> = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their', 'country', 'nation']);

/** Longest gap, in characters, between a person and an organisation read as "X, chief of Y" / "Y chief X". */
const AFFILIATION_GAP_CHARS = 60;

interface EntityRef {
  entity: ResolvedEntity;
  alias: string;
}

/** Resolves the primary source of claims in one story. */
export class SourceResolver {
  private readonly aliases: EntityRef[] = [];
  /** Person entity id -> organisation entity id it speaks for. */
  private readonly affiliation = new Map<string, string>();
  private readonly byId = new Map<string, ResolvedEntity>();
  /** Person entity id -> the words around its mentions (titles and appositions), for roles that stand for a person. */
  private readonly roleWords = new Map<string, Set<string>>();

  constructor(
    private readonly articles: ReadonlyMap<string, Article>,
    entities: readonly ResolvedEntity[],
  ) {
    for (const entity of entities) {
      if (!SOURCE_TYPES.has(entity.type)) continue;
      this.byId.set(entity.id, entity);
      for (const alias of new Set([entity.name, ...entity.aliases])) {
        const norm = normaliseName(alias);
        if (norm.length >= 2) this.aliases.push({ entity, alias: norm });
      }
    }
    // Longest alias first, so "Defense Intelligence of Ukraine" wins over "Ukraine".
    this.aliases.sort((a, b) => b.alias.length - a.alias.length);
    this.learnAffiliations(entities);
    this.learnRoles(entities);
  }

  /** Collects the words of the titles and appositions next to each person mention ("Governor X", "X, chief of the Y"). */
  private learnRoles(entities: readonly ResolvedEntity[]): void {
    for (const entity of entities) {
      if (entity.type !== 'person') continue;
      const context = new Set<string>();
      for (const m of entity.mentions) {
        const text = this.articles.get(m.article)?.text;
        if (!text) continue;
        for (const w of titleWords(text, m.start, m.end)) context.add(w);
      }
      this.roleWords.set(entity.id, context);
    }
  }

  /** The primary source of one claim of one article. */
  sourceOf(article: Article, claim: Claim): ClaimSource {
    const list = (article.layers.attribution ?? []) as AttributionMention[];
    // An article whose lead credits a wire relays that wire's reporting: the wire is the origin.
    const wire = article.data.wires?.[0];
    const own: ClaimSource = wire
      ? { key: `wire:${normaliseName(wire)}`, label: `${wire} (wire)`, via: [wire] }
      : { key: `own:${article.id}`, label: `${outletName(article)} (own reporting)`, via: [] };
    if (claim.attribution === undefined || !list[claim.attribution]) return own;
    const index = claim.attribution;
    const outer = list[index];
    // A chain ("LIGA reported, citing sources in X"): the cited source is primary, the citing one a channel.
    const primaryIndex = outer.citing !== undefined && list[outer.citing] ? outer.citing : index;
    const primary = list[primaryIndex];
    const via: string[] = [];
    if (primaryIndex !== index && outer.speaker) via.push(clean(article.text.slice(outer.speaker.start, outer.speaker.end)));
    if (primary.via) via.push(clean(article.text.slice(primary.via.start, primary.via.end)));
    const speaker = speakerText(article, primaryIndex) ?? undefined;
    // An unnamed or unattributed report keeps the wire it came through at the end of its chain.
    if (!speaker) return { ...own, via: [...via, ...own.via] };
    const entity = this.entityIn(speaker) ?? this.personByRole(speaker);
    if (entity) {
      const org = entity.type === 'person' ? this.affiliation.get(entity.id) : undefined;
      const target = org ? this.byId.get(org)! : entity;
      return { key: `entity:${target.id}`, label: target.name, speaker: clean(speaker), via };
    }
    // Unnamed sources ("officials", "reports") are the outlet's own reporting; named groups are sources of their own.
    if (primary.anonymous || /^(?:he|she|they|it|we|i)$/i.test(speaker.trim())) return { ...own, speaker: clean(speaker), via: [...via, ...own.via] };
    const norm = normaliseName(speaker);
    return { key: `name:${norm}`, label: clean(speaker), speaker: clean(speaker), via };
  }

  /**
   * The one person of the story a bare role stands for ("the intelligence chief", "the governor"): every word
   * of the role appears around that person's mentions ("Kyrylo Budanov, Chief of the Defense Intelligence"),
   * and its head is a title. Two candidates, or none, leave the role unresolved.
   */
  private personByRole(speaker: string): ResolvedEntity | undefined {
    const words = normaliseName(speaker).split(' ').filter((w) => w && !ROLE_FILLERS.has(w));
    if (!words.length || words.length > 4 || !PERSON_TITLES.has(words[words.length - 1])) return undefined;
    const matches = [...this.roleWords].filter(([, context]) => words.every((w) => context.has(w)));
    return matches.length === 1 ? this.byId.get(matches[0][0]) : undefined;
  }

  /** The source entity named in a speaker phrase: a person (joined to the organisation they speak for) before an organisation. */
  private entityIn(speaker: string): ResolvedEntity | undefined {
    const norm = ` ${normaliseName(speaker)} `;
    const found = this.aliases.filter((a) => norm.includes(` ${a.alias} `));
    return (found.find((f) => f.entity.type === 'person') ?? found[0])?.entity;
  }

  /** Learns who speaks for which organisation from phrases like "X, chief of Y", "Y chief X" and speaker phrases naming both. */
  private learnAffiliations(entities: readonly ResolvedEntity[]): void {
    const mentions: Array<{ article: string; start: number; end: number; entity: ResolvedEntity }> = [];
    for (const entity of entities) {
      if (entity.type !== 'person' && entity.type !== 'organisation') continue;
      for (const m of entity.mentions) mentions.push({ ...m, entity });
    }
    mentions.sort((a, b) => (a.article < b.article ? -1 : a.article > b.article ? 1 : a.start - b.start));
    for (let i = 1; i < mentions.length; i++) {
      const [a, b] = [mentions[i - 1], mentions[i]];
      if (a.article !== b.article || a.entity.type === b.entity.type || b.start - a.end > AFFILIATION_GAP_CHARS) continue;
      const text = this.articles.get(a.article)?.text;
      if (!text) continue;
      const gap = text.slice(a.end, b.start);
      const person = a.entity.type === 'person' ? a.entity : b.entity;
      const org = a.entity.type === 'organisation' ? a.entity : b.entity;
      if (this.affiliation.has(person.id)) continue;
      if (isAffiliationGap(gap, a.entity.type === 'person')) this.affiliation.set(person.id, org.id);
    }
  }
}

/** "X, chief of the Y" (person first) or "Y chief X" / "Y's X" (organisation first): the gap holds a title and no verb. */
function isAffiliationGap(gap: string, personFirst: boolean): boolean {
  const words = gap.toLowerCase().replace(/['’]s\b/g, ' ').split(/[^\p{L}.-]+/u).filter(Boolean);
  if (words.length > 6) return false;
  const titled = words.some((w) => PERSON_TITLES.has(w.replace(/\.$/, '')));
  if (personFirst) return /^\s*,/.test(gap) && titled && /\b(?:of|at|for)\s+(?:the\s+)?$/i.test(gap);
  return titled && !/[,;.]/.test(gap.replace(/\b[A-Z][a-z]?\./g, ''));
}

/**
 * Words of the title phrase touching a name: before it ("the governor of Tallis Province, Helena Strand") and
 * in an apposition after it ("Kyrylo Budanov, Chief of the Defense Intelligence"). The phrase holds only names,
 * titles, "of" and "the": a lowercase word of anything else ends it, so "the governor's figures, spokesperson X"
 * gives X no governorship.
 */
function titleWords(text: string, start: number, end: number): string[] {
  const inTitle = (w: string) => /^\p{Lu}/u.test(w) || /^(?:of|the|for|and)$/i.test(w) || PERSON_TITLES.has(w.toLowerCase().replace(/\.$/, ''));
  const words: string[] = [];
  const before = text.slice(Math.max(0, start - ROLE_WINDOW_CHARS), start).split(/\s+/).filter(Boolean);
  for (let i = before.length - 1; i >= 0; i--) {
    const w = before[i].replace(/,$/, '');
    if (/[.;:!?]$/.test(before[i]) && !/^(?:Lt|Gen|Col|Maj|Capt|Sgt|Dr|Mr|Mrs|Ms|Prof)\.$/.test(before[i])) break;
    if (!inTitle(w)) break;
    words.push(w);
  }
  const after = text.slice(end, end + ROLE_WINDOW_CHARS);
  if (/^,\s/.test(after)) {
    for (const raw of after.slice(1).split(/\s+/).filter(Boolean)) {
      const w = raw.replace(/[,.;:]$/, '');
      if (!inTitle(w)) break;
      words.push(w);
      if (/[,.;:]$/.test(raw)) break;
    }
  }
  return normaliseName(words.join(' ')).split(' ').filter(Boolean);
}

/** Lowercase, "the" and possessives dropped, punctuation folded: how names are compared. */
export function normaliseName(s: string): string {
  return s
    .toLowerCase()
    .replace(/['’]s\b/g, '')
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\b(?:the|a|an)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function clean(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** How an article is named in a chain: its outlet, else its title, else its file or URL. */
export function outletName(article: Article): string {
  // Records of one JSON/JSONL file share a path: the record number (1-based, as ingest names them) tells them apart.
  const file = article.source.path ? `${article.source.path.split('/').pop()}${article.source.record !== undefined ? `#${article.source.record}` : ''}` : undefined;
  const name = article.meta.site ?? article.meta.title ?? file ?? article.source.url ?? article.id;
  return name.length > 60 ? `${name.slice(0, 59)}…` : name;
}
