import type { SourceParagraph } from './paragraph.js';

/** Longest first line (chars / words) taken as a title. */
export const MAX_TITLE_CHARS = 200;
export const MAX_TITLE_WORDS = 30;
/** A title's next paragraph is longer by at least this factor when no blank line follows it. */
export const TITLE_NEXT_LONGER_RATIO = 1.5;
/** Lines per block and width spread (ratio) from which a block is hard-wrapped prose. */
export const MIN_WRAPPED_LINES = 3;
export const MAX_WRAP_WIDTH_SPREAD_RATIO = 0.35;
export const MIN_WRAP_WIDTH_CHARS = 40;

interface Line {
  text: string;
  start: number;
  end: number;
}

/** Paragraphs of a text/markdown body with offsets into it, plus the title line when there is one. */
export interface TextParagraphs {
  paragraphs: SourceParagraph[];
  title?: string;
}

function splitLines(body: string): Line[] {
  const lines: Line[] = [];
  const re = /[^\r\n]*(?:\r\n|\r|\n|$)/g;
  for (let m = re.exec(body); m && m[0].length; m = re.exec(body)) {
    const raw = m[0].replace(/[\r\n]+$/, '');
    const lead = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    lines.push({ text: trimmed, start: m.index + lead, end: m.index + lead + trimmed.length });
  }
  return lines;
}

function isHardWrapped(block: readonly Line[]): boolean {
  if (block.length < MIN_WRAPPED_LINES) return false;
  const widths = block.slice(0, -1).map((l) => l.text.length);
  const max = Math.max(...widths);
  const min = Math.min(...widths);
  // Wrapped lines mostly stop mid-sentence; one-paragraph-per-line text mostly ends each line with punctuation.
  const ended = block.slice(0, -1).filter((l) => /[.!?…"”]$/.test(l.text)).length;
  return min >= MIN_WRAP_WIDTH_CHARS && (max - min) / max <= MAX_WRAP_WIDTH_SPREAD_RATIO && ended < widths.length / 2;
}

const MD_HEADING_RE = /^#{1,6}\s+/;
const MD_LIST_RE = /^(?:[-*+•]|\d{1,3}[.)])\s+/;
const MD_RULE_RE = /^(?:[-*_]\s*){3,}$/;
const MD_SETEXT_RE = /^(?:=+|-+)$/;

/** Strips markdown markup from one line, leaving its text. */
export function stripMarkdown(line: string): string {
  return line
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/<\/?[a-z][^>]*>/gi, '')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[^\p{L}\p{N}*_])([*_])(?=\S)(.+?)(?<=\S)\2(?![\p{L}\p{N}])/gu, '$1$3')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/~~(.+?)~~/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

function looksLikeTitle(first: SourceParagraph, next: SourceParagraph | undefined, blankAfter: boolean, markdownHeading: boolean): boolean {
  if (markdownHeading) return true;
  const words = first.text.split(/\s+/).length;
  if (first.text.length > MAX_TITLE_CHARS || words > MAX_TITLE_WORDS) return false;
  if (/[.,;:]$/.test(first.text) && !/\.\.\.$/.test(first.text)) return false;
  if (!next) return false;
  return blankAfter || next.text.length >= first.text.length * TITLE_NEXT_LONGER_RATIO;
}

/**
 * Cuts a text or markdown body into paragraphs (blank lines, else one line each unless the block
 * is hard-wrapped prose), strips markdown, and takes the first line as title when it looks like one.
 */
export function collectTextParagraphs(body: string, markdown: boolean): TextParagraphs {
  const lines = splitLines(body);
  const blocks: Line[][] = [];
  let block: Line[] = [];
  const blankAfterBlock: boolean[] = [];
  for (const line of lines) {
    if (!line.text) {
      if (block.length) {
        blocks.push(block);
        blankAfterBlock.push(true);
        block = [];
      }
      continue;
    }
    block.push(line);
  }
  if (block.length) {
    blocks.push(block);
    blankAfterBlock.push(false);
  }

  const paragraphs: SourceParagraph[] = [];
  const blankAfter: boolean[] = [];
  const mdHeading: boolean[] = [];
  for (const [b, lines_] of blocks.entries()) {
    let group: Line[] = [];
    const emit = (heading: boolean, listItem: boolean, quote: boolean) => {
      if (!group.length) return;
      const raw = group.map((l) => l.text).join(' ');
      const text = markdown ? stripMarkdown(raw.replace(MD_HEADING_RE, '').replace(MD_LIST_RE, '').replace(/^>\s?/, '')) : raw.replace(/\s+/g, ' ');
      if (text) {
        const p: SourceParagraph = { text, start: group[0].start, end: group[group.length - 1].end };
        if (heading) p.heading = true;
        if (listItem) p.listItem = true;
        if (quote) p.quote = true;
        paragraphs.push(p);
        blankAfter.push(false);
        mdHeading.push(heading);
      }
      group = [];
    };
    const wrapped = isHardWrapped(lines_);
    for (const [i, line] of lines_.entries()) {
      if (markdown && (MD_RULE_RE.test(line.text) || MD_SETEXT_RE.test(line.text))) {
        // A setext underline makes the line above a heading.
        if (MD_SETEXT_RE.test(line.text) && group.length === 1 && i === 1) {
          emit(true, false, false);
          continue;
        }
        emit(false, false, false);
        continue;
      }
      const heading = markdown && MD_HEADING_RE.test(line.text);
      const listItem = MD_LIST_RE.test(line.text);
      const quote = markdown && line.text.startsWith('>');
      if (wrapped && !heading && !listItem) {
        group.push(line);
        continue;
      }
      emit(false, false, false);
      group.push(line);
      emit(heading, listItem, quote);
    }
    emit(false, false, false);
    if (blankAfter.length) blankAfter[blankAfter.length - 1] = blankAfterBlock[b];
  }

  if (paragraphs.length >= 2 && looksLikeTitle(paragraphs[0], paragraphs[1], blankAfter[0], mdHeading[0])) {
    return { paragraphs: paragraphs.slice(1), title: paragraphs[0].text };
  }
  return { paragraphs };
}
