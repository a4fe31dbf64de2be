/**
 * Origin vs derivative for a linked pair, in order of strength: publication times, explicit
 * provenance cues naming the other outlet, added junk, then containment asymmetry (a copy padded with sentences of
 * its own, or trimmed at the end). Otherwise unknown.
 */
import { JUNK_LINE_PATTERNS, PROVENANCE_CUES } from './lexicon.js';
import { PARAPHRASE_PASSAGE_JACCARD, type PairFinding } from './compare.js';
import type { LineDiff } from './line-diff.js';
import { alignSentences } from './sentence-align.js';
import type { ReuseProfile } from './profile.js';
import type { ReuseDirection, ReuseEvidence } from './types.js';

/** The subset side must be covered at least this much for containment to speak. */
export const CONTAINMENT_MIN_COVERAGE = 0.7;
/** …and this many times more than the superset side. */
export const CONTAINMENT_MIN_RATIO = 1.25;
/** A junk line this many characters or shorter counts as page chrome. */
const JUNK_LINE_MAX_CHARS = 400;

/** A directed decision: `derived` reuses `origin`. */
export interface DirectionDecision {
  derived: ReuseProfile;
  origin: ReuseProfile;
  direction: ReuseDirection;
  evidence: ReuseEvidence[];
  /** True when `derived` was swapped relative to the (a, b) order of the finding. */
  swapped: boolean;
}

/** Decides which of two linked articles is the origin. */
export function decideDirection(a: ReuseProfile, b: ReuseProfile, finding: PairFinding): DirectionDecision {
  const make = (derivedIsA: boolean, direction: ReuseDirection, evidence: ReuseEvidence[]): DirectionDecision => ({
    derived: derivedIsA ? a : b,
    origin: derivedIsA ? b : a,
    direction,
    evidence,
    swapped: !derivedIsA,
  });
  const longerIsA = a.tokens.length >= b.tokens.length;
  const ta = Date.parse(a.article.meta.publishedAt ?? '');
  const tb = Date.parse(b.article.meta.publishedAt ?? '');
  if (finding.kind === 'shared-source') {
    // Not a derivation: list the later (or undated) article first, for a stable display order only.
    const laterIsA = Number.isFinite(ta) !== Number.isFinite(tb) ? !Number.isFinite(ta) : Number.isFinite(ta) && ta !== tb ? ta > tb : longerIsA;
    return make(laterIsA, 'unknown', []);
  }

  // 1. Publication times.
  if (Number.isFinite(ta) && Number.isFinite(tb) && ta !== tb) {
    const derivedIsA = ta > tb;
    const origin = derivedIsA ? b : a;
    return make(derivedIsA, 'known', [{ type: 'published-earlier', detail: `${origin.id} published ${origin.article.meta.publishedAt}` }]);
  }

  // 2. Explicit cues naming the other outlet, then generic "original source" cues on one side only.
  const cueA = cuesNaming(a, b);
  const cueB = cuesNaming(b, a);
  if (cueA.length !== cueB.length && (cueA.length === 0 || cueB.length === 0)) {
    const derivedIsA = cueA.length > 0;
    return make(derivedIsA, 'known', [{ type: 'cue', detail: (derivedIsA ? cueA : cueB).join('; ') }]);
  }
  const genericA = genericCues(a);
  const genericB = genericCues(b);
  if ((genericA.length > 0) !== (genericB.length > 0)) {
    const derivedIsA = genericA.length > 0;
    return make(derivedIsA, 'inferred', [{ type: 'cue', detail: (derivedIsA ? genericA : genericB).join('; ') }]);
  }

  // 3. Reposting junk added around the shared text.
  const junkA = junkOutsidePassages(a, finding, 'a');
  const junkB = junkOutsidePassages(b, finding, 'b');
  // Only for whole-text copies: beside a quoted passage, chrome on one page says nothing about who quoted whom.
  if ((junkA > 0) !== (junkB > 0) && (finding.kind === 'copy' || finding.kind === 'duplicate')) {
    const derivedIsA = junkA > 0;
    return make(derivedIsA, 'inferred', [{ type: 'junk-added', detail: `${derivedIsA ? junkA : junkB} junk line(s) around the shared text` }]);
  }

  // 4. Containment of verbatim copies: one side has sentences the other lacks, the other nothing but edits.
  if (finding.kind === 'copy' && finding.diffA && finding.diffB) {
    const [ownA, ownB] = unpairedExtras(a, b, finding.diffA, finding.diffB);
    if ((ownA.length > 0) !== (ownB.length > 0)) {
      const largerIsA = ownA.length > 0;
      const extras = largerIsA ? ownA : ownB;
      // Copies are trimmed from the end (the inverted pyramid); sentences added at the head or inside are padding.
      const trimmed = extras.every((x) => x.position === 'tail');
      const derivedIsA = trimmed ? !largerIsA : largerIsA;
      const detail = trimmed
        ? `the derivative is the origin with its last ${extras.length} sentence(s) cut`
        : `the derivative is the origin plus ${extras.length} sentence(s) of its own`;
      return make(derivedIsA, 'inferred', [{ type: 'containment', detail }]);
    }
    return make(longerIsA, 'unknown', []);
  }

  // 5. Paraphrase: the derivative holds the origin's sentences plus additions.
  const [shareA, shareB] = sharedShares(a, b, finding);
  const subset = Math.max(shareA, shareB);
  const superset = Math.min(shareA, shareB);
  if (subset >= (finding.kind === 'rewrite' || finding.kind === 'translation' ? 0.2 : CONTAINMENT_MIN_COVERAGE) && subset >= CONTAINMENT_MIN_RATIO * superset && shareA !== shareB) {
    const derivedIsA = shareA < shareB;
    return make(derivedIsA, 'inferred', [
      { type: 'containment', detail: `shared part is ${pctOf(subset)} of the origin but ${pctOf(superset)} of the derivative` },
    ]);
  }
  return make(longerIsA, 'unknown', []);
}

