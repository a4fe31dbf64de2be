/** Half-open range of UTF-16 code units into `Article.text`. */
export interface Span {
  start: number;
  end: number;
  label?: string;
}

/** Returns the text a span covers; spans never hold a copy of their text. */
export function textOf(article: { text: string }, span: Span): string {
  return article.text.slice(span.start, span.end);
}

/** True when two half-open spans share at least one code unit. */
export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** True when `inner` lies entirely inside `outer`. */
export function contains(outer: Span, inner: Span): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

/** Sorts spans by start, then by longer first, without mutating the input. */
export function sortSpans<T extends Span>(spans: readonly T[]): T[] {
  return [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
}
