/** Read-only routes: stories, ledgers, timelines, graphs, articles, entities, failures. */
import type { Context } from 'hono';
import { z } from 'zod';
import { EntitySchema } from '../../report/export-schema.js';
import {
  ArticleDetailSchema,
  ArticleSummarySchema,
  CompareSchema,
  FailureSchema,
  GraphSchema,
  LedgerSchema,
  StoryDetailSchema,
  StorySummarySchema,
  TimelineSchema,
} from '../api-schemas.js';
import type { ApiData } from '../data.js';
import { notFound, param, parseOr400, type Route } from './route.js';

const STORY_PARAM = { id: 'Story id, or an unambiguous prefix of it.' };
/** A page of a long list; the total is in the `X-Total-Count` header. */
const Paging = {
  offset: z.coerce.number().int().min(0).optional().describe('Skip this many (after any filter).'),
  limit: z.coerce.number().int().min(1).max(100_000).optional().describe('At most this many (default: all).'),
};
const StoryQuery = z.object({ q: z.string().max(200).optional().describe('Only stories whose label contains this text (any case).'), ...Paging });
const ArticleQuery = z.object(Paging);

/** The page asked for, with the count before paging in `X-Total-Count`. */
function page<T>(c: Context, all: T[], { offset = 0, limit }: { offset?: number; limit?: number }): Response {
  c.header('X-Total-Count', String(all.length));
  return c.json(all.slice(offset, limit === undefined ? undefined : offset + limit));
}
const EntityQuery = z.object({ story: z.string().max(100).optional().describe('Only entities mentioned in this story.') });

export function readRoutes(data: ApiData): Route[] {
  const story = async (id: string) => (await data.story(id)) ?? notFound('story', id);
  return [
    {
      method: 'get',
      path: '/api/stories',
      tag: 'stories',
      summary: 'Stories with their article, independent-origin and contested-proposition counts and latest update.',
      query: StoryQuery,
      response: z.array(StorySummarySchema),
      handle: async (c) => {
        const { q, ...paging } = parseOr400(StoryQuery, c.req.query(), 'query');
        const all = await data.stories();
        const needle = q?.trim().toLowerCase();
        return page(c, needle ? all.filter((s) => s.label.toLowerCase().includes(needle)) : all, paging);
      },
    },
    {
      method: 'get',
      path: '/api/stories/:id',
      tag: 'stories',
      summary: 'One story: its articles, origin groups, timeline and counts.',
      params: STORY_PARAM,
      response: StoryDetailSchema,
      handle: async (c) => c.json(await data.storyDetail(await story(param(c, 'id')))),
    },
    {
      method: 'get',
      path: '/api/stories/:id/propositions',
      tag: 'stories',
      summary: "The story's ledger: propositions contested first, each value with speakers, origins and chains, plus the claims behind them.",
      params: STORY_PARAM,
      response: LedgerSchema,
      handle: async (c) => c.json(await data.ledger(await story(param(c, 'id')))),
    },
    {
      method: 'get',
      path: '/api/stories/:id/timeline',
      tag: 'stories',
      summary: "The story's dated events and the trajectory of each figure over time.",
      params: STORY_PARAM,
      response: TimelineSchema,
      handle: async (c) => c.json(await data.timeline(await story(param(c, 'id')))),
    },
    {
      method: 'get',
      path: '/api/stories/:id/graph',
      tag: 'stories',
      summary: 'The provenance graph: who copied or rewrote whom, and the independent-origin groups.',
      params: STORY_PARAM,
      response: GraphSchema,
      handle: async (c) => c.json(await data.graph(await story(param(c, 'id')))),
    },
    {
      method: 'get',
      path: '/api/stories/:id/report',
      tag: 'stories',
      summary: 'The story as one self-contained HTML file to send (ledger, trajectories, graph, copies), as `export --format html` writes it.',
      params: STORY_PARAM,
      html: true,
      response: z.string(),
      handle: async (c) => {
        const s = await story(param(c, 'id'));
        // A download, opened from disk under the file's own CSP: its inline style is not served as a page of this site.
        return c.body(await data.report(s), 200, {
          'content-type': 'text/html; charset=utf-8',
          'content-disposition': `attachment; filename="triangulate-${s.id.replace(/[^\w-]/g, '')}.html"`,
        });
      },
    },
    {
      method: 'get',
      path: '/api/articles',
      tag: 'articles',
      summary: 'Every stored article: title, outlet, date, source, story and origin group.',
      query: ArticleQuery,
      response: z.array(ArticleSummarySchema),
      handle: async (c) => page(c, await data.articles(), parseOr400(ArticleQuery, c.req.query(), 'query')),
    },
    {
      method: 'get',
      path: '/api/articles/:id',
      tag: 'articles',
      summary: 'One article: cleaned text, every annotation layer, its claims, reuse links and dropped boilerplate with reasons.',
      params: { id: 'Article id, or an unambiguous prefix of it.' },
      response: ArticleDetailSchema,
      handle: async (c) => c.json((await data.article(param(c, 'id'))) ?? notFound('article', param(c, 'id'))),
    },
    {
      method: 'get',
      path: '/api/articles/:id/compare/:origin',
      tag: 'articles',
      summary: 'A derivative beside its origin: reused passages and paraphrased sentence pairs, for the side-by-side view.',
      params: { id: 'Id of the derived article.', origin: 'Id of the article it derives from.' },
      response: CompareSchema,
      handle: async (c) => c.json((await data.compare(param(c, 'id'), param(c, 'origin'))) ?? notFound('reuse link from', `${param(c, 'id')} to ${param(c, 'origin')}`)),
    },
    {
      method: 'get',
      path: '/api/entities',
      tag: 'analysis',
      summary: 'Resolved entities with their aliases and mentions.',
      query: EntityQuery,
      response: z.array(EntitySchema),
      handle: async (c) => {
        const { story: id } = parseOr400(EntityQuery, c.req.query(), 'query');
        return c.json(await data.entities(id ? await story(id) : undefined));
      },
    },
    {
      method: 'get',
      path: '/api/failures',
      tag: 'analysis',
      summary: 'Inputs that could not be read or extracted, each with its rule id and reason.',
      response: z.array(FailureSchema),
      handle: async (c) => c.json((await data.failures()).map(({ input, ruleId, reason, at }) => ({ input, ruleId, reason, at }))),
    },
  ];
}
