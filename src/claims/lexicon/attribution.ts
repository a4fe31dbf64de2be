/**
 * Word lists for attribution ("who says so"): reporting cues, channels, anonymous-source heads and
 * the small words that shape a speaker noun phrase. Data only; `attributions.ts` holds the structure.
 */

/** Reporting verbs by lemma with their inflected forms. The base form is listed first. */
export const CUE_VERBS: Readonly<Record<string, readonly string[]>> = {
  say: ['say', 'says', 'said', 'saying'],
  tell: ['tell', 'tells', 'told', 'telling'],
  add: ['adds', 'added', 'adding'],
  claim: ['claims', 'claimed', 'claiming'],
  report: ['reports', 'reported', 'reporting'],
  announce: ['announces', 'announced', 'announcing'],
  warn: ['warns', 'warned', 'warning'],
  state: ['states', 'stated', 'stating'],
  note: ['notes', 'noted', 'noting'],
  reveal: ['reveals', 'revealed', 'revealing'],
  disclose: ['discloses', 'disclosed', 'disclosing'],
  confirm: ['confirms', 'confirmed', 'confirming'],
  deny: ['denies', 'denied', 'denying'],
  write: ['writes', 'wrote'],
  explain: ['explains', 'explained', 'explaining'],
  argue: ['argues', 'argued', 'arguing'],
  insist: ['insists', 'insisted', 'insisting'],
  acknowledge: ['acknowledges', 'acknowledged', 'acknowledging'],
  admit: ['admits', 'admitted', 'admitting'],
  allege: ['alleges', 'alleged', 'alleging'],
  assert: ['asserts', 'asserted'],
  declare: ['declares', 'declared'],
  estimate: ['estimates', 'estimated'],
  suggest: ['suggests', 'suggested'],
  predict: ['predicts', 'predicted'],
  recall: ['recalls', 'recalled'],
  tweet: ['tweets', 'tweeted'],
  post: ['posted'],
  publish: ['published'],
  inform: ['informs', 'informed'],
  indicate: ['indicates', 'indicated'],
  stress: ['stresses', 'stressed'],
  emphasize: ['emphasizes', 'emphasized', 'emphasises', 'emphasised'],
  mention: ['mentions', 'mentioned'],
  continue: ['continued'],
  quote: ['quoted'],
};

/** Verbs whose object is the addressee, taken as the channel: "told The War Zone", "informed reporters". */
export const ADDRESSEE_VERBS: ReadonlySet<string> = new Set(['tell', 'inform']);

/** Multi-word cues that introduce the source after them (lowercased). */
export const SOURCE_AFTER_CUES: readonly { phrase: string; lemma: string }[] = [
  { phrase: 'according to', lemma: 'according to' },
  { phrase: 'citing', lemma: 'cite' },
  { phrase: 'as reported by', lemma: 'report' },
  { phrase: 'as cited by', lemma: 'cite' },
];

/** Objects of "according to" that are not sources ("according to plan"). */
export const ACCORDING_TO_NON_SOURCES: ReadonlySet<string> = new Set([
  'plan', 'plans', 'schedule', 'protocol', 'tradition', 'custom', 'design', 'expectations', 'rules', 'law', 'script',
  'form', 'legend', 'type', 'size', 'need', 'needs', 'priority', 'age', 'rank',
]);

/** Words that make an attributive participle ("the reported deployment"), not a reporting verb. */
export const PARTICIPLE_BLOCKERS: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'its', 'their', 'his', 'her', 'our', 'my', 'your', 'unconfirmed', 'any', 'no', 'some', 'such', 'of', 'been', 'being',
]);

/**
 * Channel phrases. `object` is a regex group that is the channel itself; when the phrase has no object
 * the whole match is the channel ("in a statement").
 */
export const CHANNEL_PATTERNS: readonly RegExp[] = [
  /\b(?:[Ii]n|[Dd]uring)\s+(?:an?\s+|the\s+)?(?:\w+\s+)?interview\s+(?:with|to|on)\s+(?<object>[A-Z][\w'’.&-]*(?:\s+(?:[A-Z][\w'’.&-]*|of|the|de|and))*)/g,
  /\b(?:[Ii]n|[Dd]uring|[Aa]t)\s+(?<whole>(?:an?|the|his|her|their|its)\s+(?:[\w-]+\s+){0,2}(?:statement|briefing|press\s+conference|news\s+conference|press\s+release|interview|speech|address|post|video\s+address|televised\s+address|communiqu[eé]|report|tweet|message|summit)(?:\s+(?:in|on|at)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)?)/g,
  /\b[Ss]peaking\s+(?:to|with|at|on)\s+(?<whole>(?:an?|the)?\s*[\w'’.&-]+(?:\s+(?:[A-Z][\w'’.&-]*|news|service|agency|summit|conference|broadcaster|television|radio|channel|reporters|journalists))*)/g,
  /\b(?:that|who)\s+(?:spoke|talked)\s+(?:to|with)\s+(?<whole>(?:the\s+)?[A-Z][\w'’.&-]*(?:\s+(?:[A-Z][\w'’.&-]*|news|service|agency|newspaper|broadcaster|television|radio|channel))*)/g,
  /\b(?:cited|quoted)\s+by\s+(?<object>(?:the\s+)?[A-Z][\w'’.&-]*(?:\s+(?:[A-Z][\w'’.&-]*|of|the|news|agency))*)/g,
  /\b(?:via|on)\s+(?<object>Telegram|Twitter|X|Facebook|Instagram|YouTube|TikTok|VKontakte|VK|Truth Social|Weibo)\b/g,
  /\bvia\s+(?<object>(?:the\s+)?[A-Z][\w'’.&-]*(?:\s+(?:[A-Z][\w'’.&-]*|news|agency))*)/g,
  /\b[Ii]n\s+(?:comments|remarks)\s+to\s+(?<object>(?:the\s+)?[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*)*)/g,
];

