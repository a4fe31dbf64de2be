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
  suggest: ['suggests', 'suggested', 'suggesting'],
  predict: ['predicts', 'predicted'],
  recall: ['recalls', 'recalled'],
  tweet: ['tweets', 'tweeted'],
  post: ['posted'],
  publish: ['published'],
  inform: ['informs', 'informed'],
  indicate: ['indicates', 'indicated', 'indicating'],
  stress: ['stresses', 'stressed'],
  emphasize: ['emphasizes', 'emphasized', 'emphasises', 'emphasised'],
  mention: ['mentions', 'mentioned'],
  continue: ['continued'],
  quote: ['quoted'],
  // Speech acts whose object or complement is what the source put forward.
  ask: ['asks', 'asked'],
  call: ['calls', 'called', 'calling'],
  urge: ['urges', 'urged', 'urging'],
  accuse: ['accuses', 'accused', 'accusing'],
  criticize: ['criticizes', 'criticized', 'criticizing', 'criticises', 'criticised', 'criticising'],
  praise: ['praises', 'praised', 'praising'],
  defend: ['defends', 'defended', 'defending'],
  describe: ['describes', 'described', 'describing'],
  endorse: ['endorses', 'endorsed'],
  respond: ['responds', 'responded'],
  reply: ['replies', 'replied'],
  promise: ['promises', 'promised', 'promising'],
  pledge: ['pledges', 'pledged', 'pledging'],
  vow: ['vows', 'vowed', 'vowing'],
  question: ['questions', 'questioned', 'questioning'],
  dismiss: ['dismisses', 'dismissed'],
  conclude: ['concludes', 'concluded'],
  reject: ['rejects', 'rejected'],
  blame: ['blames', 'blamed', 'blaming'],
  blast: ['blasts', 'blasted'],
  denounce: ['denounces', 'denounced'],
  condemn: ['condemns', 'condemned'],
  express: ['expresses', 'expressed'],
  cite: ['cites', 'cited'],
  decline: ['declines', 'declined'],
  refuse: ['refuses', 'refused'],
  propose: ['proposes', 'proposed'],
  complain: ['complains', 'complained', 'complaining'],
  boast: ['boasts', 'boasted', 'boasting'],
  joke: ['jokes', 'joked', 'joking'],
  read: ['reads'],
  concede: ['concedes', 'conceded', 'conceding'],
  confess: ['confesses', 'confessed'],
  testify: ['testifies', 'testified', 'testifying'],
  caution: ['cautions', 'cautioned', 'cautioning'],
  remark: ['remarks', 'remarked'],
  // Beliefs and intentions: PolNeAR counts internal states as attributions too.
  think: ['think', 'thinks', 'thought'],
  believe: ['believe', 'believes', 'believed'],
  hope: ['hope', 'hopes', 'hoped'],
  fear: ['fear', 'fears', 'feared'],
  worry: ['worry', 'worries', 'worried'],
  expect: ['expect', 'expects', 'expected'],
  know: ['know', 'knows', 'knew'],
  // Evidence verbs: only with a poll, study or report as subject (EVIDENCE_HEADS).
  show: ['show', 'shows', 'showed', 'shown', 'showing'],
  find: ['find', 'finds', 'found'],
};

/** Cues that count only when the subject's head is one of these: "the poll showed", not "police found a body". */
export const EVIDENCE_HEADS: ReadonlySet<string> = new Set([
  'poll', 'polls', 'polling', 'survey', 'surveys', 'study', 'studies', 'report', 'reports', 'data', 'analysis', 'research',
  'figures', 'numbers', 'results', 'review', 'investigation', 'audit', 'probe', 'census', 'statistics', 'records', 'documents',
  'memo', 'filing', 'filings', 'findings', 'estimate', 'estimates', 'assessment', 'inquiry', 'evidence', 'tally', 'count',
  // Recordings and papers show as records do ("a video of the episode shows", "emails showed").
  'record', 'document', 'video', 'videos', 'footage', 'recording', 'recordings', 'photo', 'photos', 'image', 'images',
  'email', 'emails', 'file', 'files', 'ledger', 'ledgers', 'transcript', 'transcripts', 'article', 'letter', 'letters',
]);

/** Cues limited to EVIDENCE_HEADS subjects (lemmas). */
export const EVIDENCE_CUES: ReadonlySet<string> = new Set(['show', 'find']);

/** Naming verbs that also form reduced relatives ("a group called X"): they need a named or pronoun subject. */
export const NAMING_CUES: ReadonlySet<string> = new Set(['call', 'describe', 'question', 'express', 'cite', 'publish', 'post', 'quote']);

/** Cues that report speech only when they close the clause ("…,” she continued."), not "Bush continued to interject". */
export const CLAUSE_FINAL_CUES: ReadonlySet<string> = new Set(['continue']);

/** Particles that belong to the cue ("called for", "called on"): the cue span takes them in. */
export const CUE_PARTICLES: Readonly<Record<string, readonly string[]>> = { call: ['for', 'on'] };

/** Verbs whose object is the addressee, taken as the channel: "told The War Zone", "informed reporters". */
export const ADDRESSEE_VERBS: ReadonlySet<string> = new Set(['tell', 'inform']);

