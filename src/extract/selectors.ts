/** Selectors, meta names and patterns used by HTML extraction (data, one file; trafilatura's xpaths.py). */

/** Meta tags holding the title, best first. */
export const TITLE_META = ['meta[property="og:title"]', 'meta[name="twitter:title"]', 'meta[name="dc.title" i]', 'meta[name="title"]'];

/** Meta tags holding the author, best first. */
export const BYLINE_META = ['meta[name="author"]', 'meta[property="article:author"]', 'meta[name="dc.creator" i]', 'meta[name="byl"]', 'meta[name="sailthru.author"]'];

/** Elements that hold a byline in the page body. */
export const BYLINE_SELECTORS = ['[rel="author"]', '[itemprop="author"] [itemprop="name"]', '[itemprop="author"]', '.byline', '.author-name', '.author'];

/** Meta tags holding the publication date, best first. */
export const DATE_META = [
  'meta[property="article:published_time"]',
  'meta[name="article:published_time"]',
  'meta[itemprop="datePublished"]',
  'meta[name="date"]',
  'meta[name="pubdate"]',
  'meta[name="publishdate"]',
  'meta[name="publish-date"]',
  'meta[name="dc.date" i]',
  'meta[name="dc.date.issued" i]',
  'meta[name="dcterms.date" i]',
  'meta[name="sailthru.date"]',
  'meta[property="og:published_time"]',
];

/** Meta tags holding the site name, best first. */
export const SITE_META = ['meta[property="og:site_name"]', 'meta[name="application-name"]', 'meta[name="publisher"]'];

/** Elements whose content is the article body, for fallback attempts (best first). */
export const BODY_SELECTORS = ['[itemprop="articleBody"]', 'article', '[role="main"] article', 'main', '[role="main"]'];

/** Blog-engine post bodies laid out with <br> instead of <p> (Blogger, WordPress classic). */
export const BR_LAYOUT_SELECTORS = ['.post-body', '.entry-content', '.post-content', '.article-content', '.story-body'];

/** Elements never holding article text. */
export const SKIP_TAGS = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'object', 'embed', 'canvas', 'select', 'button', 'input', 'textarea', 'form', 'head', 'meta', 'link']);

/** Elements that end a paragraph. */
export const BLOCK_TAGS = new Set([
  'p', 'div', 'section', 'article', 'main', 'aside', 'header', 'footer', 'nav', 'blockquote', 'pre', 'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'figure', 'figcaption', 'hr',
  'address', 'details', 'summary', 'center', 'body', 'html',
]);

export const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Site-name suffix separators in <title>: "Headline | Site", "Headline - Site", "Headline — Site". */
export const TITLE_SEPARATOR_RE = /\s+[|\-–—:·•»]\s+/;

/** Elements that hold page furniture, not text, when they sit inside a content container. */
export const FURNITURE_TAGS = new Set(['nav', 'aside', 'footer', 'header', 'menu']);

/** class/id words (split at spaces, `-` and `_`) of furniture blocks inside a container (Readability's unlikely candidates, trafilatura's discard list). */
export const FURNITURE_CLASS_WORDS = new Set([
  'comment', 'comments', 'related', 'share', 'sharing', 'social', 'sidebar', 'newsletter', 'subscribe', 'subscription', 'breadcrumb',
  'breadcrumbs', 'menu', 'nav', 'navbar', 'navigation', 'footer', 'cookie', 'cookies', 'consent', 'promo', 'pagination', 'pager', 'advert',
  'advertisement', 'ad', 'ads', 'popup', 'modal', 'disqus', 'recommended', 'outbrain', 'taboola', 'gallery', 'carousel', 'slideshow',
  'slider', 'legends',
]);
