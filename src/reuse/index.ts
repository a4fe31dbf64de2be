/** Public API of text-reuse detection (issue #3): stage factory, pure functions and types. */
export { reuseLinksStage, runReuseLinks, ReuseLinksOptions } from './links-stage.js';
export { detectReuse, linkPair, type DetectReuseOptions, type ReuseDetection } from './links.js';
export { exportLinks } from './export-links.js';
export { renderDerivationGraph, type DerivationGraphOptions } from './graph.js';
export { groupOrigins } from './origins.js';
export { ReuseIndex, findCandidatePairs } from './candidates.js';
export { profileArticle, sentenceTerms, type ReuseProfile } from './profile.js';
export { DERIVED_KINDS, type Addition, type ReuseDirection, type ReuseEvidence, type ReuseKind, type ReuseLink, type ReusePassage } from './types.js';