/** Each side's own sentences, less those that are a reworded version of an own sentence of the other side (an edit, not an addition). */
function unpairedExtras(a: ReuseProfile, b: ReuseProfile, da: LineDiff, db: LineDiff): [LineDiff['extraContent'], LineDiff['extraContent']] {
  const sentencesOf = (p: ReuseProfile, d: LineDiff) => d.extraContent.map((x) => p.sentences.find((s) => s.start === x.unit.start)!);
  const sa = sentencesOf(a, da);
  const sb = sentencesOf(b, db);
  if (!sa.length || !sb.length || sa.some((s) => !s) || sb.some((s) => !s)) return [da.extraContent, db.extraContent];
  const pairs = alignSentences(sa, sb, PARAPHRASE_PASSAGE_JACCARD);
  const usedA = new Set(pairs.map((x) => x.a));
  const usedB = new Set(pairs.map((x) => x.b));
  return [da.extraContent.filter((_, i) => !usedA.has(i)), db.extraContent.filter((_, i) => !usedB.has(i))];
}

/** Share of each side that the other holds: verbatim coverage, or aligned sentences for paraphrase. */
function sharedShares(a: ReuseProfile, b: ReuseProfile, f: PairFinding): [number, number] {
  if (f.kind === 'rewrite' || f.kind === 'translation') {
    const n = f.sentencePairs.length;
    return [n / Math.max(1, contentSentences(a)), n / Math.max(1, contentSentences(b))];
  }
  return [f.alignment.coverageA, f.alignment.coverageB];
}

function contentSentences(p: ReuseProfile): number {
  return p.sentences.filter((s) => s.terms.length >= 3).length;
}

/** Cues in `p` that name `other`'s outlet or title. */
function cuesNaming(p: ReuseProfile, other: ReuseProfile): string[] {
  const names = outletNames(other);
  if (!names.length) return [];
  const out: string[] = [];
  for (const cue of PROVENANCE_CUES) {
    if (!cue.named) continue;
    const re = new RegExp(cue.pattern.source, cue.pattern.flags.includes('g') ? cue.pattern.flags : cue.pattern.flags + 'g');
    for (const m of provenanceText(p).matchAll(re)) {
      const named = (m[1] ?? '').toLowerCase().replace(/^the /, '');
      if (named.length >= 3 && names.some((n) => n === named || n.includes(named) || named.includes(n))) out.push(`${cue.id}: ${m[0].trim()}`);
    }
  }
  return out;
}

function outletNames(p: ReuseProfile): string[] {
  const out: string[] = [];
  const site = p.article.meta.site?.toLowerCase().replace(/^the /, '');
  if (site && site.length >= 3) out.push(site);
  const url = p.article.source.url ?? p.article.meta.canonicalUrl;
  const host = url?.match(/^\w+:\/\/(?:www\.)?([^/:]+)/)?.[1]?.toLowerCase();
  if (host) out.push(host.split('.')[0]);
  return out;
}

function genericCues(p: ReuseProfile): string[] {
  const out: string[] = [];
  for (const cue of PROVENANCE_CUES) if (!cue.named && cue.pattern.test(provenanceText(p))) out.push(cue.id);
  return out;
}

/** Dropped-piece reasons that keep a provenance statement ("Originally published by X") out of the text. */
const PROVENANCE_DROP_REASONS: ReadonlySet<string> = new Set(['boilerplate:source-link']);

/** The text cues are read from: the article's text plus credit lines extraction dropped from it. */
function provenanceText(p: ReuseProfile): string {
  const credits = (p.article.data.dropped ?? []).filter((d) => PROVENANCE_DROP_REASONS.has(d.reason)).map((d) => d.text);
  return credits.length ? `${p.article.text}\n\n${credits.join('\n\n')}` : p.article.text;
}

/** Junk lines of `p` lying outside the shared passages. */
function junkOutsidePassages(p: ReuseProfile, f: PairFinding, side: 'a' | 'b'): number {
  const text = p.article.text;
  let n = 0;
  let offset = 0;
  for (const line of text.split('\n')) {
    const start = offset;
    offset += line.length + 1;
    if (!line.trim() || line.length > JUNK_LINE_MAX_CHARS) continue;
    if (f.alignment.passages.some((x) => x[side][0] < start + line.length && start < x[side][1])) continue;
    if (JUNK_LINE_PATTERNS.some((re) => re.test(line))) n++;
  }
  return n;
}

function pctOf(x: number): string {
  return `${Math.round(x * 100)}%`;
}
