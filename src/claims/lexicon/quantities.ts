/**
 * Word lists for quantity extraction, kept as data in one module (trafilatura `xpaths.py` style).
 * Every list is lowercase; matching code lowercases the text it compares.
 */
import type { Approximation } from '../types.js';

/** Written-out units 0..19 and tens. "one" is only used inside compounds ("one million", "twenty-one"). */
export const UNIT_WORDS: Readonly<Record<string, number>> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16,
  seventeen: 17, eighteen: 18, nineteen: 19,
};

export const TENS_WORDS: Readonly<Record<string, number>> = {
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};

/** Scale words after a number ("1.2 million", "$3bn", "11 thousand"). */
export const MULTIPLIERS: Readonly<Record<string, number>> = {
  hundred: 100,
  thousand: 1e3, k: 1e3,
  million: 1e6, millions: 1e6, mn: 1e6, mln: 1e6, m: 1e6,
  billion: 1e9, billions: 1e9, bn: 1e9, b: 1e9,
  trillion: 1e12, tn: 1e12,
};

/** Single-letter scale suffixes are only trusted glued to money or digits ("$3m", "5k"), never as free words. */
export const GLUED_ONLY_MULTIPLIERS: ReadonlySet<string> = new Set(['k', 'm', 'b']);

/** Hedges written before a number, longest first when matched; value = the Approximation they imply. */
export const PRE_HEDGES: ReadonlyArray<readonly [string, Approximation]> = [
  ['close to', 'nearly'], ['nearly', 'nearly'], ['almost', 'nearly'], ['just under', 'nearly'], ['just shy of', 'nearly'],
  ['approximately', 'about'], ['about', 'about'], ['around', 'about'], ['roughly', 'about'], ['some', 'about'],
  ['an estimated', 'about'], ['estimated', 'about'], ['circa', 'about'], ['approx.', 'about'], ['an approximate', 'about'],
  ['up to', 'up-to'], ['as many as', 'up-to'], ['as much as', 'up-to'],
  ['at least', 'at-least'], ['more than', 'at-least'], ['over', 'at-least'], ['upwards of', 'at-least'],
  ['in excess of', 'at-least'], ['no fewer than', 'at-least'], ['no less than', 'at-least'], ['well over', 'at-least'],
  ['fewer than', 'at-most'], ['less than', 'at-most'], ['under', 'at-most'], ['no more than', 'at-most'],
  ['at most', 'at-most'], ['below', 'at-most'], ['not more than', 'at-most'],
];

/** Hedges written after a number ("3,000 or more"). */
export const POST_HEDGES: ReadonlyArray<readonly [string, Approximation]> = [
  ['or more', 'at-least'], ['or so', 'about'], ['or fewer', 'at-most'], ['or less', 'at-most'], ['-plus', 'at-least'],
  ['plus', 'at-least'], ['odd', 'about'],
];

/**
 * Vague amounts: phrase -> [value (lower bound of the order of magnitude), low, high].
 * "several thousand" reads as 2,000-9,999; "thousands of" as 2,000-999,999.
 */
export const VAGUE_AMOUNTS: ReadonlyArray<readonly [string, number, number, number]> = [
  ['hundreds of thousands of', 1e5, 2e5, 999_999],
  ['tens of thousands of', 1e4, 2e4, 99_999],
  ['tens of millions of', 1e7, 2e7, 99_999_999],
  ['hundreds of millions of', 1e8, 2e8, 999_999_999],
  ['several hundred thousand', 1e5, 2e5, 999_999],
  ['several thousand', 1e3, 2e3, 9_999],
  ['several million', 1e6, 2e6, 9_999_999],
  ['several billion', 1e9, 2e9, 9_999_999_999],
  ['several hundred', 100, 200, 999],
  ['several dozen', 12, 24, 119],
  ['a few thousand', 1e3, 2e3, 9_999],
  ['a few hundred', 100, 200, 999],
  ['a few million', 1e6, 2e6, 9_999_999],
  ['a few dozen', 12, 24, 119],
  ['billions of', 1e9, 2e9, 999_999_999_999],
  ['millions of', 1e6, 2e6, 999_999_999],
  ['thousands of', 1e3, 2e3, 999_999],
  ['hundreds of', 100, 200, 999],
  ['dozens of', 12, 24, 199],
  ['scores of', 20, 40, 199],
  // Compound vague amounts without a counted noun ("damage running into hundreds of millions").
  ['hundreds of thousands', 1e5, 2e5, 999_999],
  ['tens of thousands', 1e4, 2e4, 99_999],
  ['hundreds of millions', 1e8, 2e8, 999_999_999],
  ['tens of millions', 1e7, 2e7, 99_999_999],
  // Bare plural scale words ("thousands fled"); tried after the "of" forms.
  ['millions', 1e6, 2e6, 999_999_999],
  ['thousands', 1e3, 2e3, 999_999],
  ['hundreds', 100, 200, 999],
  ['dozens', 12, 24, 199],
];

