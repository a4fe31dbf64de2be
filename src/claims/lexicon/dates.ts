/**
 * Word lists and patterns for date extraction and tense detection, kept as data in one module.
 * Patterns are case-insensitive unless stated.
 */

/** Verbs and markers that put a bare weekday or month in the future ("will", "expected to", "to arrive"). */
export const FUTURE_CUES =
  /\b(?:will|won['’]t|['’]ll|shall|going to|expect(?:s|ed)? to|expected|scheduled|set to|due to|plan(?:s|ned|ning)?(?: to)?|would|upcoming|next|forecasts?|until|as (?:soon|early|late) as|to (?:arrive|begin|start|hold|meet|visit|travel|take place|deploy|be|open|launch|vote|sign|leave|return|resume))\b/gi;

/** Auxiliaries that put their verb group after the time of writing ("will meet", "would be held", "must be returned"); "could" and "can" also report past ability ("could not be located"). */
export const FUTURE_AUXILIARIES: ReadonlySet<string> = new Set(['will', 'wo', "'ll", '’ll', 'shall', 'would', 'must', 'should', 'may', 'might']);
/** Lemmas of verbs that arrange something ahead: a date after them is when it is to happen, whatever their tense ("planned a rally Saturday"). */
export const INTENTION_VERBS: ReadonlySet<string> = new Set(['plan', 'schedule', 'intend', 'expect', 'arrange', 'prepare', 'aim', 'hope', 'promise', 'pledge', 'vow', 'threaten', 'propose', 'postpone', 'delay', 'defer', 'adjourn', 'reschedule']);
/** Past auxiliaries opening a verb group ("was held", "had met", "did not say"). */
export const PAST_AUXILIARIES: ReadonlySet<string> = new Set(['was', 'were', 'had', 'did']);
/** Present-perfect auxiliaries: the act is done by the time of writing. */
export const PERFECT_AUXILIARIES: ReadonlySet<string> = new Set(['has', 'have', "'ve", '’ve']);
/** Present auxiliaries: with an "-ing" verb they arrange something ahead ("is meeting Friday"). */
export const PRESENT_AUXILIARIES: ReadonlySet<string> = new Set(['is', 'are', 'am', "'s", '’s', "'re", '’re']);

