/**
 * Response and request shapes of the HTTP API, built from the export contract's zod schemas so that the
 * OpenAPI document, the JSON export and the handlers share one description.
 */
import { z } from 'zod';
import {
  ClaimSchema,
  EntitySchema,
  ExportArticleSchema,
  LinkSchema,
  PropositionSchema,
  StorySchema,
  TimelineEntrySchema,
  TrajectoryPointSchema,
} from '../report/export-schema.js';

/** Most URLs one ingest request may list. */
export const MAX_URLS_PER_REQUEST = 500;

export const ErrorSchema = z.object({ error: z.string().describe('What was wrong, naming the input or parameter.') });

export const StorySummarySchema = z.object({
  id: z.string(),
  label: z.string(),
  articles: z.number().int().describe('Articles in the story.'),
  origins: z.number().int().describe('Independent origins among them (ten reposts of one report count once).'),
  propositions: z.number().int(),
  contested: z.number().int().describe('Propositions whose independent origins disagree.'),
  latest: z.string().nullable().describe('Latest publication date among its articles.'),
});

export const ArticleSummarySchema = z.object({
  id: z.string(),
  title: z.string().nullable(),
  site: z.string().nullable(),
  published: z.string().nullable(),
  source: ExportArticleSchema.shape.source,
  story: z.string().nullable(),
  origin: z.number().int().nullable().describe('Index of the independent-origin group in its story.'),
});

export const StoryDetailSchema = z.object({
  story: StorySchema,
  summary: StorySummarySchema,
  articles: z.array(ArticleSummarySchema),
});

export const LedgerSchema = z.object({
  story: z.string(),
  propositions: z.array(PropositionSchema).describe('Contested first, then single-origin, unconfirmed, denied, unsupported, corroborated.'),
  claims: z.array(ClaimSchema).describe('Every claim the propositions point at, with its sentence and offsets.'),
});

export const TrajectorySchema = z.object({
  proposition: z.string(),
  label: z.string(),
  status: PropositionSchema.shape.status,
  values: z.array(z.object({ text: z.string(), value: z.number().optional() })),
  points: z.array(TrajectoryPointSchema),
});

export const TimelineSchema = z.object({
  story: z.string(),
  timeline: z.array(TimelineEntrySchema),
  trajectories: z.array(TrajectorySchema).describe('Figures whose value was reported on dates, one per proposition.'),
});

export const GraphSchema = z.object({
  story: z.string(),
  nodes: z.array(ArticleSummarySchema),
  links: z.array(LinkSchema).describe('`from` derives from `to`.'),
  origins: z.array(z.array(z.string())).describe('Independent-origin groups of article ids.'),
});

export const LayerSpanSchema = z.object({
  start: z.number().int(),
  end: z.number().int(),
  attrs: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).describe('Scalar fields of the annotation (type, value, cue, …).'),
  parts: z.record(z.string(), z.tuple([z.number().int(), z.number().int()])).describe('Sub-spans of the annotation (speaker, cue, scope, …).'),
});

export const ArticleDetailSchema = ExportArticleSchema.extend({
  story: z.string().nullable(),
  layers: z.record(z.string(), z.array(LayerSpanSchema)).describe('Every annotation layer (sentence, entity, quantity, date, attribution, modality, …) as offsets into `text`.'),
  claims: z.array(ClaimSchema),
  links: z.array(LinkSchema).describe('Reuse links this article takes part in, either side.'),
});

const offsets = z.tuple([z.number().int(), z.number().int()]);

export const CompareSchema = z.object({
  derivative: z.string(),
  origin: z.string(),
  link: LinkSchema,
  pairs: z
    .array(z.object({ from: offsets, to: offsets, similarity: z.number().describe('1 for a verbatim passage; term overlap (Jaccard) for a paraphrased sentence.') }))
    .describe("Reused passages and paraphrased sentence pairs, in the derivative's order: `from` in the derivative, `to` in the origin."),
});

export const FailureSchema = z.object({
  input: z.string(),
  ruleId: z.string(),
  reason: z.string(),
  at: z.string(),
});

export const IngestRequestSchema = z.object({
  urls: z
    .array(z.url({ protocol: /^https?$/, hostname: z.regexes.hostname }))
    .max(MAX_URLS_PER_REQUEST)
    .default([])
    .describe('Article or feed URLs (http or https), fetched through the SSRF guard.'),
  analyze: z.boolean().default(true).describe('Run the analysis once the inputs are stored.'),
});

export const JobSchema = z.object({
  id: z.string(),
  kind: z.enum(['ingest', 'analyze']),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  created: z.string(),
  finished: z.string().nullable(),
  added: z.number().int(),
  duplicates: z.number().int(),
  failed: z.number().int(),
  error: z.string().nullable(),
});

export const JobEventSchema = z.object({
  seq: z.number().int(),
  type: z.enum(['added', 'duplicate', 'failed', 'warning', 'stage', 'status']),
  input: z.string().optional().describe('The input as given (URL or uploaded file).'),
  id: z.string().optional().describe('The stored article; for a duplicate, the one already stored.'),
  title: z.string().optional(),
  reason: z.string().optional(),
  ruleId: z.string().optional(),
  stage: z.string().optional(),
  ran: z.number().int().optional(),
  status: JobSchema.shape.status.optional(),
});

export const EntityListSchema = z.array(EntitySchema);

export type StorySummary = z.infer<typeof StorySummarySchema>;
export type ArticleSummary = z.infer<typeof ArticleSummarySchema>;
export type ArticleDetail = z.infer<typeof ArticleDetailSchema>;
export type LayerSpan = z.infer<typeof LayerSpanSchema>;
export type Compare = z.infer<typeof CompareSchema>;
export type Job = z.infer<typeof JobSchema>;
export type JobEvent = z.infer<typeof JobEventSchema>;