/** Heads of a speaker phrase that leave the speaker unnamed ("a source", "officials"). */
export const ANONYMOUS_HEADS: ReadonlySet<string> = new Set([
  'source', 'sources', 'insider', 'insiders', 'official', 'officials', 'officer', 'officers', 'person', 'people',
  'diplomat', 'diplomats', 'aide', 'aides', 'employee', 'employees', 'staffer', 'staffers', 'individual', 'individuals',
  'someone', 'members', 'member', 'reports', 'report',
]);

/** Words that mark a speaker as deliberately unnamed wherever they appear in the phrase. */
export const ANONYMITY_MARKERS: readonly RegExp[] = [
  /\banonym(?:ous|ously|ity)\b/i,
  /\b(?:unnamed|unidentified)\b/i,
  /\bdeclined\s+to\s+be\s+(?:named|identified)\b/i,
  /\basked\s+not\s+to\s+be\s+(?:named|identified)\b/i,
  /\bnot\s+authori[sz]ed\s+to\b/i,
  /\bfamiliar\s+with\b/i,
  /\bclose\s+to\s+the\b/i,
];

/** Personal pronouns that can be speakers; resolved to an earlier speaker when reporting. */
export const SPEAKER_PRONOUNS: ReadonlySet<string> = new Set(['he', 'she', 'they', 'we', 'i', 'it', 'you']);

/** Words skipped between a subject and its cue ("Zelensky has repeatedly warned"). */
export const CUE_PRE_MODIFIERS: ReadonlySet<string> = new Set([
  'also', 'has', 'have', 'had', 'previously', 'earlier', 'later', 'then', 'repeatedly', 'reportedly', 'again', 'once',
  'further', 'publicly', 'separately', 'recently', 'already', 'first', 'initially', 'subsequently', 'allegedly',
  'officially', 'openly', 'explicitly', 'frequently', 'often', 'never', 'would', 'will', 'had', 'is', 'was', 'were', 'are',
  'did', 'does', 'do', 'just', 'now', 'all', 'both', 'too', 'indeed', 'himself', 'herself', 'themselves', 'itself',
]);

/** Common nouns that may stand before a name inside one speaker phrase ("intelligence chief Kyrylo Budanov"). */
export const TITLE_NOUNS: ReadonlySet<string> = new Set([
  'chief', 'head', 'president', 'minister', 'secretary', 'general', 'spokesperson', 'spokesman', 'spokeswoman',
  'commander', 'leader', 'director', 'ambassador', 'envoy', 'adviser', 'advisor', 'aide', 'governor', 'mayor', 'senator',
  'representative', 'chairman', 'chairwoman', 'chair', 'ceo', 'founder', 'professor', 'analyst', 'expert', 'researcher',
  'lawyer', 'attorney', 'judge', 'officer', 'official', 'colonel', 'captain', 'sergeant', 'lieutenant', 'admiral',
  'correspondent', 'editor', 'reporter', 'journalist', 'blogger', 'lawmaker', 'deputy', 'candidate', 'nominee', 'manager',
  'strategist', 'pollster', 'economist', 'member', 'staffer', 'premier', 'chancellor', 'king', 'queen', 'prince',
]);

/** Prepositions that continue a speaker phrase ("sources in the ministry", "head of the agency"). */
export const NP_PREPOSITIONS: ReadonlySet<string> = new Set(['of', 'in', 'at', 'from', 'for', 'with', 'within', 'inside', 'close', 'to', 'familiar']);

/** Words before a base-form cue that make it no report ("to confirm", "couldn't confirm"). */
export const BASE_FORM_BLOCKERS: ReadonlySet<string> = new Set([
  'to', 'not', "n't", 'can', 'cannot', 'could', 'would', 'will', 'may', 'might', 'should', 'must', 'shall', 'did', 'does',
  'do', 'let', 'nt', 'never',
]);

/** Forms of "be" that make a participle passive ("was reported by"). */
export const BE_FORMS: ReadonlySet<string> = new Set(['is', 'was', 'were', 'are', 'be', 'been', 'being', "'s", 'am']);