/** "a dozen" and friends: exact words that name a number but read as approximate. */
export const APPROX_NOUNS: ReadonlyArray<readonly [string, number]> = [
  ['a dozen', 12], ['half a dozen', 6], ['a couple of dozen', 24], ['a hundred', 100], ['a thousand', 1e3],
  ['a million', 1e6], ['a billion', 1e9],
];

/** Currency markers before or after the number -> unit code. */
export const CURRENCY_SYMBOLS: Readonly<Record<string, string>> = {
  $: 'usd', us$: 'usd', usd: 'usd', '€': 'eur', eur: 'eur', '£': 'gbp', gbp: 'gbp', '¥': 'jpy', '₩': 'krw', '₽': 'rub', '₴': 'uah',
};

export const CURRENCY_WORDS: Readonly<Record<string, string>> = {
  dollar: 'usd', dollars: 'usd', euro: 'eur', euros: 'eur', pound: 'gbp', pounds: 'gbp', won: 'krw',
  rouble: 'rub', roubles: 'rub', ruble: 'rub', rubles: 'rub', hryvnia: 'uah', hryvnias: 'uah', yen: 'jpy', yuan: 'cny',
};

export const PERCENT_WORDS: ReadonlySet<string> = new Set(['percent', 'per cent', 'pct', 'percentage points']);

/** Measurement units and their canonical lemma. */
export const MEASURE_UNITS: Readonly<Record<string, string>> = {
  km: 'kilometre', kilometres: 'kilometre', kilometers: 'kilometre', kilometre: 'kilometre', kilometer: 'kilometre',
  miles: 'mile', mile: 'mile', m: 'metre', metres: 'metre', meters: 'metre', kg: 'kilogram', kilograms: 'kilogram',
  tonnes: 'tonne', tons: 'tonne', ton: 'tonne', tonne: 'tonne', hectares: 'hectare',
  years: 'year', year: 'year', months: 'month', days: 'day', weeks: 'week', hours: 'hour', minutes: 'minute',
  // Singular forms, as in compound adjectives ("a 40-metre stretch", "a 10-day ceasefire").
  metre: 'metre', meter: 'metre', kilogram: 'kilogram', mm: 'millimetre', millimetres: 'millimetre', millimeters: 'millimetre',
  millimetre: 'millimetre', cm: 'centimetre', centimetres: 'centimetre', centimeters: 'centimetre', centimetre: 'centimetre',
  litres: 'litre', liters: 'litre', litre: 'litre', liter: 'litre', hectare: 'hectare', acres: 'acre', acre: 'acre',
  month: 'month', day: 'day', week: 'week', hour: 'hour', minute: 'minute', seconds: 'second',
};

/** Words before a unit that make a compound unit ("290 million cubic metres", "40 square kilometres"). */
export const UNIT_PREFIXES: Readonly<Record<string, string>> = { cubic: 'cubic', square: 'square', sq: 'square' };

/** Irregular past forms that the head-noun search would otherwise take for a singular noun ("the 5.2 million X paid"). */
export const IRREGULAR_PAST_FORMS: ReadonlySet<string> = new Set([
  'paid', 'made', 'sold', 'lost', 'spent', 'built', 'held', 'sent', 'took', 'gave', 'got', 'brought', 'bought', 'fled',
  'fell', 'rose', 'grew', 'won', 'saw', 'went', 'came', 'kept', 'left', 'met', 'led', 'set', 'put', 'cut', 'hit', 'ran',
]);

/** Irregular plurals and nouns whose lemma is not a stripped "s". */
export const IRREGULAR_LEMMAS: Readonly<Record<string, string>> = {
  people: 'person', men: 'man', women: 'woman', children: 'child', personnel: 'personnel', police: 'police',
  staff: 'staff', aircraft: 'aircraft', troops: 'troop', forces: 'force', series: 'series', species: 'species',
  news: 'news', mice: 'mouse', feet: 'foot', teeth: 'tooth', geese: 'goose', casualties: 'casualty',
  lives: 'life', knives: 'knife', wives: 'wife', data: 'data', media: 'media', sheep: 'sheep', fish: 'fish',
  militia: 'militia', infantry: 'infantry', artillery: 'artillery', crew: 'crew', civilians: 'civilian',
};

