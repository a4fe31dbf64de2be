/** Typed calls to the Triangulate API (the shapes mirror src/server/api-schemas.ts). */

export type Status = 'contested' | 'single-origin' | 'unconfirmed' | 'denied' | 'unsupported' | 'corroborated';
export const STATUS_ORDER: Status[] = ['contested', 'single-origin', 'unconfirmed', 'denied', 'unsupported', 'corroborated'];

export interface StorySummary { id: string; label: string; articles: number; origins: number; propositions: number; contested: number; latest: string | null }
export interface ArticleSummary { id: string; title: string | null; site: string | null; published: string | null; source: { path?: string; url?: string; feed?: string }; story: string | null; origin: number | null }
export interface TimelineEntry { date: string; end?: string; kind: 'event' | 'figure'; text: string; claims: string[]; articles: string[]; proposition?: string }
export interface Story { id: string; label?: string; articles: string[]; origins?: string[][]; timeline?: TimelineEntry[] }
export interface StoryDetail { story: Story; summary: StorySummary; articles: ArticleSummary[] }
export interface PropositionValue {
  value?: number; low?: number; high?: number; approx?: string; unit?: string; text: string; claims: string[]; speakers: string[];
  origins: number; originChains: string[]; firstSeen: string | null; lastSeen: string | null; hedged?: boolean; hedges?: string[]; unsupported?: boolean;
}
export interface TrajectoryPoint { date: string | null; value: string; claim: string; article: string; speaker: string | null; origin: string; change: string }
export interface Proposition {
  id: string; story: string; label: string; kind: 'figure' | 'date' | 'event'; status: Status; reasons: string[]; origins: number; articles: number;
  values: PropositionValue[]; trajectory: TrajectoryPoint[]; claims: string[];
}
export interface Claim {
  id: string; article: string; start: number; end: number; text: string; kind: string; subject?: string;
  attribution?: { speaker: string | null; cue: string; via?: string; anonymous?: boolean }; hedge?: string; unsupported?: boolean;
}
export interface Ledger { story: string; propositions: Proposition[]; claims: Claim[] }
export interface Trajectory { proposition: string; label: string; status: Status; values: { text: string; value?: number }[]; points: TrajectoryPoint[] }
export interface Timeline { story: string; timeline: TimelineEntry[]; trajectories: Trajectory[] }
export interface Link { from: string; to: string; kind: string; score: number; direction: string; passages: { from: [number, number]; to: [number, number] }[]; evidence: unknown[] }
export interface Graph { story: string; nodes: ArticleSummary[]; links: Link[]; origins: string[][] }
export interface LayerSpan { start: number; end: number; attrs: Record<string, string | number | boolean>; parts: Record<string, [number, number]> }
export interface ArticleDetail {
  id: string; title: string | null; published: string | null; site?: string | null; byline?: string | null; language: string | null;
  source: { path?: string; url?: string; feed?: string }; text: string; dropped: { text: string; reason: string }[];
  additions?: { start: number; end: number; reason: string }[]; story: string | null; layers: Record<string, LayerSpan[]>; claims: Claim[]; links: Link[];
}
export interface Compare { derivative: string; origin: string; link: Link; pairs: { from: [number, number]; to: [number, number]; similarity: number }[] }
export interface Failure { input: string; ruleId: string; reason: string; at: string }
export interface Job { id: string; kind: string; status: 'queued' | 'running' | 'done' | 'failed'; added: number; duplicates: number; failed: number; error: string | null }
export interface JobEvent { seq: number; type: string; input?: string; title?: string; reason?: string; ruleId?: string; stage?: string; ran?: number; status?: string }

/** An API error with the server's message. */
export class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

async function get<T>(path: string): Promise<T> {
  const res = await fetch(path, { headers: { accept: 'application/json' } });
  const body = await res.json().catch(() => ({ error: res.statusText }));
  if (!res.ok) throw new ApiError(res.status, body.error ?? res.statusText);
  return body as T;
}

const cache = new Map<string, Promise<unknown>>();

/** GET with a per-page-load cache: views that share data (story, ledger, articles) fetch it once. */
export function load<T>(path: string): Promise<T> {
  if (!cache.has(path)) {
    const p = get<T>(path);
    p.catch(() => cache.delete(path));
    cache.set(path, p);
  }
  return cache.get(path) as Promise<T>;
}

/** Forgets every cached answer (after an ingest or analysis changed the store). */
export function clearCache(): void {
  cache.clear();
}

const enc = encodeURIComponent;
export const api = {
  stories: () => load<StorySummary[]>('/api/stories'),
  story: (id: string) => load<StoryDetail>(`/api/stories/${enc(id)}`),
  ledger: (id: string) => load<Ledger>(`/api/stories/${enc(id)}/propositions`),
  timeline: (id: string) => load<Timeline>(`/api/stories/${enc(id)}/timeline`),
  graph: (id: string) => load<Graph>(`/api/stories/${enc(id)}/graph`),
  article: (id: string) => load<ArticleDetail>(`/api/articles/${enc(id)}`),
  failures: () => load<Failure[]>('/api/failures'),
  compare: (from: string, to: string) => load<Compare>(`/api/articles/${enc(from)}/compare/${enc(to)}`),
};

/** Sends a write request with the token; answers the queued job. */
export async function submit(path: string, token: string, body: BodyInit, json: boolean): Promise<Job> {
  const headers: Record<string, string> = { authorization: `Bearer ${token}` };
  if (json) headers['content-type'] = 'application/json';
  const res = await fetch(path, { method: 'POST', headers, body });
  const out = await res.json().catch(() => ({ error: res.statusText }));
  if (!res.ok) throw new ApiError(res.status, out.error ?? res.statusText);
  return out as Job;
}
