/**
 * Corpus-wide reuse detection: candidate retrieval, pairwise comparison and direction, giving
 * directed links with passages in both texts.
 */
import type { Article } from '../core/article.js';
import { findCandidatePairs } from './candidates.js';
import { compareProfiles } from './compare.js';
import { decideDirection } from './direction.js';
import { profileArticle, type ReuseProfile } from './profile.js';
import { SENTENCE_MATCH_JACCARD } from './sentence-align.js';
import type { ReuseLink, ReusePassage } from './types.js';

/** Options of reuse detection. */
export interface DetectReuseOptions {
  /** Sentence Jaccard at which paraphrased sentences align. */
  sentenceThreshold?: number;
}

/** Links found in a set of articles, with the profiles built on the way (reused for additions). */
export interface ReuseDetection {
  links: ReuseLink[];
  profiles: ReuseProfile[];
  /** Candidate pairs aligned (for diagnostics and benchmarks). */
  candidatePairs: number;
}

/** Finds reuse links among articles: `from` derived, `to` origin. */
export function detectReuse(articles: readonly Article[], options: DetectReuseOptions = {}): ReuseDetection {
  const profiles = articles.map(profileArticle);
  return detectReuseInProfiles(profiles, options);
}

/** As `detectReuse`, over already profiled articles. */
export function detectReuseInProfiles(profiles: ReuseProfile[], options: DetectReuseOptions = {}): ReuseDetection {
  const pairs = findCandidatePairs(profiles);
  const links: ReuseLink[] = [];
  for (const pair of pairs) {
    const link = linkPair(profiles[pair.a], profiles[pair.b], options.sentenceThreshold);
    if (link) links.push(link);
  }
  links.sort((x, y) => x.from.localeCompare(y.from) || x.to.localeCompare(y.to));
  return { links, profiles, candidatePairs: pairs.length };
}

/** Compares one pair and returns its directed link, or null when independent. */
export function linkPair(a: ReuseProfile, b: ReuseProfile, sentenceThreshold = SENTENCE_MATCH_JACCARD): ReuseLink | null {
  if (a.id === b.id) return null;
  const finding = compareProfiles(a, b, sentenceThreshold);
  if (!finding) return null;
  const decision = decideDirection(a, b, finding);
  const passages: ReusePassage[] = [];
  for (const p of finding.alignment.passages) {
    const [fromRange, toRange] = decision.swapped ? [p.b, p.a] : [p.a, p.b];
    passages.push({ from: { start: fromRange[0], end: fromRange[1] }, to: { start: toRange[0], end: toRange[1] } });
  }
  if (!passages.length) {
    // Paraphrase and translation: the aligned sentences are the shared passages.
    for (const sp of finding.sentencePairs) {
      const sa = a.sentences[sp.a];
      const sb = b.sentences[sp.b];
      const [f, t] = decision.swapped ? [sb, sa] : [sa, sb];
      passages.push({ from: { start: f.start, end: f.end }, to: { start: t.start, end: t.end } });
    }
  }
  return {
    from: decision.derived.id,
    to: decision.origin.id,
    kind: finding.kind,
    score: finding.score,
    direction: decision.direction,
    passages,
    evidence: [...decision.evidence, ...finding.evidence],
  };
}
