/**
 * The JSON export contract, versioned. `docs/export.schema.json` is generated from this file
 * (`npm run schema`) and a test keeps the two in step.
 */
import { z } from 'zod';

export const EXPORT_VERSION = '1.0.0';

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

export const StorySchema = z.object({
  id: z.string(),
  label: z.string().optional(),
  articles: z.array(z.string()),
  origins: z.array(z.array(z.string())).optional().describe('Independent-origin groups of article ids.'),
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

export const ExportSchema = z.object({
  version: z.literal(EXPORT_VERSION),
  generatedAt: z.string().optional(),
  articles: z.array(ExportArticleSchema),
  stories: z.array(StorySchema),
  links: z.array(LinkSchema),
  origins: z.array(z.array(z.string())).optional(),
  entities: z.array(EntitySchema),
  claims: z.array(ClaimSchema),
  propositions: z.array(z.unknown()).describe('Filled by claim alignment (a later issue).'),
});

export type ExportDocument = z.infer<typeof ExportSchema>;
export type ExportArticle = z.infer<typeof ExportArticleSchema>;
export type ExportLink = z.infer<typeof LinkSchema>;
export type ExportEntity = z.infer<typeof EntitySchema>;
export type ExportClaim = z.infer<typeof ClaimSchema>;
export type ExportStory = z.infer<typeof StorySchema>;
