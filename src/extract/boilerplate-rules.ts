/**
 * Patterns for the paragraph-level boilerplate filter (data, one file; trafilatura's xpaths.py,
 * Readability's REGEXPS). Patterns describe kinds of page furniture, never one site's wording.
 */

/** Credit lines: "Photo: X/Getty", "Photo credits: X", "Image courtesy of X", "(AP Photo/X)". */
export const PHOTO_CREDIT_RE =
  /^[([]?\s*(?:(?:photo(?:graph)?s?|images?|pictures?|pics?|foto|video|illustration|graphic|credits?|source)(?:\s+(?:credits?|by|courtesy(?:\s+of)?|source))?\s*[:|/]|(?:photo|image|picture)s?\s+(?:by|courtesy(?:\s+of)?|via)\s)/i;

/** Credits that are surely about a picture (the trigger for taking the line above as its caption). */
export const STRICT_PHOTO_CREDIT_RE = /^[([]?\s*(?:photo(?:graph)?s?|images?|pictures?|pics?|foto)(?:\s+(?:credits?|by|courtesy(?:\s+of)?|source))?\s*[:|/]|^[([]?\s*(?:photo|image|picture)s?\s+(?:by|courtesy|via)\s|(?:getty images|ap photo|shutterstock|reuters|afp|epa|kcna)\s*\)?\s*$/i;

/** Credit tails that mark a line as a credit when it is short: "… /Getty Images", "(Reuters)". */
export const CREDIT_TAIL_RE =
  /(?:\/\s*|\(|\b)(?:getty images|afp(?: via getty images)?|reuters|ap photo|associated press|epa(?:-efe)?|shutterstock|istock(?:photo)?|alamy|anadolu|sipa|xinhua|kcna|tass|bloomberg|afp\/getty)(?:\s*\/[^)]{0,60})?\)?\s*$/i;

/** Visit and view counters: "(Visited 2 times, 1 visits today)", "1,234 views". */
export const VISIT_COUNTER_RE =
  /^\(?\s*(?:visited\s+\d[\d,]*\s+times?|\d[\d,.]*\s*(?:k\s+)?(?:views?|visits?|reads?|hits?)(?:\s+today)?)\b[^.]{0,60}\)?\s*$/i;

/** Lines that introduce a list of other stories. */
export const RELATED_HEADER_RE =
  /^(?:related(?:\s+(?:articles?|posts?|stories|news|content|coverage|reading|topics?|links?))?|more\s+(?:from|on|about|stories|news|articles|in|like this)\b.{0,40}|popular\s+(?:posts?|stories|articles)\b.{0,40}|most\s+(?:read|popular|viewed|shared)\b.{0,30}|trending(?:\s+now)?|you\s+(?:may|might)\s+(?:also\s+)?(?:like|be interested in|enjoy)|recommended(?:\s+(?:for you|stories|articles|reading))?|top\s+stories|latest\s+(?:news|posts?|stories|articles)|also\s+on\s+.{1,30}|what\s+to\s+read\s+next|editor'?s\s+picks?|further\s+reading|in\s+other\s+news|don'?t\s+miss)\s*[:.…!]?$/i;

/** "Read more" style pointers to another page. */
export const READ_MORE_RE =
  /^(?:read\s+(?:more|also|next|this|the\s+full\s+(?:story|article))|see\s+also|also\s+read|continue\s+reading|click\s+here\s+to\s+read|keep\s+reading|read\s+on)\b\s*[:.…»>-]*/i;

/** Lines pointing to where a repost came from. */
export const SOURCE_LINK_RE =
  /^(?:original(?:ly)?\s+(?:source|article|post|story|published\s+(?:at|on|by|in))|source\s*(?:link)?\s*:|via\s*:|this\s+(?:article|story|post)\s+(?:was\s+)?(?:originally\s+)?(?:published|appeared)\s+(?:on|at|in|by))\b/i;

/** Headers of the author box at the end of a post. */
export const AUTHOR_BOX_RE = /^(?:about\s+the\s+authors?|author\s+(?:bio|profile|info(?:rmation)?)|about\s+(?:the\s+)?writer|written\s+by)\s*[:.]?$/i;

/** Comment-section furniture. */
export const COMMENTS_RE =
  /^(?:\d+\s+)?(?:comments?|responses?|replies)(?:\s*\(\d+\))?\s*[:.]?$|^(?:leave|post|add|write|submit)\s+(?:a|your)\s+(?:comment|reply|response)\b|^comments?\s+(?:are\s+closed|section|policy)|^join\s+the\s+(?:discussion|conversation)\b|^(?:show|view|load|hide)\s+(?:all\s+|more\s+)?\d*\s*comments?\b|^be\s+the\s+first\s+to\s+comment\b|^(?:you\s+must\s+be\s+logged\s+in\s+to\s+post\s+a\s+comment)/i;

/** Words of share widgets; a short line made mostly of these is a widget. */
export const SHARE_WORDS = new Set([
  'share', 'shares', 'shared', 'this', 'on', 'tweet', 'twitter', 'x', 'facebook', 'whatsapp', 'telegram', 'email', 'e-mail', 'mail', 'print',
  'linkedin', 'pinterest', 'reddit', 'copy', 'link', 'messenger', 'viber', 'vk', 'flipboard', 'pocket', 'tumblr', 'save', 'article', 'story',
  'comment', 'comments', 'sms', 'threads', 'bluesky', 'mastodon', 'the', 'via', 'google', 'like', 'follow', 'us',
]);

/** Phrases of donation / membership appeals; one hit is a hint, two make an appeal. */
export const APPEAL_PHRASES: readonly RegExp[] = [
  /\bdonat(?:e|ion|ions|ing)\b/i,
  /\bbecome\s+a\s+(?:patron|member|supporter|subscriber|sponsor|co-?creator)\b/i,
  /\bpatreon\b|\bpatron\b/i,
  /\bsupport\s+(?:us|our\s+(?:work|journalism|reporting|mission|team)|independent\s+(?:journalism|media|news))\b/i,
  /\bways\s+to\s+support\b/i,
  /\breaders\s+like\s+you\b/i,
  /\b(?:cup|price|cost)\s+of\s+(?:a|one)?\s*(?:cup\s+of\s+)?coffee\b/i,
  /\b(?:help|helps)\s+us\s+(?:produce|continue|keep|grow|make|do|create|bring|stay)\b/i,
  /\bjoin\s+(?:our|the)\s+(?:community|club|members?|movement)\b/i,
  /\b(?:independent|free|open)\s+(?:journalism|information|press|media)\b/i,
  /\bkeep\s+(?:our\s+)?(?:reporting|journalism|content|site|articles?)\s+(?:open|free|accessible)\b/i,
  /\bmake\s+a\s+(?:contribution|donation|gift)\b|\bcontribute\s+(?:today|now|to\s+us)\b/i,
  /\bpaywall\b/i,
  /\b(?:a\s+)?little\s+bit\s+goes\s+a\s+long\s+way\b|\bevery\s+(?:dollar|euro|pound|contribution)\s+(?:counts|helps|matters)\b/i,
  /\b(?:subscribe|subscription)\b.{0,40}\b(?:support|journalism|access)\b/i,
  /\bbuy\s+(?:us|me)\s+a\s+coffee\b|\bko-?fi\b|\bpaypal\b/i,
  /\byou\s+could\s+close\s+this\s+page\b|\bbefore\s+you\s+(?:go|close|leave)\b/i,
  /\bour\s+(?:small|tiny|independent|non-?profit)\s+(?:team|newsroom|organi[sz]ation)\b/i,
];

/** Newsletter and sign-up prompts. */
export const NEWSLETTER_RE =
  /\b(?:sign\s+up\s+(?:for|to)\s+(?:our|the)\b.{0,40}\b(?:newsletter|briefing|email|digest|updates)|subscribe\s+to\s+(?:our|the)\b.{0,30}\b(?:newsletter|channel|feed|podcast|updates)|(?:get|receive)\s+(?:our|the)\b.{0,40}\b(?:delivered|straight|direct(?:ly)?)\s+to\s+your\s+inbox|enter\s+your\s+e-?mail(?:\s+address)?|(?:newsletter|inbox)\s+(?:sign-?up|subscription)|follow\s+us\s+on\s+(?:twitter|facebook|instagram|telegram|x|google\s+news)|delivered\s+(?:to\s+your\s+inbox|weekday|daily|every\s+(?:morning|day|week))|(?:we|we'll)\s+send\s+(?:you\s+)?an\s+email|breaking\s+news\s+(?:emails|alerts)|news\s+alerts|meet\s+your\s+inbox|want\s+more\s+stories\s+like\s+this)\b/i;

/** Cookie and consent notices. */
export const COOKIE_RE = /\b(?:we\s+use\s+cookies|this\s+(?:site|website)\s+uses\s+cookies|cookie\s+(?:policy|settings|preferences|consent)|accept\s+(?:all\s+)?cookies|by\s+(?:continuing\s+to\s+(?:use|browse)|using)\s+this\s+(?:site|website))\b/i;

/** Tag and category lines: "Tags: a, b, c". */
export const TAGS_RE = /^(?:tags?|tagged(?:\s+with)?|topics?|categories|category|filed\s+under|keywords?)\s*:/i;

/** Ad slot labels. */
export const AD_RE = /^(?:advertisement|advertising|sponsored(?:\s+content)?|ad|ads|promoted|paid\s+(?:content|post)|story\s+continues\s+(?:below|after)(?:\s+(?:this\s+)?(?:advertisement|ad))?|scroll\s+to\s+continue(?:\s+with\s+content)?|continue\s+reading\s+(?:below|the\s+main\s+story))\s*[:.]?$/i;

/** Copyright / rights lines at the end of a page. */
export const COPYRIGHT_RE = /^(?:©|\(c\)|copyright\b)|\ball\s+rights\s+reserved\b/i;

/** Words that make a line a clause: common verbs and auxiliaries (captions usually lack them). */
export const CLAUSE_WORDS = new Set([
  'is', 'are', 'was', 'were', 'be', 'been', 'has', 'have', 'had', 'will', 'would', 'can', 'could', 'should', 'may', 'might', 'must',
  'said', 'says', 'say', 'told', 'tells', 'do', 'does', 'did', 'added', 'announced', 'reported', 'according', 'it', 'they', 'we', 'he', 'she', 'i',
]);

/** Function words that stay lowercase in title case. */
export const TITLE_CASE_SMALL_WORDS = new Set([
  'a', 'an', 'the', 'and', 'or', 'but', 'nor', 'of', 'in', 'on', 'at', 'to', 'for', 'by', 'with', 'from', 'as', 'into', 'vs', 'via', 'de', 'la',
]);

/** Abbreviations whose final period does not end a sentence (lowercased, without the period). */
export const NON_FINAL_ABBREVIATIONS = new Set([
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col',
  'maj', 'capt', 'sgt', 'adm', 'gov', 'sen', 'rep', 'rev', 'st', 'no', 'nos', 'vs', 'approx', 'est', 'fig', 'vol', 'p', 'pp', 'ca', 'cf',
  'incl', 'e.g', 'i.e', 'etc.,', 'jr', 'sr', 'mt', 'ft', 'art', 'sec', 'ch',
]);

/** Inline picture credits at the end of a caption: "… (Image: GETTY)", "… Photo: AP". */
export const INLINE_CREDIT_TAIL_RE = /(?:\(\s*(?:image|photo|picture|pic|credit|foto|photograph)s?\s*(?:credit)?\s*:[^)]{1,60}\)|\b(?:photo|image)\s*(?:credit)?\s*:\s*[^.]{1,50})\s*$/i;

/** Interface labels that pages leave in the text ("Sign In", "Image 1 of 9", "Caption", "Close"). */
export const UI_LABEL_RE =
  /^(?:sign\s+in|log\s*in|sign\s+up|register|subscribe|menu|search|close|open|caption|enlarge|expand|collapse|hide|show|next|previous|prev|back\s+to\s+top|skip\s+(?:to\s+)?(?:content|ad)|loading\.*|breaking(?:\s+news)?|live|watch|listen|play|video|gallery|image|photo|advert|home|print|email|share|more|image\s+\d+\s+(?:of\s*\/?\s*)?\d*|\d+\s*\/\s*\d+|this\s+slideshow\s+requires\s+javascript\.?|breaking\s+news\s+emails)\s*[:.|]?$/i;

/** Words of a dateline/"published" line besides the date itself. */
export const DATELINE_WORDS_RE =
  /^(?:published|updated|posted|last|modified|created|on|at|by|am|pm|a\.m|p\.m|utc|gmt|est|edt|cst|cdt|pst|pdt|mst|mdt|hst|bst|cet|cest|ist|jst|et|pt|ago|day|days|hour|hours|minute|minutes|mins?|hrs?|yesterday|today|publicado|atualizado|às|de|em|le|à|am|um|uhr|el|del|time|date|read|reading|min)$/i;

/** Month and weekday names (en, pt, es, fr, de, it) and their abbreviations, for datelines. */
export const DATE_NAME_RE =
  /^(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|janeiro|fevereiro|março|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro|segunda-feira|terça-feira|quarta-feira|quinta-feira|sexta-feira|sábado|domingo|enero|febrero|marzo|mayo|junio|julio|septiembre|octubre|noviembre|diciembre|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|januar|februar|märz|juni|juli|oktober|dezember|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre)\.?$/i;

/** A short "By Name" line. */
export const BYLINE_LINE_RE = /^(?:by|von|par|por|di|door|written\s+by|posted\s+by|author:)\s+\p{Lu}/iu;

/** A one-paragraph author bio: "Name is a reporter for X", "Name joined X in 2017". */
export const AUTHOR_BIO_RE =
  /^(?:\p{Lu}[\p{L}'’.-]+\s+){0,3}\p{Lu}[\p{L}'’.-]+\s+(?:is|was|has\s+been|joined|writes|covers|reports|edits)\b.{0,200}\b(?:reporter|writer|editor|correspondent|journalist|columnist|contributor|author|freelance|freelancer|blogger|producer|intern|staff|native|graduate|covers|covering|joined)\b/u;

/** Disclosure of affiliate links. */
export const AFFILIATE_RE = /\baffiliate\b.{0,40}\b(?:links?|commission|partnerships?)\b|\b(?:we|i)\s+may\s+(?:earn|receive)\s+(?:a\s+)?(?:small\s+)?commission\b/i;

/** Citation and reuse notices under science-news articles. */
export const RIGHTS_NOTICE_RE = /\bsubject\s+to\s+copyright\b|\bmay\s+not\s+be\s+(?:published|reproduced|broadcast|rewritten|redistributed)\b|\bno\s+part\s+(?:of\s+this\s+\w+\s+)?may\s+be\s+reproduced\b|^citation\s*:/i;

/**
 * A republication credit naming its source ("Originally published by The X.", "This story first appeared in Y");
 * a capital must follow, so "Originally published in 1990, the report…" stays content.
 */
export const REPUBLICATION_CREDIT_RE =
  /^(?:originally|first)\s+(?:published|appeared)\s+(?:by|on|in|at)\s+(?:the\s+)?\p{Lu}|^this\s+(?:article|story|post)\s+(?:was\s+)?(?:originally\s+|first\s+)?(?:published|appeared)\s+(?:by|on|in|at)\s+(?:the\s+)?\p{Lu}|^republished\s+(?:with\s+permission\s+)?from\s+(?:the\s+)?\p{Lu}/iu;
