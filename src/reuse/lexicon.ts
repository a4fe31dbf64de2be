/**
 * Word lists and cue patterns used by text-reuse detection, kept as data in one module.
 * Lists are small and language-generic where possible; extend them here, not in the logic.
 */

/** Function words ignored when comparing content (English plus frequent words of a few other languages). */
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    // English
    'a an the and or but nor so yet if then than that this these those there here of in on at by for with from to into onto ' +
    'over under about above below after before during since until up down out off as is are was were be been being am do does did ' +
    'doing done have has had having will would shall should can could may might must not no yes it its it’s it\'s he she they them ' +
    'their theirs his her hers him we us our ours you your yours i me my mine who whom whose which what when where why how all any ' +
    'both each few more most other some such only own same too very just also now however while which whether because though although ' +
    'against between through per via said says say told according also s t don didn doesn isn wasn aren weren won wouldn ' +
    'one two new like well even still already again further once many much several into onto upon within without around among ' +
    // German / French / Spanish / Italian / Portuguese (frequent function words)
    'der die das und ist nicht ein eine einer eines dem den des mit von zu auf für im sich auch es sie er wir ' +
    'le la les un une des du de et est en dans pour pas au aux sur qui que par plus ce cette ses son sa ' +
    'el los las y en del por con para una es se lo al su sus como más pero ' +
    'il gli della di che per non con una sono ' +
    'o os as e do da dos das em um uma com não ' +
    // Russian / Ukrainian (frequent function words)
    'и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее мне было вот от меня ещё нет о из ему ' +
    'теперь когда даже ну вдруг ли если уже или ни быть был него до вас нибудь опять уж вам ведь там потом себя ничего ей может они ' +
    'тут где есть надо ней для мы тебя их чем была сам чтоб без будто чего раз тоже себе под будет ж тогда кто этот того потому этого ' +
    'какой совсем ним здесь этом один почти мой тем чтобы нее сейчас были куда зачем всех никогда можно при наконец два об другой хоть ' +
    'після та і й що це не на як від до за про який яка які він вона вони також який її його'
  ).split(/\s+/),
);

/**
 * Explicit provenance cues: the article carrying one says it relays another outlet.
 * `named` patterns capture the outlet name in group 1 so the cue can be matched to another article's site.
 */
export const PROVENANCE_CUES: readonly { id: string; pattern: RegExp; named: boolean }[] = [
  { id: 'original-source', pattern: /\boriginal(?:ly)? (?:source|article|story)\b/i, named: false },
  { id: 'first-published', pattern: /\b(?:[Ff]irst|[Oo]riginally) (?:published|appeared|posted) (?:by|in|on|at) ((?:the )?[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,4})/, named: true },
  { id: 'republished', pattern: /\b(?:[Rr]epublished|[Rr]eprinted|[Rr]eposted) (?:with permission )?(?:from|by) ((?:the )?[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,4})/, named: true },
  { id: 'via', pattern: /\bvia ((?:the )?[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,4})/, named: true },
  { id: 'source-label', pattern: /^\s*source: ?((?:the )?[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,4})/im, named: true },
  { id: 'reports', pattern: /\b((?:the )?[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,4}) (?:reports|reported|writes|wrote)\b/, named: true },
  { id: 'writes', pattern: /\b(?:writes|reports|according to) ((?:the )?[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,4})/, named: true },
];

/** Provenance cues that make a short line a credit line ("Originally published by X."): metadata of a republication, not content. */
export const CREDIT_LINE_CUE_IDS: ReadonlySet<string> = new Set(['original-source', 'first-published', 'republished', 'via', 'source-label']);

/** Reporting verbs after which a named primary source follows ("told The War Zone", "citing Yonhap"). */
export const SOURCE_CUE_PATTERN =
  /\b(?:told|citing|cited by|according to|in an interview with|speaking to|said to|in a statement to|quoted by)\s+((?:the )?[A-Z][\w.&'’-]*(?: (?:of |the )?[A-Z][\w.&'’-]*){0,4})/g;

/** Lines typical of reposting-site junk and page chrome; their presence marks added junk, not content. */
export const JUNK_LINE_PATTERNS: readonly RegExp[] = [
  /\b(?:read more|related|subscribe|sign up|newsletter|follow us|share this|click here|advertisement|sponsored)\b/i,
  /\b(?:become a (?:patron|member|subscriber)|support (?:us|our)|donate|join our community)\b/i,
  /\b(?:visited [\d,.]+ times?|about the author|all rights reserved|cookie|privacy policy|terms of use)\b/i,
  /^\s*(?:photo|image|video)(?: credits?)?\s*:/i,
];

/** Quotation mark pairs recognised when extracting direct quotes (straight, curly, guillemets, CJK, German low). */
export const QUOTE_PAIRS: readonly [string, string][] = [
  ['"', '"'],
  ['“', '”'],
  ['„', '“'],
  ['«', '»'],
  ['「', '」'],
  ['『', '』'],
];

/** Cyrillic and Greek to Latin transliteration, so names match across scripts (Буданов -> budanov). */
export const TRANSLITERATION: Readonly<Record<string, string>> = {
  а: 'a', б: 'b', в: 'v', г: 'g', ґ: 'g', д: 'd', е: 'e', ё: 'e', є: 'ye', ж: 'zh', з: 'z', и: 'i', і: 'i', ї: 'yi', й: 'y',
  к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch',
  ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
  α: 'a', β: 'v', γ: 'g', δ: 'd', ε: 'e', ζ: 'z', η: 'i', θ: 'th', ι: 'i', κ: 'k', λ: 'l', μ: 'm', ν: 'n', ξ: 'x', ο: 'o',
  π: 'p', ρ: 'r', σ: 's', ς: 's', τ: 't', υ: 'y', φ: 'f', χ: 'ch', ψ: 'ps', ω: 'o',
};

/** Wire-agency credits: a dateline "(Agency) —", a byline "By Agency", "Agency reported". Group 1 is the agency. */
export const WIRE_CREDIT_PATTERNS: readonly RegExp[] = [
  /\(([A-Z][\w.&-]*(?: [A-Z][\w.&-]*){0,3})\)\s*[—–-]/g,
  /^\s*By ([A-Z][\w.&-]*(?: [A-Z][\w.&-]*){0,3})\s*(?:[|,]|$)/gm,
  /,\s*([A-Z][\w.&-]*(?: [A-Z][\w.&-]*){0,3}) reported\./g,
];