/** Where the clause of a date ends after it: sentence end, line break, or a subordinate clause ("as", "when", "while", "after", "because"). */
export const CLAUSE_AFTER_DATE = /[.!?](?:\s|$)|\n|\s(?:``|“|")|,?\s(?:as|when|while|after|because|since|although|though|whereas|where|which|who)\s/;

/** Verbs and markers that put a bare weekday or month in the past. `-ed` words are read as past forms. */
export const PAST_CUES =
  /\b(?:said|says|told|was|were|had|did|announced|reported|claimed|added|ago|last|since|earlier|previously|[a-z]{3,}ed)\b/gi;

/** Modifiers written before a date that keep its value but belong to the expression ("early October"). */
export const DATE_MODIFIERS = /(?:\b(?:(?:the\s+)?(?:early|late|mid)|the end of|end of|the beginning of|beginning of|the start of|start of|the middle of|middle of)[\s-]+)$/i;

/** "earlier"/"later" before a date of this or that day, month or year: part of its extent in TimeML ("Earlier this month"). */
export const EARLIER_LATER = /\b(?:earlier|later)\s+$/i;
/** Dates that "earlier"/"later" joins. */
export const EARLIER_LATER_DATES = /^(?:(?:this|that)\s+(?:year|month|day|morning|afternoon|evening)|today|yesterday|tonight)\b/i;
/** A relative date TimeML reads with its article ("the past year", "the following month"). */
export const RELATIVE_WITH_ARTICLE = /^(?:past|last|next|previous|following|coming)\s/i;
/** A year named after a month ("January this year", "June last year"): group 1 says which. */
export const MONTH_YEAR_AFTER = /^,?\s+(this|last|next)\s+year\b(?!['’])/i;
/** An approximation before "N years ago": part of its extent in TimeML ("nearly four years ago"). */
export const AGO_HEDGE = /\b(?:almost|nearly|about|some|more than|less than)\s+$/i;

/** Prepositions chrono keeps at the front of a match that are not part of the time expression. */
export const LEADING_PREPOSITIONS = /^(?:on|at|in|by|since|from|until|till|during|before|after|of|for)\s+/i;

/** Chrono matches that are not dates for our purpose: "now" and durations ("for 3 days", "within a week"). */
export const NOT_A_DATE =
  /^(?:(?:right\s+)?now|for\s+.+|within\s+.+|(?:in\s+|after\s+)?(?:a|an|the|\d+|a couple of|a few|several|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:minutes?|hours?|days?|weeks?|months?|years?))$/i;

/** Relative expressions anchored to another event, not to the publication date ("two days later", "the day before"). */
export const EVENT_RELATIVE = /(?:\b(?:before|after|later|afterwards?)$|^(?:the\s+)?(?:next|past|last|coming|following)\s+(?:few|several|couple of)\s+\w+$|^(?:a\s+)?weekend$)/i;

/** A time-only chrono match is kept only when it is clearly a clock time or a casual day part. */
export const CLOCK_TIME = /\d{1,2}:\d{2}|\d\s*(?:a\.m\.?|p\.m\.?|am\b|pm\b)|\b(?:this|yesterday|tomorrow|last|tonight|today)\b.*\b(?:morning|afternoon|evening|night)\b|\btonight\b|\bmidnight\b/i;

/** Month and weekday names that are also common words; alone they need a preposition or a day to count. */
export const AMBIGUOUS_MONTHS = /^(?:march|may|sat|sun|wed|mar|jan|jun|aug|sept?|oct|nov|dec|feb|apr|jul)$/i;

/** Words before a bare month that make it a date ("in May", "last March"). */
export const MONTH_PREPOSITIONS = /\b(?:in|since|by|until|till|from|last|next|this|early|late|mid|of|during|before|after|through|to|and|or|between)[\s-]+$/i;

/** Month and weekday names, for the capitalisation check (chrono also matches "march" the noun). */
export const CALENDAR_NAMES =
  /^(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)$/i;

/** Unit word of a relative expression ("two months ago", "last year"), which fixes its grain. */
export const RELATIVE_UNIT = /\b(day|week|month|quarter|year)s?\b/i;

/** Week references resolved to a Monday-Sunday interval. */
export const WEEK_EXPRESSION = /\b(last|this|next|past|previous|coming)\s+week\b/gi;

/** "by year's end", "end of the year", "end of last year". */
export const YEAR_END_EXPRESSION = /\b(?:(?:the\s+)?(?:this\s+)?year['’]s\s+end|(?:the\s+)?end\s+of\s+(the|this|last|next)\s+year)\b/gi;

/** Quarters: "the third quarter", "fourth-quarter", "the first quarter of 1998". */
export const QUARTER_EXPRESSION =
  /\b(first|second|third|fourth|1st|2nd|3rd|4th|final)([\s-])quarter(?:\s+of\s+(\d{4}))?\b/gi;

/**
 * What TimeML counts as part of a quarter's extent before it: a determiner, a year or "year-ago", "fiscal"
 * ("the fiscal first quarter", "the 1988 third quarter", "this year's third quarter"); group 1 is a written year,
 * group 2 "year-ago"/"year-earlier", group 3 "last year's".
 */
export const QUARTER_LEAD =
  /(?:\b(?:the|this\s+year['’]s|(last)\s+year['’]s)\s+)?(?:(?:(1[89]\d\d|20\d\d)|(year-ago|year-earlier|comparable(?:\s+year-ago)?))\s+)?(?:fiscal[\s-]+)?$/i;

/** Quarters named relative to the publication date, as in earnings reports ("the latest quarter", "the year-ago quarter"). */
export const RELATIVE_QUARTER_EXPRESSION =
  /\bthe\s+(?:(latest|most recent|last|past|current|year-earlier|year-ago|same|previous|prior|comparable(?:\s+year-ago)?|(?:1[89]|20)\d\d)\s+)?(?:fiscal\s+)?(?:quarter\b(?!\s+of\b)|(?<=(?:latest|recent|year-earlier|year-ago|comparable|\d\d)\s+)period\b)/gi;

/** A month name after last/next/this ("last May"), which chrono misses for months that are also words. */
export const MODIFIED_MONTH_EXPRESSION =
  /\b([Ll]ast|[Nn]ext|[Tt]his)\s+(January|February|March|April|May|June|July|August|September|October|November|December)\b/g;

export const MONTH_NUMBERS: Readonly<Record<string, number>> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10, november: 11, december: 12,
};

export const QUARTER_NUMBERS: Readonly<Record<string, number>> = {
  first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4, final: 4,
};

/** Decades: "the 1990s", "the '90s" (the second only with a written century is unsupported). */
export const DECADE_EXPRESSION = /\b(?:the\s+)?((?:1[89]|20)\d)0['’]?s\b/g;

/** Bare years 1800-2099 not glued to other digits or letters. */
export const YEAR_EXPRESSION = /(?<![\p{L}\p{N}$€£.,]|\p{Lu}-|\d-)(1[89]\d\d|20\d\d)(?![\p{L}\p{N}%]|[.,]\d)/gu;

/** A span of years: "2009-2010", "2015–16" (group 1 the first year, group 2 the second, two or four digits). */
export const YEAR_RANGE_EXPRESSION = /(?<![\p{L}\p{N}$€£.,-])(1[89]\d\d|20\d\d)\s?[-–]\s?(1[89]\d\d|20\d\d|\d\d)(?![\p{L}\p{N}%]|[.,]\d)/gu;

/** The time of writing: "now", "currently", "at present" (a reference to the publication day). */
export const PRESENT_EXPRESSION = /\b(?:now|currently|at present|at the moment|nowadays|presently)\b(?![-'’])/gi;

/** An unspecified past or future: "recently", "in the past", "in the near future". */
export const PAST_REF_EXPRESSION = /\b(?:recently|(?<=\bin\s+)the (?:recent |distant )?past\b(?!\s+(?:\d|few|several|two|three|year|month|week|day|decade|century)))\b/gi;
/** "the future", "the near future" (the preposition before it is not part of it, as in TimeML). */
export const FUTURE_REF_EXPRESSION = /\b(?:the (?:near |distant |foreseeable )?future)\b(?![-'’])/gi;

/** A season with a year or a modifier: "last summer", "this winter", "the fall of 2019", "spring 2020". */
export const SEASON_EXPRESSION =
  /\b(?:(last|this|next|past|coming)\s+)?(spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?(1[89]\d\d|20\d\d))?\b/gi;

/** First month of each season (northern hemisphere, as TimeML reads them); each lasts three months. */
export const SEASON_FIRST_MONTH: Readonly<Record<string, number>> = { spring: 3, summer: 6, fall: 9, autumn: 9, winter: 12 };

/** A fiscal year: "this fiscal year", "last fiscal year", "fiscal 2016", "fiscal year 2016" (read as that calendar year). */
export const FISCAL_YEAR_EXPRESSION = /\b(?:(this|last|next|the current|the previous|the past)\s+fiscal\s+year|fiscal(?:\s+year)?\s+(1[89]\d\d|20\d\d))\b/gi;

/** A wire-style dateline opening a line: "KESSING, 20 March 2031 —", "DUNMORE, March 18 (Agency) -". Group 1 is the date part. */
export const DATELINE_LEAD = /^\s*\p{Lu}[\p{Lu}\p{M} .'’-]*\p{Lu}(?:\s*,\s*\p{Lu}[\p{L} .'’-]*)?,\s+([^—–(\n]{6,40}?)\s*(?:\([^)\n]{1,40}\)\s*)?[—–-]{1,2}\s/u;

/** Cue words that introduce a publication date near the top of a page. */
export const PUBLISHED_CUES = /\b(?:published|posted|updated|first published|date)\s*(?:on|:)?\s*/i;

export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

/** Number words for years said aloud in broadcast transcripts ("nineteen ninety-six", "the year two thousand"). */
export const UNIT_WORDS: Readonly<Record<string, number>> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9 };
export const TEEN_AND_TEN_WORDS: Readonly<Record<string, number>> = {
  ten: 10, eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
/** A year said in words: century word, then tens (and units), or "two thousand (and N)". Groups: century, tens, units, thousand-units. */
export const SPOKEN_YEAR =
  /\b(?:(eighteen|nineteen|twenty)[\s-]+(ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[\s-]+(one|two|three|four|five|six|seven|eight|nine))?|(?:the\s+year\s+)two\s+thousand(?:\s+(?:and\s+)?(one|two|three|four|five|six|seven|eight|nine))?)\b/gi;

/** Holidays on a fixed day (month, day) or the nth weekday of a month: [month, day] or [month, weekday, nth]. */
export const HOLIDAYS: Readonly<Record<string, readonly number[]>> = {
  'christmas day': [12, 25], christmas: [12, 25], 'christmas eve': [12, 24], "new year's day": [1, 1], "new year's eve": [12, 31],
  thanksgiving: [11, 4, 4], 'thanksgiving day': [11, 4, 4], 'independence day': [7, 4], 'fourth of july': [7, 4],
};
/** A holiday name, with "last"/"next"/"this" before it (group 1). */
export const HOLIDAY_EXPRESSION = /\b(?:(last|next|this)\s+)?(Christmas(?: Day| Eve)?|New Year['’]s (?:Day|Eve)|Thanksgiving(?: Day)?|Independence Day|Fourth of July)\b/g;

/** A year named through an earlier date ("that year", "later that year", "the following year"); group 1 says which way. */
export const ANAPHORIC_YEAR = /\b(?:(?:earlier|later)\s+)?(?:that\s+year|the\s+(following|previous|preceding|same)\s+year)\b(?!['’])/gi;
/** The year of writing named with an article: "the current year", "the full year". */
export const CURRENT_YEAR = /\bthe\s+(?:current|full)\s+year\b(?!['’])/gi;

/** "year-ago"/"year-earlier" as an adjective on results ("year-earlier profit", "The year-ago results"), not on a named period. */
export const YEAR_AGO_ADJECTIVE = /\b[Yy]ear-(?:ago|earlier)\b(?!\s+(?:(?:first|second|third|fourth|fiscal)\b|quarter|period|third-quarter))/g;
