/** Small display helpers shared by the views. */
import type { ArticleSummary } from './api';

/** A name for an article a person can recognise: its title, else its file or URL, else its id. */
export function articleName(a: Pick<ArticleSummary, 'id' | 'title' | 'source'> | undefined, id = a?.id ?? ''): string {
  if (!a) return id.slice(0, 12);
  return a.title ?? a.source.path?.split('/').pop() ?? a.source.url ?? a.id.slice(0, 12);
}

/** A date or date-time as the day (and time when given), in UTC. */
export function shortDate(iso: string | null | undefined): string {
  if (!iso) return '—';
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}))?/.exec(iso);
  return m ? (m[2] ? `${m[1]} ${m[2]}` : m[1]) : iso;
}

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? word : many}`;
}

/** Colour-blind-safe palette (Okabe–Ito) for origin groups. */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#8a7a00', '#000000'];

/** A URL only when it is http(s): no javascript: or data: link from an input is ever rendered. */
export function safeHref(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}
