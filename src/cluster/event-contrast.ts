/**
 * Evidence that an article reports a different event from a story it resembles: two earthquakes on one
 * island, two arrests of players of one team. Same-kind events share their vocabulary and often a protagonist,
 * but each has participants the other lacks: the story's core names are missing from the article while the
 * article's own prominent names are unknown to the story. A figure both give (a toll, a score) outweighs that;
 * a publication date far outside the story's dates lowers the bar.
 */

/** Share of members a name must be prominent in to be one of the story's core participants. */
export const CORE_NAME_MEMBER_SHARE = 0.5;
/** Mentions that make a name prominent in one article. */
export const PROMINENT_NAME_MIN_MENTIONS = 2;
/** Idf-weighted share of core names missing, and of prominent names unknown, at which an article is another event: best B³ F on ECB+ train topics (0.3–0.45 within 0.005) with the fewest wrong merges on the benchmark pages. */
export const DIFFERENT_EVENT_MIN_CONTRAST = 0.35;
/** Shared figures (numbers other than years) that outweigh any name contrast: reports of one event repeat its figures. */
export const SAME_EVENT_MIN_SHARED_FIGURES = 1;
/** Days outside a story's publication dates after which the contrast needed is halved: half a year, since ECB+ counts follow-ups weeks and even years later as the same event. */
export const EVENT_GAP_DAYS = 180;
/** Names kept per story. */
const STORY_EVENT_NAMES = 200;
const DAY_MS = 86_400_000;

/** What a story's members say about who and when; persisted with the story so restored stories keep it. */
export interface StoryEvent {
  /** Members counted. */
  size: number;
  /** [name, members mentioning it, members where it is prominent], most prominent first. */
  names: [string, number, number][];
  /** First and last publication day (ISO) of the dated members. */
  from?: string;
  to?: string;
}

/** One article's side of the comparison. */
export interface ArticleEvent {
  /** Names (capitalised mid-sentence, not numbers) with their mention counts. */
  names: ReadonlyMap<string, number>;
  /** Every term of the article, to test whether it mentions a story's name at all. */
  terms: ReadonlyMap<string, number>;
  /** Publication day (ISO), when known. */
  day?: string;
}

/** How much an article and a story differ in participants and time. */
export interface EventContrast {
  /** Idf-weighted share of the story's core names the article never mentions (0–1). */
  missing: number;
  /** Idf-weighted share of the article's prominent names the story never mentions (0–1). */
  novel: number;
  /** Days between the article's publication and the story's dated span (0 inside it), when both are dated. */
  gapDays?: number;
  missingNames: string[];
  novelNames: string[];
}

/** Adds one member article to a story's event evidence (returns a new object). */
export function addToEvent(event: StoryEvent | undefined, article: ArticleEvent): StoryEvent {
  const names = new Map<string, [number, number]>((event?.names ?? []).map(([t, m, p]) => [t, [m, p]]));
  for (const [t, count] of article.names) {
    const [m, p] = names.get(t) ?? [0, 0];
    names.set(t, [m + 1, p + (count >= PROMINENT_NAME_MIN_MENTIONS ? 1 : 0)]);
  }
  const out: StoryEvent = {
    size: (event?.size ?? 0) + 1,
    names: [...names]
      .map(([t, [m, p]]) => [t, m, p] as [string, number, number])
      .sort((a, b) => b[2] - a[2] || b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, STORY_EVENT_NAMES),
  };
  const from = article.day && (!event?.from || article.day < event.from) ? article.day : event?.from;
  const to = article.day && (!event?.to || article.day > event.to) ? article.day : event?.to;
  if (from) out.from = from;
  if (to) out.to = to;
  return out;
}

/** Compares an article with a story's event evidence; `idf` weighs names by how few stories use them. */
export function contrastWith(article: ArticleEvent, event: StoryEvent, idf: (term: string) => number): EventContrast {
  const known = new Set(event.names.map(([t]) => t));
  let core = 0;
  let missing = 0;
  const missingNames: string[] = [];
  for (const [t, , prominent] of event.names) {
    if (prominent < CORE_NAME_MEMBER_SHARE * event.size) continue;
    const w = idf(t);
    core += w;
    if (!article.terms.has(t)) {
      missing += w;
      missingNames.push(t);
    }
  }
  let own = 0;
  let novel = 0;
  const novelNames: string[] = [];
  for (const [t, count] of article.names) {
    if (count < PROMINENT_NAME_MIN_MENTIONS) continue;
    const w = idf(t);
    own += w;
    if (!known.has(t)) {
      novel += w;
      novelNames.push(t);
    }
  }
  const contrast: EventContrast = { missing: core ? missing / core : 0, novel: own ? novel / own : 0, missingNames, novelNames };
  if (article.day && event.from && event.to) {
    const day = Date.parse(article.day);
    const gap = Math.max(Date.parse(event.from) - day, day - Date.parse(event.to), 0);
    if (Number.isFinite(gap)) contrast.gapDays = Math.round(gap / DAY_MS);
  }
  return contrast;
}

/**
 * True when the story's core names are missing from the article and the article's own names are new to the story,
 * both beyond `minContrast`, and the two share no figure (a figure in common marks one event despite new names).
 */
export function isDifferentEvent(contrast: EventContrast, sharedFigures: number, minContrast = DIFFERENT_EVENT_MIN_CONTRAST): boolean {
  if (sharedFigures >= SAME_EVENT_MIN_SHARED_FIGURES) return false;
  const bar = (contrast.gapDays ?? 0) > EVENT_GAP_DAYS ? minContrast / 2 : minContrast;
  return contrast.missing >= bar && contrast.novel >= bar;
}
