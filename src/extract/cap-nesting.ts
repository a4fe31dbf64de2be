/**
 * Caps tag nesting in raw HTML before it is parsed. The HTML parser under linkedom (htmlparser2) keeps its
 * open-element stack with unshift/shift, so each tag costs time in proportion to the depth: 100,000 nested
 * or unclosed <div>/<b> take minutes. Tags opened deeper than the cap are dropped with their end tags; their
 * text stays where it was. Pages within the cap are returned unchanged (the same string).
 */

/** Counted nesting depth past which start tags are dropped; real pages stay under 60. */
export const MAX_TAG_NESTING = 512;

/** Elements with no end tag. */
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'keygen', 'frame', 'basefont', 'isindex', 'image']);
/** Elements the parser closes when a sibling opens (optional end tags): they never nest deep, so they are not counted. */
const SELF_CLOSING_BY_SIBLING = new Set(['p', 'li', 'dt', 'dd', 'option', 'optgroup', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot', 'rp', 'rt', 'html', 'head', 'body']);
/** Elements whose content is raw text up to their end tag: tags inside are not tags. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'noscript', 'plaintext']);

/** What capping did: the HTML to parse, how many start tags it holds and how many were dropped. */
export interface CappedHtml {
  html: string;
  startTags: number;
  droppedTags: number;
}

/** Drops start tags (and their end tags) nested deeper than `maxDepth` and counts start tags; linear in the length of `html`. */
export function capNesting(html: string, maxDepth: number = MAX_TAG_NESTING): CappedHtml {
  // Open counted elements, innermost last; `kept` says whether the start tag was written out.
  const names: string[] = [];
  const kept: boolean[] = [];
  const openCount = new Map<string, number>();
  const out: string[] = [];
  let copiedTo = 0;
  let dropped = 0;
  let startTags = 0;
  let i = html.indexOf('<');
  while (i !== -1 && i < html.length) {
    const next = html.charCodeAt(i + 1);
    if (html.startsWith('<!--', i)) {
      const end = html.indexOf('-->', i + 4);
      i = end === -1 ? -1 : html.indexOf('<', end + 3);
      continue;
    }
    if (next === 33 /* ! */ || next === 63 /* ? */) {
      const end = html.indexOf('>', i + 2);
      i = end === -1 ? -1 : html.indexOf('<', end + 1);
      continue;
    }
    const closing = next === 47; /* / */
    const tag = readTag(html, closing ? i + 2 : i + 1);
    if (!tag) {
      i = html.indexOf('<', i + 1);
      continue;
    }
    const name = tag.name;
    const end = tag.end; // index after '>'
    if (!closing) {
      startTags++;
      if (RAW_TEXT.has(name)) {
        // Skip to its end tag (searched without case, from here on only, to stay linear).
        const closeTag = new RegExp(`</${name}`, 'gi');
        closeTag.lastIndex = end;
        i = closeTag.exec(html)?.index ?? -1;
        continue;
      }
      // Inside SVG and MathML, `<path/>` closes itself, as the parser reads it there.
      const selfClosed = html.charCodeAt(end - 2) === 47 && ((openCount.get('svg') ?? 0) > 0 || (openCount.get('math') ?? 0) > 0);
      if (!VOID.has(name) && !SELF_CLOSING_BY_SIBLING.has(name) && !selfClosed) {
        const keep = names.length < maxDepth;
        names.push(name);
        kept.push(keep);
        openCount.set(name, (openCount.get(name) ?? 0) + 1);
        if (!keep) {
          out.push(html.slice(copiedTo, i));
          copiedTo = end;
          dropped++;
        }
      }
    } else if ((openCount.get(name) ?? 0) > 0) {
      // The parser closes everything up to the innermost open element of that name.
      let matchKept = true;
      for (;;) {
        const top = names.pop()!;
        const wasKept = kept.pop()!;
        openCount.set(top, openCount.get(top)! - 1);
        if (top === name) {
          matchKept = wasKept;
          break;
        }
      }
      if (!matchKept) {
        out.push(html.slice(copiedTo, i));
        copiedTo = end;
      }
    }
    i = html.indexOf('<', end);
  }
  if (!dropped) return { html, startTags, droppedTags: 0 };
  out.push(html.slice(copiedTo));
  return { html: out.join(''), startTags, droppedTags: dropped };
}

/** Reads a tag name and skips its attributes (quoted values may hold '>'); undefined when this '<' starts no tag. */
function readTag(html: string, start: number): { name: string; end: number } | undefined {
  const first = html.charCodeAt(start);
  const letter = (first >= 65 && first <= 90) || (first >= 97 && first <= 122);
  if (!letter) return undefined;
  let j = start;
  while (j < html.length && !/[\s/>]/.test(html[j])) j++;
  const name = html.slice(start, j).toLowerCase();
  while (j < html.length) {
    const c = html[j];
    if (c === '>') return { name, end: j + 1 };
    if (c === '=') {
      j++;
      while (j < html.length && /\s/.test(html[j])) j++;
      const quote = html[j];
      if (quote === '"' || quote === "'") {
        const close = html.indexOf(quote, j + 1);
        j = close === -1 ? html.length : close + 1;
        continue;
      }
    }
    j++;
  }
  return { name, end: html.length };
}
