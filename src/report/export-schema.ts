/**
 * The JSON export contract, versioned. `docs/export.schema.json` is generated from this file
 * (`npm run schema`) and a test keeps the two in step.
 */
import { z } from 'zod';

export const EXPORT_VERSION = '1.1.0';

const offsets = z.tuple([z.number().int().nonnegative(), z.number().int().nonnegative()]);

export const DroppedPieceSchema = z.object({
  text: z.string(),
  reason: z.string().describe('Why it was dropped, `area:rule`, e.g. `boilerplate:donation-appeal`.'),
});

export const MessageSchema = z.object({
  ruleId: z.string(),
  source: z.string(),
  severity: z.enum(['info', 'warning', 'fatal']),
  reason: z.string(),
});

export const ExportArticleSchema = z.object({
  id: z.string(),
  source: z.object({ path: z.string().optional(), url: z.string().optional(), feed: z.string().optional() }),
  title: z.string().nullable(),
  published: z.string().nullable().describe('ISO 8601 publication date or date-time, when known.'),
  language: z.string().nullable(),
  site: z.string().nullable().optional(),
  byline: z.string().nullable().optional(),
  text: z.string().describe('Cleaned main text; every offset in this export points into it.'),
  dropped: z.array(DroppedPieceSchema),
  additions: z
    .array(z.object({ start: z.number().int(), end: z.number().int(), reason: z.string() }))
    .optional()
    .describe('Passages of a derived article found neither in its origin nor elsewhere in the story.'),
  messages: z.array(MessageSchema).optional(),
});

export const TimelineEntrySchema = z.object({
  date: z.string().describe('ISO date (YYYY, YYYY-MM or YYYY-MM-DD) the entry is dated to.'),
  end: z.string().optional().describe('Last day, when the entry spans an interval.'),
  kind: z.enum(['event', 'figure']).describe('`event`: a dated claim; `figure`: a value of a proposition first seen that day.'),
  text: z.string(),
  claims: z.array(z.string()),
  articles: z.array(z.string()),
  proposition: z.string().optional(),
});

export const StorySchema = z.object({
  id: z.string(),
  label: z.string().optional(),
  articles: z.array(z.string()),
  origins: z.array(z.array(z.string())).optional().describe('Independent-origin groups of article ids.'),
  timeline: z.array(TimelineEntrySchema).optional().describe('Dated events of the story and when each value of a proposition first appeared.'),
});

export const LinkSchema = z.object({
  from: z.string().describe('Derived article id.'),
  to: z.string().describe('Origin article id.'),
  kind: z.enum(['duplicate', 'copy', 'partial', 'rewrite', 'translation', 'shared-source']),
  score: z.number(),
  direction: z.enum(['known', 'inferred', 'unknown']),
  passages: z.array(z.object({ from: offsets, to: offsets })),
  evidence: z.array(z.unknown()),
});

export const EntitySchema = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  aliases: z.array(z.string()),
  mentions: z.array(z.object({ article: z.string(), start: z.number().int(), end: z.number().int() })),
});

export const ClaimSchema = z.object({
  id: z.string(),
  article: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  text: z.string(),
  kind: z.enum(['quantity', 'event', 'quote', 'statement']),
  subject: z.string().optional(),
  quantity: z
    .object({
      value: z.number(),
      low: z.number().optional(),
      high: z.number().optional(),
      approx: z.string().optional(),
      unit: z.string().optional(),
    })
    .optional(),
  time: z.object({ start: z.string().nullable(), end: z.string().nullable(), text: z.string() }).optional(),
  attribution: z
    .object({ speaker: z.string().nullable(), cue: z.string(), via: z.string().optional(), anonymous: z.boolean().optional() })
    .optional(),
  hedge: z.string().optional(),
  negated: z.boolean().optional(),
  opinion: z.boolean().optional(),
  unsupported: z
    .boolean()
    .optional()
    .describe('True when the claim lies in an unsupported addition: a derived article added it and no other article of the story supports it.'),
});

