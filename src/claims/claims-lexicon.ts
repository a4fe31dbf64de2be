/**
 * Word lists for claim assembly: event verbs, commentary (opinion) markers, negation and the
 * fallback hedge cues used when the modality layer is absent. Data only; claims.ts holds the logic.
 */

/** Inflected forms of verbs that report an event (something happened at a time or place). */
export const EVENT_VERB_FORMS: readonly string[] = [
  'arrive', 'arrives', 'arrived', 'arriving', 'deploy', 'deploys', 'deployed', 'deploying', 'kill', 'kills', 'killed',
  'strike', 'strikes', 'struck', 'send', 'sends', 'sent', 'sending', 'detect', 'detects', 'detected', 'release', 'releases',
  'released', 'launch', 'launches', 'launched', 'attack', 'attacks', 'attacked', 'shoot', 'shot', 'downed', 'capture',
  'captured', 'seize', 'seized', 'destroy', 'destroyed', 'sign', 'signs', 'signed', 'meet', 'met', 'visit', 'visited',
  'fire', 'fired', 'sink', 'sank', 'sunk', 'invade', 'invaded', 'withdraw', 'withdrew', 'enter', 'entered', 'transport',
  'transported', 'transporting', 'cross', 'crossed', 'hit', 'bomb', 'bombed', 'shell', 'shelled', 'arrest', 'arrested',
  'die', 'died', 'wound', 'wounded', 'injure', 'injured', 'evacuate', 'evacuated', 'land', 'landed', 'fly', 'flew', 'flown',
  'transfer', 'transferred', 'deliver', 'delivered', 'supply', 'supplied', 'occupy', 'occupied', 'liberate', 'liberated',
  'retake', 'retook', 'recapture', 'recaptured', 'train', 'trained', 'training', 'embed', 'embedded', 'move', 'moved',
  'dispatch', 'dispatched', 'station', 'stationed', 'found', 'discover', 'discovered', 'film', 'filmed', 'post', 'posted',
  'hold', 'held', 'begin', 'began', 'start', 'started', 'end', 'ended', 'approve', 'approved', 'vote', 'voted', 'elect',
  'elected', 'resign', 'resigned', 'fight', 'fought', 'fighting', 'explode', 'exploded', 'crash', 'crashed', 'collapse',
  'collapsed', 'impose', 'imposed', 'ban', 'banned', 'expel', 'expelled', 'test', 'tested', 'execute', 'executed',
];

/** Commentary markers: a sentence with one is marked `opinion` (kept, never dropped). */
export const OPINION_PATTERNS: readonly RegExp[] = [
  /\b(?:analysts|experts|observers|critics|commentators)\s+(?:\w+\s+)?(?:believe|think|argue|suggest|fear|expect|warn)\b/i,
  /\b(?:this|which|it|the move|the development)\s+(?:\w+\s+)?(?:underscores|highlights|signals|shows|demonstrates|illustrates|reflects|suggests|marks|represents)\b/i,
  /\b(?:raises?|raising|raised)\s+(?:serious\s+|new\s+|fresh\s+)?(?:concerns|questions|fears|alarm)\b/i,
  /\bit\s+remains\s+to\s+be\s+seen\b/i,
  /\b(?:signals?|signalling|signaling|marks|marking|represents)\s+(?:an?|the)\s+(?:new|major|significant|dramatic|dangerous|shift|turning)\b/i,
  /\b(?:is|are|was|would be|could be)\s+(?:likely|unlikely)\s+to\b/i,
  /\b(?:significant|unprecedented|impressive|formidable|alarming|dangerous|destabili[sz]ing|shocking|remarkable|stunning|dramatic|crucial|dire|desperate(?:ly)?|pariah|backward|reeling|bold|brazen|reckless)\b/i,
  /\b(?:clearly|undoubtedly|obviously|arguably|surely|notably|ironically|worryingly|alarmingly)\b/i,
];

/** Plain negation in a claim; "not only" and "whether or not" are excluded by NEGATION_EXCEPTIONS. */
export const NEGATION_PATTERN = /\b(?:not|cannot|never|no longer|neither|nor|none)\b|n[’']t\b/i;

/** Phrases with "not" that do not negate the claim. */
export const NEGATION_EXCEPTIONS = /\bnot\s+only\b|\bwhether\s+or\s+not\b|\bnot\s+least\b|\bif\s+not\b/gi;

/** Hedge cues used only when no modality layer is present. */
export const FALLBACK_HEDGES: readonly string[] = [
  'allegedly', 'reportedly', 'purportedly', 'apparently', 'presumably', 'likely', 'possibly', 'probably', 'unconfirmed',
  'unverified', 'believed to', 'thought to', 'appears to', 'appear to', 'appeared to', 'is said to', 'are said to', 'may',
  'might', 'could',
];

/** Caption and credit lines that are not claims ("Photo credits: Reuters"). */
export const NON_CLAIM_LINE = /^(?:photo|image|video|picture|source|credits?|read more|related|advertisement|watch|listen)(?:\s+credits?)?\s*[:|]/i;

/** A dateline opening a sentence ("KYIV, Ukraine (AP) —", "SEOUL, Oct. 18 (Reuters) -"). */
export const DATELINE = /^\s*[A-Z][A-Z .'’-]{2,}(?:,\s*[A-Za-z. ]+)?(?:\s*\([^)]{1,30}\))?\s*[—–-]{1,2}\s*/;