/** Plural-looking words that are not nouns counted by a number (they end a noun phrase search). */
export const NOT_PLURAL_NOUNS: ReadonlySet<string> = new Set([
  'is', 'was', 'has', 'his', 'its', 'this', 'thus', 'as', 'us', 'plus', 'across', 'towards', 'whereas', 'always',
  'perhaps', 'news', 'various', 'previous', 'serious', 'numerous', 'famous', 'less', 'unless', 'suggests', 'says',
  'shows', 'means', 'indicates', 'remains', 'seems', 'appears', 'includes', 'makes', 'comes', 'goes', 'takes', 'gives',
  'argues', 'adds', 'notes', 'believes', 'expects', 'tells', 'puts',
]);

/**
 * Words that end the noun phrase after a number: function words, auxiliaries and common verbs.
 * The head noun is searched only among the words before one of these.
 */
export const PHRASE_STOPS: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'and', 'or', 'but', 'nor', 'of', 'in', 'on', 'at', 'to', 'for', 'from', 'by', 'with', 'without',
  'into', 'onto', 'over', 'under', 'near', 'since', 'until', 'during', 'after', 'before', 'between', 'among', 'per',
  'about', 'against', 'across', 'through', 'toward', 'towards', 'via', 'than', 'as', 'like', 'including', 'who', 'whom',
  'which', 'that', 'this', 'these', 'those', 'there', 'where', 'when', 'while', 'whose', 'if', 'is', 'are', 'was', 'were',
  'be', 'been', 'being', 'will', 'would', 'shall', 'should', 'can', 'could', 'may', 'might', 'must', 'have', 'has', 'had',
  'do', 'does', 'did', 'said', 'says', 'say', 'told', 'reported', 'according', 'killed', 'wounded', 'died', 'left',
  'remain', 'remained', 'remains', 'were', 'each', 'apiece', 'total', 'in', 'so', 'not', 'also', 'already', 'still',
  'now', 'then', 'here', 'today', 'yesterday', 'tomorrow', 'last', 'next', 'ago', 'earlier', 'later',
  'them', 'they', 'us', 'you', 'it', 'we', 'he', 'she', 'him', 'her', 'our', 'their', 'its', 'his', 'my', 'your', 'me', 'i',
]);

/** Words before a number that make it a label, not an amount ("Article 5", "Resolution 2231", "page 3"). */
export const LABEL_WORDS: ReadonlySet<string> = new Set([
  'article', 'resolution', 'section', 'chapter', 'page', 'pages', 'no', 'no.', 'number', 'nr', 'flight', 'route',
  'highway', 'road', 'level', 'grade', 'room', 'paragraph', 'item', 'vol', 'vol.', 'volume', 'episode', 'season',
  'part', 'block', 'gate', 'platform', 'unit', 'building', 'apartment', 'suite', 'floor', 'lane', 'channel', 'version',
  'v', 'figure', 'fig', 'fig.', 'table', 'line', 'terminal', 'district', 'ward', 'brigade', 'division', 'battalion',
  'regiment', 'corps', 'army', 'fleet', 'squadron', 'zone', 'sector', 'phase', 'stage', 'bus', 'reactor', 'hole',
  'act', 'clause', 'amendment', 'rule', 'decree', 'law', 'bill', 'exhibit', 'cell', 'box', 'grid', 'pier', 'berth',
]);

/** Month names and abbreviations: a number beside one is a day or a year, not an amount. */
export const MONTH_WORDS: ReadonlySet<string> = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november',
  'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);

/** Words before a four-digit number that mark it as a year ("in 2022", "since 1998"). */
export const YEAR_PREPOSITIONS: ReadonlySet<string> = new Set([
  'in', 'since', 'by', 'until', 'till', 'of', 'from', 'during', 'before', 'after', 'early', 'late', 'mid', 'through',
  'throughout', 'circa', 'c.', 'year', 'fiscal', 'spring', 'summer', 'autumn', 'fall', 'winter', 'and', 'to', 'between',
  'class', 'election', 'elections', 'budget', 'season', 'census', 'olympics', 'cup',
]);

/** Time-of-day markers after a number ("5 p.m.", "10 GMT"). */
export const TIME_SUFFIXES: ReadonlySet<string> = new Set([
  'a.m.', 'p.m.', 'am', 'pm', 'a.m', 'p.m', 'gmt', 'utc', 'hrs', "o'clock", 'bst', 'cet', 'est', 'edt', 'pst', 'kst',
]);