export const PROPOSITION_STATUSES = ['contested', 'single-origin', 'unconfirmed', 'denied', 'unsupported', 'corroborated'] as const;

export const PropositionValueSchema = z.object({
  value: z.number().optional().describe('Central figure.'),
  low: z.number().optional(),
  high: z.number().optional(),
  approx: z.string().optional().describe('How the figure was hedged: about, nearly, up-to, at-least, at-most, several, exact.'),
  unit: z.string().optional(),
  date: z
    .object({ from: z.string(), to: z.string(), grain: z.string(), bound: z.string().optional() })
    .optional()
    .describe('For dated events: the interval stated.'),
  asserted: z.boolean().optional().describe('For claims without a figure or date: false when denied or not confirmed.'),
  text: z.string().describe('The value as a person would write it: "up to 12,000".'),
  claims: z.array(z.string()),
  speakers: z.array(z.string()),
  origins: z.number().int().describe('Independent origins behind this value (not articles).'),
  originChains: z.array(z.string()).describe('How the value reached each article: "Budanov → The War Zone → outlet".'),
  firstSeen: z.string().nullable(),
  lastSeen: z.string().nullable(),
  hedged: z.boolean().optional(),
  hedges: z.array(z.string()).optional(),
  unsupported: z.boolean().optional().describe('Every report of this value lies in an unsupported addition of a derivative.'),
});

export const TrajectoryPointSchema = z.object({
  date: z.string().nullable().describe('Statement date when the text gives one, else the publication date.'),
  value: z.string(),
  claim: z.string(),
  article: z.string(),
  speaker: z.string().nullable(),
  origin: z.string().describe('Label of the independent origin.'),
  change: z
    .enum(['first', 'repeat', 'update', 'rival', 'derivative-change'])
    .describe('`update`: the same origin changed its figure; `rival`: another origin gave another value; `derivative-change`: a copy or rewrite changed its origin\'s value.'),
});

export const PropositionSchema = z.object({
  id: z.string(),
  story: z.string(),
  label: z.string(),
  kind: z.enum(['figure', 'date', 'event']),
  thing: z.string().optional().describe('Class of the counted thing, e.g. `personnel`, `people:killed`.'),
  subject: z.string().optional(),
  scope: z.record(z.string(), z.string()).describe('Qualifiers that narrow what is counted: group, formation, role, kind, place, stage, until.'),
  status: z.enum(PROPOSITION_STATUSES),
  reasons: z.array(z.string()),
  origins: z.number().int().describe('Independent origins behind the proposition.'),
  articles: z.number().int(),
  values: z.array(PropositionValueSchema),
  trajectory: z.array(TrajectoryPointSchema),
  claims: z.array(z.string()),
});

export const ExportSchema = z.object({
  version: z.literal(EXPORT_VERSION),
  generatedAt: z.string().optional(),
  articles: z.array(ExportArticleSchema),
  stories: z.array(StorySchema),
  links: z.array(LinkSchema),
  origins: z.array(z.array(z.string())).optional(),
  entities: z.array(EntitySchema),
  claims: z.array(ClaimSchema),
  propositions: z.array(PropositionSchema).describe('Claims of each story aligned across sources: values, origins, status, trajectory.'),
});

export type ExportDocument = z.infer<typeof ExportSchema>;
export type ExportArticle = z.infer<typeof ExportArticleSchema>;
export type ExportLink = z.infer<typeof LinkSchema>;
export type ExportEntity = z.infer<typeof EntitySchema>;
export type ExportClaim = z.infer<typeof ClaimSchema>;
export type ExportStory = z.infer<typeof StorySchema>;
export type ExportProposition = z.infer<typeof PropositionSchema>;
export type ExportPropositionValue = z.infer<typeof PropositionValueSchema>;
export type TrajectoryPoint = z.infer<typeof TrajectoryPointSchema>;
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;
export type PropositionStatus = (typeof PROPOSITION_STATUSES)[number];
