/**
 * Modality cues: hedges, unverified markers, non-confirmation and denial, kept as data in one module.
 *
 * Decisions on ambiguous words:
 * - "may" is a hedge only in lowercase, or capitalised at a sentence start before a lowercase word;
 *   "The May 5 summit" (month) is not.
 * - "could" is a weak hedge, except before perception passives ("could be seen/heard"), which report
 *   what was observed, and "could not/couldn't", which belong to non-confirmation when "confirm" follows.
 * - "reported" alone ("Reported by CNN", "LIGA reported") is attribution, not a hedge; only
 *   "reportedly" and "is/are/was/were reported to" are hedges.
 * - "denied" before "entry/access/bail/a visa/permission" is a refusal, not a denial of a claim.
 *
 * Each entry: [pattern source (case-insensitive, word-bounded by the matcher), scope mode].
 * Scope mode `after`: the cue governs the rest of its clause ("couldn't confirm Y");
 * `clause`: the cue sits inside the clause it governs ("allegedly", "unverified").
 */
import type { ModalityKind } from '../types.js';

export type ScopeMode = 'after' | 'clause';

export interface ModalityCue {
  kind: ModalityKind;
  /** Regular-expression source, matched case-insensitively at word boundaries. */
  pattern: string;
  scope: ScopeMode;
  /** Canonical cue name reported in `ModalityMention.cue`; defaults to the matched text lowercased. */
  cue?: string;
}

const AUX = "(?:has|have|had|is|are|was|were|be|been)";