/** Multi-word cues that introduce the source after them (lowercased). */
export const SOURCE_AFTER_CUES: readonly { phrase: string; lemma: string }[] = [
  { phrase: 'according to', lemma: 'according to' },
  { phrase: 'citing', lemma: 'cite' },
  { phrase: 'as reported by', lemma: 'report' },
  { phrase: 'as cited by', lemma: 'cite' },
  // Noun-headed reports name their source only with a that-clause after it ("reports from the NIS that …").
  { phrase: 'reports from', lemma: 'report' },
  { phrase: 'reports by', lemma: 'report' },
  { phrase: 'claims by', lemma: 'claim' },
  { phrase: 'claims from', lemma: 'claim' },
  { phrase: 'in', lemma: 'in' },
];

/** Heads that make "in X" a source ("in a CNN poll released Monday, …"); any other "in" is no cue. */
export const SOURCE_IN_HEADS: ReadonlySet<string> = new Set(['poll', 'polls', 'polling', 'survey', 'surveys', 'census']);

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
export const NP_PREPOSITIONS: ReadonlySet<string> = new Set(['of', 'in', 'at', 'from', 'for', 'with', 'within', 'inside', 'close', 'to', 'familiar', 'by']);

/** Words before a base-form cue that make it no report ("to confirm", "couldn't confirm"). */
export const BASE_FORM_BLOCKERS: ReadonlySet<string> = new Set([
  'to', 'not', "n't", 'can', 'cannot', 'could', 'would', 'will', 'may', 'might', 'should', 'must', 'shall', 'did', 'does',
  'do', 'let', 'nt', 'never',
]);

/**
 * Verbs that carry a base-form cue after "to" as the subject's own report: "went on to say", "took to Twitter to
 * say", "proceeded to explain". The subject of the lead verb is the speaker.
 */
export const TO_CUE_LEADS: ReadonlySet<string> = new Set([
  'went', 'goes', 'go', 'going', 'proceeded', 'proceeds', 'took', 'takes', 'take', 'taking', 'used', 'uses', 'hastened',
  'rushed', 'moved', 'appeared', 'seemed', 'stopped', 'paused', 'returned',
]);

/** Time words that end a reduced relative before a cue ("a report published Wednesday said"), never speakers. */
export const TIME_WORDS: ReadonlySet<string> = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday', 'tonight',
  'earlier', 'later', 'online', 'week', 'month', 'year', 'morning', 'afternoon', 'evening', 'night',
]);

/** Heads that take a plural verb ("Seventy percent of voters say", "half say"): quantities and collectives. */
export const PLURAL_HEADS: ReadonlySet<string> = new Set([
  'percent', 'per cent', 'half', 'majority', 'majorities', 'minority', 'third', 'thirds', 'quarter', 'quarters', 'number',
  'people', 'police', 'media', 'staff', 'military', 'government', 'public', 'rest', 'most', 'many', 'few', 'both', 'all',
]);

/** Forms of "be" that make a participle passive ("was reported by"). */
export const BE_FORMS: ReadonlySet<string> = new Set(['is', 'was', 'were', 'are', 'be', 'been', 'being', "'s", 'am']);

/** Cues of belief or intention: never inverted ("…, thinks X" is rare and mostly misparsed). */
export const STATE_CUES: ReadonlySet<string> = new Set(['think', 'believe', 'hope', 'fear', 'worry', 'expect', 'know']);

/** Conjunctions that join a second verb to the same subject ("praised the plan and said"). */
export const COORDINATORS: ReadonlySet<string> = new Set(['and', 'but']);

/** Words that open a relative clause inside an appositive ("the company that runs the dam"). */
export const RELATIVE_PRONOUNS: ReadonlySet<string> = new Set(['who', 'which', 'that', 'whose', 'whom']);

/** Sentence-initial labels before a colon that are not sources ("Update:", "Photo:"). */
export const COLON_NON_SOURCES: ReadonlySet<string> = new Set([
  'update', 'updated', 'watch', 'video', 'videos', 'photo', 'photos', 'image', 'images', 'related', 'note', 'editor',
  'breaking', 'exclusive', 'live', 'read', 'more', 'credit', 'caption', 'contact', 'email', 'tags', 'share', 'follow',
  'subscribe', 'advertisement', 'correction', 'clarification', 'transcript', 'analysis', 'opinion', 'commentary', 'source',
  'sources', 'listen', 'see', 'also', 'recommended', 'sponsored', 'disclosure', 'warning', 'question', 'answer', 'q', 'a',
  'name', 'age', 'city', 'hometown', 'job', 'occupation', 'location', 'date', 'time', 'title', 'price', 'cost',
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday', 'timeline', 'background',
]);

/**
 * Role words a title or apposition implies, so a later role can name the person: "Foreign Minister X" or "X, the
 * Secretary of State" is "the top diplomat"; "the head of military intelligence" is "the intelligence chief".
 */
export const ROLE_EQUIVALENTS: readonly (readonly [RegExp, readonly string[]])[] = [
  [/\bforeign (?:minister|secretary)\b|\bsecretary of state\b|\bambassador\b|\benvoy\b/i, ['diplomat']],
  [/\b(?:head|director|leader|commander|chairman|chairwoman|chair)\b/i, ['chief']],
  [/\bintelligence\b/i, ['spy', 'spymaster']],
  [/\bprime minister\b|\bpremier\b/i, ['premier', 'prime', 'minister']],
  [/\battorney general\b|\bprosecutor\b/i, ['prosecutor']],
  [/\b(?:senator|congressman|congresswoman|representative|deputy|mp)\b/i, ['lawmaker', 'legislator']],
  [/\bgeneral\b|\bcommander\b/i, ['commander', 'general']],
];
