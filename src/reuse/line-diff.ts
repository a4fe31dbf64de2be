/**
 * How the sentences of one text stand against another text aligned with it: shared, edited, added
 * content, added page chrome, a credit line or a headline. Decides duplicate vs copy, containment
 * ("one text is the other plus chrome") and whether a copy was trimmed at the end or padded.
 */
import { CREDIT_LINE_CUE_IDS, JUNK_LINE_PATTERNS, PROVENANCE_CUES } from './lexicon.js';
import { perProfile, type ReuseProfile } from './profile.js';

/** A sentence is shared when at least this share of its tokens is matched verbatim. */
export const SENTENCE_SHARED_MIN_SHARE = 0.5;
/** A first line this short, without closing punctuation, is a headline, not body text. */
export const HEADLINE_MAX_TOKENS = 20;
/** A credit line ("Originally published by X. Republished with permission.") has at most this many tokens. */
export const CREDIT_LINE_MAX_TOKENS = 30;
/** A junk line longer than this is content, not page chrome. */
export const JUNK_LINE_MAX_CHARS = 400;

/** What a sentence of one text is relative to the other text. */
export type UnitRole = 'shared' | 'content' | 'junk' | 'credit' | 'headline';

/** One sentence with its role. */
export interface DiffUnit {
  start: number;
  end: number;
  tokens: number;
  role: UnitRole;
}

/** Sentence-level difference of one text against another. */
export interface LineDiff {
  units: DiffUnit[];
  /** Tokens of body sentences (credit lines and a headline excluded). */
  bodyTokens: number;
  /** Body tokens matched verbatim, in passages or in a sentence found word for word in the other text. */
  sharedTokens: number;
  /** Unmatched tokens inside shared sentences: edits to the shared text. */
  editedTokens: number;
  /** Content sentences absent from the other text, with where they lie relative to the shared ones. */
  extraContent: { unit: DiffUnit; position: 'head' | 'inner' | 'tail' }[];
  /** Page-chrome sentences (subscribe, share, visit counters) absent from the other text. */
  junkUnits: number;
}

/** Compares `p` with `other`, given the flags of `p`'s tokens matched verbatim against `other`. */
export function diffLines(p: ReuseProfile, other: ReuseProfile, covered: Uint8Array | undefined): LineDiff {
  const text = p.article.text;
  const flags = covered ? Uint8Array.from(covered) : new Uint8Array(p.tokens.length);
  const lineRole = lineRolesOf(p);
  const units: DiffUnit[] = [];
  let bodyTokens = 0;
  let sharedTokens = 0;
  let editedTokens = 0;
  let junkUnits = 0;
  for (const s of p.sentences) {
    const n = s.tokenEnd - s.tokenStart;
    if (n <= 0) continue;
    let hit = 0;
    for (let t = s.tokenStart; t < s.tokenEnd; t++) hit += flags[t];
    // A short sentence moved elsewhere (reordered paragraphs) falls below the passage minimum: look it up whole.
    if (hit < SENTENCE_SHARED_MIN_SHARE * n && finderOf(other).contains(p.tokenHashes, s.tokenStart, s.tokenEnd)) {
      flags.fill(1, s.tokenStart, s.tokenEnd);
      hit = n;
    }
    let role: UnitRole = hit >= SENTENCE_SHARED_MIN_SHARE * n ? 'shared' : 'content';
    const fixed = lineRole.get(lineStartOf(text, s.start));
    if (role === 'content' && fixed) role = fixed;
    units.push({ start: s.start, end: s.end, tokens: n, role });
    if (role === 'credit' || role === 'headline') continue;
    bodyTokens += n;
    sharedTokens += hit;
    if (role === 'shared') editedTokens += n - hit;
    if (role === 'junk') junkUnits++;
  }
  const sharedAt = units.map((u, i) => (u.role === 'shared' ? i : -1)).filter((i) => i >= 0);
  const first = sharedAt[0] ?? Infinity;
  const last = sharedAt[sharedAt.length - 1] ?? -Infinity;
  const extraContent = units
    .map((unit, i) => ({ unit, position: (i < first ? 'head' : i > last ? 'tail' : 'inner') as 'head' | 'inner' | 'tail' }))
    .filter((x) => x.unit.role === 'content');
  return { units, bodyTokens, sharedTokens, editedTokens, extraContent, junkUnits };
}

/** Share of the body matched verbatim (1 for an empty body). */
export function sharedShare(d: LineDiff): number {
  return d.bodyTokens ? d.sharedTokens / d.bodyTokens : 1;
}

/** Tokens of content the text has of its own: edits to the shared text plus added content sentences. */
export function ownContentTokens(d: LineDiff): number {
  return d.editedTokens + d.extraContent.reduce((n, x) => n + x.unit.tokens, 0);
}

// A profile is diffed against many others: its line roles and sequence finder are made once.
const lineRolesOf = perProfile(lineRoles);
const finderOf = perProfile((p) => new SequenceFinder(p.tokenHashes));

/** Roles fixed by the whole line: junk lines, credit lines and a leading headline, keyed by line start offset. */
function lineRoles(p: ReuseProfile): Map<number, UnitRole> {
  const out = new Map<number, UnitRole>();
  const text = p.article.text;
  let offset = 0;
  let seenBody = false;
  let t = 0;
  for (const line of text.split('\n')) {
    const start = offset;
    offset += line.length + 1;
    while (t < p.tokens.length && p.tokens[t].start < start) t++;
    let n = 0;
    while (t + n < p.tokens.length && p.tokens[t + n].start < start + line.length) n++;
    if (!n) continue;
    const trimmed = line.trim();
    if (trimmed.length <= JUNK_LINE_MAX_CHARS && JUNK_LINE_PATTERNS.some((re) => re.test(trimmed))) out.set(start, 'junk');
    else if (n <= CREDIT_LINE_MAX_TOKENS && PROVENANCE_CUES.some((c) => CREDIT_LINE_CUE_IDS.has(c.id) && c.pattern.test(trimmed))) out.set(start, 'credit');
    else if (!seenBody && n <= HEADLINE_MAX_TOKENS && !/[.!?:;"”»]$/.test(trimmed)) out.set(start, 'headline');
    seenBody = true;
  }
  return out;
}

function lineStartOf(text: string, at: number): number {
  return text.lastIndexOf('\n', at - 1) + 1;
}

/** Finds token-hash sequences inside one text. */
class SequenceFinder {
  private readonly positions = new Map<number, number[]>();

  constructor(private readonly hashes: Uint32Array) {
    hashes.forEach((h, i) => {
      const list = this.positions.get(h);
      if (list) list.push(i);
      else this.positions.set(h, [i]);
    });
  }

  contains(seq: Uint32Array, start: number, end: number): boolean {
    for (const at of this.positions.get(seq[start]) ?? []) {
      let k = 0;
      while (start + k < end && at + k < this.hashes.length && this.hashes[at + k] === seq[start + k]) k++;
      if (start + k === end) return true;
    }
    return false;
  }
}