export const MODALITY_CUES: readonly ModalityCue[] = [
  // unverified
  { kind: 'unverified', pattern: 'unverified', scope: 'clause' },
  { kind: 'unverified', pattern: 'unconfirmed', scope: 'clause' },
  { kind: 'unverified', pattern: `(?:could|can|cannot|can't|can’t|could not|couldn't|couldn’t) (?:not )?be (?:independently )?(?:verified|confirmed)`, scope: 'clause', cue: 'could not be independently verified' },
  { kind: 'unverified', pattern: `${AUX} yet to be (?:independently )?(?:verified|confirmed)`, scope: 'clause', cue: 'has yet to be independently verified' },
  { kind: 'unverified', pattern: `(?:${AUX} )?not (?:been )?independently (?:verified|confirmed)`, scope: 'clause', cue: 'not independently verified' },
  { kind: 'unverified', pattern: `(?:did not|didn't|didn’t|does not|doesn't|doesn’t|failed to) (?:provide|offer|present|give|show) (?:any )?(?:[\\w-]+ ){0,3}?(?:evidence|proof)`, scope: 'clause', cue: 'did not provide evidence' },
  { kind: 'unverified', pattern: '(?:provided|offered|gave|presented) no (?:[\\w-]+ ){0,2}?(?:evidence|proof)', scope: 'clause', cue: 'provided no evidence' },
  { kind: 'unverified', pattern: 'without (?:providing |offering |giving |presenting )?(?:any )?(?:evidence|proof)', scope: 'clause', cue: 'without evidence' },
  { kind: 'unverified', pattern: `(?:not yet|not) confirmed with (?:[\\w-]+ )?evidence`, scope: 'clause', cue: 'not confirmed with evidence' },
  { kind: 'unverified', pattern: 'if confirmed', scope: 'after' },
  { kind: 'unverified', pattern: 'no independent (?:confirmation|verification)', scope: 'clause' },
  { kind: 'unverified', pattern: `no official (?:[\\w-]+ )?(?:figures?|data|numbers?|statistics|estimates?|toll|count|confirmation) (?:${AUX} )?(?:yet )?(?:been )?(?:released|published|given|provided|issued|made public|available)`, scope: 'clause', cue: 'no official figures' },
  // non-confirmation
  { kind: 'non-confirmation', pattern: `(?:cannot|can't|can’t|could not|couldn't|couldn’t|can not|unable to|would not|wouldn't|wouldn’t|did not|didn't|didn’t|does not|doesn't|doesn’t|do not|don't|don’t) (?:independently |immediately |yet )?confirm`, scope: 'after', cue: 'cannot confirm' },
  { kind: 'non-confirmation', pattern: `(?:declined|refused|failed) to (?:immediately )?confirm`, scope: 'after', cue: 'declined to confirm' },
  { kind: 'non-confirmation', pattern: `(?:has|have|had) not (?:yet )?(?:been )?confirmed`, scope: 'clause', cue: 'has not confirmed' },
  { kind: 'non-confirmation', pattern: `(?:has|have|had)n['’]t (?:yet )?(?:been )?confirmed`, scope: 'clause', cue: 'has not confirmed' },
  { kind: 'non-confirmation', pattern: `(?:was|were|is|are) not (?:yet |immediately |officially )?confirmed`, scope: 'clause', cue: 'was not confirmed' },
  { kind: 'non-confirmation', pattern: `(?:was|were|is|are)n['’]t (?:yet |immediately )?confirmed`, scope: 'clause', cue: 'was not confirmed' },
  { kind: 'non-confirmation', pattern: `(?:has|have|had) yet to confirm`, scope: 'after', cue: 'has not confirmed' },
  { kind: 'non-confirmation', pattern: 'neither confirm(?:ed)? nor den(?:y|ied)', scope: 'after', cue: 'neither confirm nor deny' },
  // Press formulas for a party that gives no answer; "did not respond to the attack" is not one, so the object must be a request.
  { kind: 'non-confirmation', pattern: '(?:declined|refused|declining|refusing) (?:to )?(?:immediately )?comment|(?:gave|offered) no (?:immediate )?comment|could not be reached for comment', scope: 'after', cue: 'declined to comment' },
  { kind: 'non-confirmation', pattern: `(?:did not|didn't|didn’t|has not|have not|had not|hasn't|hasn’t|haven't|haven’t|failed to|would not) (?:immediately )?(?:respond|reply|answer|return)(?: to)? (?:[\\w’'-]+ ){0,3}?(?:requests?|questions|queries|inquiries|calls|messages|emails)(?: (?:seeking|for) (?:comment|clarification))?`, scope: 'after', cue: 'did not respond to requests for comment' },
  // denial
  { kind: 'denial', pattern: 'den(?:ied|ies|y|ying)(?! (?:entry|access|bail|a visa|visas|permission|the right|them entry|him entry|her entry))', scope: 'after', cue: 'denied' },
  { kind: 'denial', pattern: 'denials?', scope: 'clause', cue: 'denial' },
  { kind: 'denial', pattern: '(?:rejected|rejects|reject|dismissed|dismisses|dismiss) (?:the |these |those |such |their |his |her |its |all )?(?:[\\w-]+ )?(?:claims?|allegations?|accusations?|reports?|charges?)', scope: 'after', cue: 'rejected the claim' },
  { kind: 'denial', pattern: 'dismissed (?:[\\w-]+ ){0,4}?as', scope: 'after', cue: 'dismissed as' },
  { kind: 'denial', pattern: 'refut(?:ed|es|e|ing)', scope: 'after', cue: 'refuted' },
  { kind: 'denial', pattern: 'no evidence (?:that|of)', scope: 'after', cue: 'no evidence that' },
  { kind: 'denial', pattern: '(?:called|described) (?:the |these |those )?(?:[\\w-]+ )?(?:claims?|reports?|allegations?) (?:as )?(?:false|baseless|groundless|fabricated|untrue|fake)', scope: 'after', cue: 'called false' },
  // hedges
  { kind: 'hedge', pattern: 'allegedly', scope: 'clause' },
  { kind: 'hedge', pattern: 'alleged', scope: 'clause' },
  { kind: 'hedge', pattern: 'alleg(?:es|ing|e)', scope: 'after', cue: 'allege' },
  { kind: 'hedge', pattern: 'reportedly', scope: 'clause' },
  { kind: 'hedge', pattern: '(?:is|are|was|were|been) (?:widely )?reported to', scope: 'clause', cue: 'reported to' },
  { kind: 'hedge', pattern: '(?:is|are|was|were|been) (?:widely )?said to', scope: 'clause', cue: 'said to' },
  { kind: 'hedge', pattern: 'purportedly', scope: 'clause' },
  { kind: 'hedge', pattern: 'supposedly', scope: 'clause' },
  { kind: 'hedge', pattern: 'apparently', scope: 'clause' },
  { kind: 'hedge', pattern: 'possibly', scope: 'clause' },
  { kind: 'hedge', pattern: 'potentially', scope: 'clause' },
  { kind: 'hedge', pattern: 'probably', scope: 'clause' },
  { kind: 'hedge', pattern: 'presumably', scope: 'clause' },
  { kind: 'hedge', pattern: 'perhaps', scope: 'clause' },
  { kind: 'hedge', pattern: '(?:un)?likely', scope: 'clause', cue: 'likely' },
  { kind: 'hedge', pattern: '(?:is|are|was|were|be|been) (?:widely )?(?:believed|thought|understood|suspected|estimated) to', scope: 'clause', cue: 'believed to' },
  { kind: 'hedge', pattern: '(?:is|are|was|were|be|been) expected to', scope: 'clause', cue: 'expected to' },
  { kind: 'hedge', pattern: '(?:appears?|appeared|appearing|seems?|seemed|seeming) to', scope: 'clause', cue: 'appears to' },
  { kind: 'hedge', pattern: 'sugg?est(?:s|ed|ing)?', scope: 'after', cue: 'suggest' },
  // The noun "claims" ("denied these claims") is left out: it names the content, not a hedge on it.
  { kind: 'hedge', pattern: 'claim(?:ed|ing)|claims? that', scope: 'after', cue: 'claimed' },
  { kind: 'hedge', pattern: 'might', scope: 'clause' },
  { kind: 'hedge', pattern: 'may', scope: 'clause' },
  { kind: 'hedge', pattern: 'could(?! (?:not|be seen|be heard|be observed|be watched|see|hear))', scope: 'clause', cue: 'could' },
  { kind: 'hedge', pattern: 'it is (?:possible|unclear|not clear) (?:that|whether|how)', scope: 'after', cue: 'it is unclear' },
];

/** Kinds in the order that wins when two cues overlap at the same length (the more specific first). */
export const KIND_PRIORITY: readonly ModalityKind[] = ['unverified', 'non-confirmation', 'denial', 'hedge', 'opinion'];

/** Words that end a clause for scope purposes besides punctuation. */
export const CLAUSE_BREAKS = /[;:]|,\s+(?:but|while|whereas|although|though|however)\b|\s[—–]\s/g;
