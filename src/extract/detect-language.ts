import { SCRIPT_LANGS, STOPWORDS } from './lang-lexicon.js';

/** Letters sampled from the text; enough to decide, bounded so large pages stay cheap. */
export const LANG_SAMPLE_CHARS = 20_000;
/** Minimum share of stopword hits for the winner, else `und`. */
export const LANG_MIN_STOPWORD_SHARE = 0.08;
/** The winner must beat the runner-up by this factor, else `und`. */
export const LANG_MIN_MARGIN_RATIO = 1.3;
/** Fewer word tokens than this and we do not guess. */
export const LANG_MIN_WORDS = 8;

const SCRIPTS = ['Latin', 'Cyrillic', ...Object.keys(SCRIPT_LANGS)] as const;
const SCRIPT_RES = Object.fromEntries(SCRIPTS.map((s) => [s, new RegExp(`\\p{Script=${s}}`, 'gu')]));
const STOP_SETS = Object.fromEntries(Object.entries(STOPWORDS).map(([k, v]) => [k, new Set(v)]));
const CYRILLIC_LANGS = new Set(['ru', 'uk']);

function dominantScript(sample: string): string | undefined {
  const counts = new Map<string, number>();
  for (const s of SCRIPTS) {
    const c = sample.match(SCRIPT_RES[s])?.length ?? 0;
    if (c) counts.set(s, c);
  }
  let best: string | undefined;
  let bestCount = 0;
  for (const [s, c] of counts) if (c > bestCount) [best, bestCount] = [s, c];
  // Japanese text mixes Han with kana: any kana share means Japanese.
  if (best === 'Han' && ((counts.get('Hiragana') ?? 0) + (counts.get('Katakana') ?? 0)) > bestCount * 0.05) return 'Hiragana';
  return best;
}

/** True when `detectLanguage` can recognise this language, so a declared tag of it can be checked against the text. */
export function canCheckLanguage(lang: string): boolean {
  return lang in STOPWORDS || Object.values(SCRIPT_LANGS).includes(lang);
}

/**
 * Guesses a BCP 47 language subtag from text: the script first, then a stopword vote
 * among Latin or Cyrillic languages; `und` when unsure.
 */
export function detectLanguage(text: string): string {
  const sample = text.slice(0, LANG_SAMPLE_CHARS);
  const script = dominantScript(sample);
  if (!script) return 'und';
  if (SCRIPT_LANGS[script]) return SCRIPT_LANGS[script];
  const words = sample.toLowerCase().match(/\p{L}+/gu) ?? [];
  if (words.length < LANG_MIN_WORDS) return 'und';
  const candidates = Object.keys(STOPWORDS).filter((l) => (script === 'Cyrillic') === CYRILLIC_LANGS.has(l));
  const scores = candidates.map((lang) => {
    const set = STOP_SETS[lang];
    let hits = 0;
    for (const w of words) if (set.has(w)) hits++;
    return { lang, share: hits / words.length };
  });
  scores.sort((a, b) => b.share - a.share);
  const [first, second] = scores;
  if (!first || first.share < LANG_MIN_STOPWORD_SHARE) return 'und';
  if (second && second.share * LANG_MIN_MARGIN_RATIO > first.share) return 'und';
  return first.lang;
}
