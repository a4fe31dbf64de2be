/**
 * The `claims/entities` stage: entity mentions found by the trained tagger (`tagger/`, an averaged
 * perceptron over CoNLL-2003 train) and typed finely by the rule tagger (gazetteers, head words,
 * titles, context cues: `entities-rules.ts`), whose output is also one of the tagger's features.
 */
import { z } from 'zod';
import type { Article } from '../core/article.js';
import type { Stage } from '../core/pipeline.js';
import type { StageFactory } from '../core/registry.js';
import type { Span } from '../core/span.js';
import { segmentSentences } from '../segment/sentences.js';
import { useConllLexicon } from './entities-known.js';
import { tagWithRules } from './entities-rules.js';
import { tagWithModel } from './entities-model.js';
import { sentenceTokens } from './entities-tokens.js';
import type { EntityMention } from './types.js';

declare module '../core/article.js' {
  interface LayerMap {
    entity: EntityMention;
  }
}

/** Options of `tagEntities`. */
export interface TagEntitiesOptions {
  /** Use the trained tagger (default true); false gives the rule tagger alone, as before it (ablation). */
  model?: boolean;
  /** Rules alone only: use the name statistics derived from CoNLL-2003 train (default true; off for ablation). */
  conllLexicon?: boolean;
}

/** Tags entity mentions in `text`, sentence by sentence; sentences default to `segmentSentences`. */
export function tagEntities(text: string, sentences?: Span[], options: TagEntitiesOptions = {}): EntityMention[] {
  const toks = sentenceTokens(text, sentences ?? segmentSentences(text));
  if (options.model === false && options.conllLexicon !== false) return tagWithRules(text, toks);
  // The tagger was trained on rule output without the CoNLL-train lexicon (which knows every training name), so it reads the same here.
  useConllLexicon(false);
  let rules: EntityMention[];
  try {
    rules = tagWithRules(text, toks);
  } finally {
    useConllLexicon(true);
  }
  return options.model === false ? rules : tagWithModel(toks, rules);
}

/** Options of the `claims/entities` stage. */
export interface EntitiesOptions {
  /** Keep mentions typed `other` (names with no type evidence). */
  keepOther?: boolean;
  /** `trained` (default): the trained tagger with the rules as features; `rules`: the rule tagger alone, as before it (ablation, benchmarks). */
  tagger?: 'trained' | 'rules';
}

/** Builds the `claims/entities` stage, which fills `layers.entity`. */
export function createEntitiesStage(options: EntitiesOptions = {}): Stage {
  const keepOther = options.keepOther ?? true;
  const tagOptions: TagEntitiesOptions = { model: options.tagger !== 'rules' };
  return {
    name: 'claims/entities',
    requires: ['layers.sentence'],
    produces: ['layers.entity'],
    run(article: Article): Article {
      const mentions = tagEntities(article.text, article.layers.sentence, tagOptions);
      article.layers.entity = keepOther ? mentions : mentions.filter((m) => m.type !== 'other');
      return article;
    },
  };
}

/** Default `claims/entities` stage. */
export const entitiesStage: Stage = createEntitiesStage();

const entitiesOptionsSchema = z.object({ keepOther: z.boolean().default(true), tagger: z.enum(['trained', 'rules']).default('trained') });

/** Registry factory for `claims/entities`. */
export const entitiesFactory: StageFactory<typeof entitiesOptionsSchema> = {
  name: 'claims/entities',
  // 5: wink's tokens no longer depend on the texts read before (stored results read with such tokens are redone once).
  version: 5,
  options: entitiesOptionsSchema,
  create: (options) => createEntitiesStage(options),
};
