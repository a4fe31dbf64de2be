/** Text flattened to one line and cut to `maxChars` with an ellipsis: how labels, cells and timelines quote a source. */
export function excerpt(text: string, maxChars: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > maxChars ? `${flat.slice(0, maxChars - 1)}…` : flat;
}
