/**
 * Word lists for sentence segmentation, kept as data in one module (trafilatura `xpaths.py` style).
 * All entries are lowercase and written without their final period.
 */

/** Titles and name prefixes: a period after these never ends a sentence ("Lt. Gen. Budanov"). */
export const TITLE_ABBREVIATIONS: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'messrs', 'mme', 'mlle', 'dr', 'prof', 'rev', 'hon', 'fr', 'sr', 'sra', 'srta',
  'gen', 'lt', 'col', 'maj', 'capt', 'cpt', 'cmdr', 'cdr', 'adm', 'brig', 'sgt', 'cpl', 'pvt', 'pfc', 'spc',
  'lieut', 'comdr', 'ens', 'gov', 'sen', 'rep', 'reps', 'sens', 'pres', 'supt', 'insp', 'det', 'atty', 'amb',
  'sec', 'secy', 'gens', 'st', 'mt', 'ft', 'vs', 'v', 'e.g', 'i.e', 'cf', 'approx', 'ca', 'viz',
]);

/** Numbering abbreviations: a period after these never ends a sentence when a number follows ("No. 5"). */
export const NUMBERING_ABBREVIATIONS: ReadonlySet<string> = new Set([
  'no', 'nos', 'vol', 'vols', 'art', 'arts', 'fig', 'figs', 'ch', 'pt', 'pp', 'p', 'op', 'para', 'sec', 'tel',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);

/**
 * Abbreviations that may also end a sentence ("in the U.S.", "at 3 p.m.", "Apple Inc.", "Nov.").
 * A period after these ends a sentence only when a sentence-opening word or quote follows.
 */
export const AMBIGUOUS_ABBREVIATIONS: ReadonlySet<string> = new Set([
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'tue', 'tues', 'thu', 'thur', 'thurs', 'fri',
  'jr', 'inc', 'corp', 'co', 'ltd', 'llc', 'plc', 'bros', 'assn', 'dept', 'univ', 'govt', 'al',
  'ave', 'blvd', 'rd', 'hwy', 'sq', 'etc', 'km', 'oz', 'lb', 'lbs',
  'a.m', 'p.m', 'u.s', 'u.k', 'u.n', 'e.u', 'u.s.a', 'd.c', 'n.y', 'l.a',
  'ariz', 'calif', 'colo', 'conn', 'fla', 'mich', 'minn', 'okla', 'tenn', 'tex',
]);

/**
 * Words that commonly open a sentence; after an ambiguous abbreviation they signal a boundary
 * ("… in the U.S. The move …") while a name keeps the sentence whole ("U.S. President …").
 */
export const SENTENCE_STARTERS: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'this', 'that', 'these', 'those', 'it', 'its', 'he', 'she', 'they', 'we', 'i', 'you',
  'his', 'her', 'their', 'our', 'my', 'your', 'there', 'here', 'but', 'and', 'or', 'so', 'yet', 'nor',
  'however', 'meanwhile', 'moreover', 'still', 'also', 'then', 'now', 'thus', 'instead', 'indeed',
  'in', 'on', 'at', 'for', 'from', 'with', 'by', 'as', 'after', 'before', 'when', 'while', 'if', 'although',
  'though', 'since', 'because', 'during', 'despite', 'under', 'over', 'according', 'some', 'many', 'most',
  'all', 'both', 'each', 'other', 'others', 'several', 'no', 'not', 'one', 'two', 'three', 'earlier',
  'later', 'last', 'next', 'what', 'who', 'why', 'how', 'where', 'which', 'such', 'more', 'only', 'even',
  'asked', 'read', 'see', 'photo', 'video',
]);

/** Closing punctuation that stays with the sentence it closes. */
export const CLOSERS = '"\'”’»)]}';

/** Opening punctuation that may start a sentence. */
export const OPENERS = '"\'“‘«([{';
