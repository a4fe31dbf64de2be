/**
 * Attribution: who says something, with which cue, through which channel, and what is said.
 * A cue lexicon (lexicon/attribution.ts) finds reporting verbs and phrases; the structure around
 * each cue (subject before the verb, inverted "said X", "according to X", post-posed ", X said.",
 * quotes before or after) gives the speaker and the content. Reads wink POS tags for noun phrases.
 */
import { z } from 'zod';
import type { Article } from '../core/article.js';
import { addMessage } from '../core/message.js';
import type { Stage } from '../core/pipeline.js';
import type { StageFactory } from '../core/registry.js';
import type { Span } from '../core/span.js';
import { tokenizeShared, type WinkToken } from '../nlp/wink.js';
import {
  STATE_CUES,
  SOURCE_AFTER_CUES,
} from './lexicon/attribution.js';
import type { AttributionMention, EntityMention } from './types.js';
import { type Draft, type Ctx, FORM_TO_LEMMA, matchesPhrase } from './attribution-draft.js';
import { findQuotes, countQuoteMarks, trimContent } from './attribution-content.js';
import { isAnonymous } from './attribution-speaker.js';
import { attachChannel } from './attribution-channel.js';
import { resolveSpeakerReferents } from './attribution-referents.js';
import { combineWithTagger } from './attribution-model/combine.js';
import { retag, readColonHeadline, readColonQuote, readSourceAfterCue, readVerbCue, transcriptLabels } from './attribution-cues.js';

// Only cues whose first word is the token's can match: indexing them spares trying every cue at every token (lexicon order kept).
const CUES_BY_FIRST_WORD = new Map<string, Array<(typeof SOURCE_AFTER_CUES)[number]>>();
for (const cue of SOURCE_AFTER_CUES) {
  const first = cue.phrase.split(' ')[0];
  CUES_BY_FIRST_WORD.set(first, [...(CUES_BY_FIRST_WORD.get(first) ?? []), cue]);
}

export { findQuotes } from './attribution-content.js';
export { isAnonymous } from './attribution-speaker.js';

declare module '../core/article.js' {
  interface LayerMap {
    attribution: AttributionMention;
  }
}

/** How far apart two cues may be for one to sit in the other's content, in characters. */
const NESTING_WINDOW_CHARS = 1500;

export interface AttributionsOptions {
  /** Keep attributions whose speaker could not be found (cue and content only). */
  keepSpeakerless?: boolean;
  /** Combine the rules with the tagger trained on PolNeAR (default); false: the rules alone. */
  model?: boolean;
}

/** What the readers and the tagger share about one article: its tokens, sentences, quotes and entities. */
export interface Prepared {
  text: string;
  sentences: Span[];
  quotes: Span[];
  tokens: readonly WinkToken[];
  entities: EntityMention[];
  labels: ReadonlySet<string>;
}

/** Tokenises and re-tags the article once for the rules and the tagger. */
export function prepareAttributions(article: Article): Prepared {
  const text = article.text;
  return {
    text,
    sentences: article.layers.sentence ?? [{ start: 0, end: text.length }],
    quotes: findQuotes(text),
    tokens: retag(text, tokenizeShared(text)),
    entities: (article.layers as { entity?: EntityMention[] }).entity ?? [],
    labels: transcriptLabels(text),
  };
}

/** The reports the rules read, speakerless ones included (they are candidates the tagger may give a source). */
export function ruleDrafts(p: Prepared): Draft[] {
  const { text, tokens, sentences, quotes, entities, labels } = p;
  const drafts: Draft[] = [];
  const speakerless: Draft[] = [];
  let sentenceIndex = 0;
  let quoteIndex = 0;
  let colonSentence = -1;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    while (sentenceIndex < sentences.length - 1 && sentences[sentenceIndex].end <= token.start) sentenceIndex++;
    const sentence = sentences[sentenceIndex];
    // Quotes are sorted and disjoint, so one forward pointer answers "inside a quote?" in linear time.
    while (quoteIndex < quotes.length && quotes[quoteIndex].end <= token.start) quoteIndex++;
    const quote = quotes[quoteIndex];
    if (quote && quote.start < token.start && token.start < quote.end) continue;
    if (colonSentence !== sentenceIndex) {
      colonSentence = sentenceIndex;
      const draft = readColonHeadline({ text, tokens, sentence, quotes, entities, labels }, i);
      if (draft) drafts.push(draft);
    }
    const ctx: Ctx = { text, tokens, sentence, quotes, entities, labels };
    if (token.value === ':') {
      const draft = readColonQuote(ctx, i, drafts);
      if (draft) drafts.push(draft);
      continue;
    }
    const lower = token.normal;
    const phrase = CUES_BY_FIRST_WORD.get(lower)?.find((c) => matchesPhrase(tokens, i, c.phrase));
    if (phrase) {
      const draft = readSourceAfterCue(ctx, i, phrase.phrase, phrase.lemma, drafts);
      if (draft) drafts.push(draft);
      continue;
    }
    const lemma = FORM_TO_LEMMA.get(lower);
    if (!lemma || token.pos !== 'VERB') continue;
    const draft = readVerbCue(ctx, i, lemma, drafts);
    // Speakerless verb cues stay out of what later readers look back on, as they did before the tagger.
    if (draft) (draft.speaker ? drafts : speakerless).push(draft);
  }
  return [...drafts, ...speakerless];
}

/** Extracts attribution relations from one article's text and sentence layer. */
export function extractAttributions(article: Article, options: AttributionsOptions = {}): AttributionMention[] {
  const p = prepareAttributions(article);
  const { text, quotes, entities } = p;
  const ruled = ruleDrafts(p);
  const drafts = options.model === false ? ruled : combineWithTagger(p, ruled);
  const kept = options.keepSpeakerless ? drafts : drafts.filter((d) => d.speaker);

  for (const draft of kept) attachChannel(text, draft, quotes);
  const sorted = dropCuesInSpeakers(dropNestedStates(kept.sort((a, b) => a.cue.start - b.cue.start)));
  clipAtSameSpeakerCue(text, sorted);
  const mentions: AttributionMention[] = sorted.map((d) => toMention(text, d));
  resolveSpeakerReferents(text, mentions, entities);
  sorted.forEach((d, index) => {
    if (d.citedByCue === undefined) return;
    const outer = sorted.findIndex((o) => o.cue.start === d.citedByCue);
    if (outer >= 0) mentions[outer].citing = index;
  });
  return mentions;
}

/**
 * Drops a belief or intention cue inside what another source reports ("she said they want …"): it is part
 * of that content, not a separate source. Drafts are sorted by cue; neighbours are checked within a window.
 */
function dropNestedStates(drafts: Draft[]): Draft[] {
  const inside = (d: Draft, o: Draft) => o !== d && !STATE_CUES.has(o.cueLemma) && !!o.content && o.content.start <= d.cue.start && d.cue.end <= o.content.end;
  return drafts.filter((d, index) => {
    if (!STATE_CUES.has(d.cueLemma)) return true;
    for (let k = index - 1; k >= 0 && d.cue.start - drafts[k].cue.start < NESTING_WINDOW_CHARS; k--) if (inside(d, drafts[k])) return false;
    for (let k = index + 1; k < drafts.length && drafts[k].cue.start - d.cue.start < NESTING_WINDOW_CHARS; k++) if (inside(d, drafts[k])) return false;
    return true;
  });
}

/** Ends a report's content before a second cue of the same speaker inside it ("praised the plan and said …"). */
function clipAtSameSpeakerCue(text: string, drafts: Draft[]): void {
  for (let k = 0; k < drafts.length - 1; k++) {
    const d = drafts[k];
    const next = drafts[k + 1];
    const c = d.content;
    if (!c || !d.speaker || !next.speaker || next.speaker.start !== d.speaker.start || next.speaker.end !== d.speaker.end) continue;
    if (next.cue.start <= c.start || next.cue.start >= c.end) continue;
    const cut = /(?:[\s,;]|\band\b|\bbut\b)*$/.exec(text.slice(c.start, next.cue.start));
    const end = next.cue.start - (cut?.[0].length ?? 0);
    const clipped = trimContent(text, c.start, end);
    if (clipped) d.content = clipped;
  }
}

/** Drops a cue that lies inside another report's speaker ("employees who asked not to be named"). */
function dropCuesInSpeakers(drafts: Draft[]): Draft[] {
  const inSpeaker = (d: Draft, o: Draft) => o !== d && !!o.speaker && o.speaker.start <= d.cue.start && d.cue.end <= o.speaker.end;
  return drafts.filter((d, index) => {
    for (let k = index - 1; k >= 0 && d.cue.start - drafts[k].cue.start < NESTING_WINDOW_CHARS; k--) if (inSpeaker(d, drafts[k])) return false;
    for (let k = index + 1; k < drafts.length && drafts[k].cue.start - d.cue.start < NESTING_WINDOW_CHARS; k++) if (inSpeaker(d, drafts[k])) return false;
    return true;
  });
}

function toMention(text: string, d: Draft): AttributionMention {
  const parts = [d.cue, d.speaker, d.content, d.via].filter((s): s is Span => !!s);
  const start = Math.min(...parts.map((s) => s.start));
  const end = Math.max(...parts.map((s) => s.end));
  const mention: AttributionMention = {
    start,
    end,
    anonymous: d.speaker ? isAnonymous(text, d.speaker, d.modifier) : true,
    cue: d.cue,
    cueLemma: d.cueLemma,
    direct: d.direct,
  };
  if (d.speaker) mention.speaker = d.speaker;
  if (d.via) mention.via = d.via;
  if (d.content) mention.content = d.content;
  return mention;
}

/** Creates the attributions stage. */
export function createAttributionsStage(options: AttributionsOptions = {}): Stage {
  return {
    name: 'claims/attributions',
    requires: ['layers.sentence'],
    produces: ['layers.attribution'],
    run(article) {
      const mentions = extractAttributions(article, options);
      const unbalanced = countQuoteMarks(article.text) % 2;
      if (unbalanced) {
        addMessage(article, {
          ruleId: 'attributions:unbalanced-quotes',
          source: 'claims/attributions',
          severity: 'info',
          reason: 'the text has an odd number of quotation marks; quote boundaries may be off',
        });
      }
      return { ...article, layers: { ...article.layers, attribution: mentions } };
    },
  };
}

/** The attributions stage with default options. */
export const attributionsStage: Stage = createAttributionsStage();

const attributionsOptionsSchema = z.object({ keepSpeakerless: z.boolean().default(false), model: z.boolean().default(true) });

/** Registry factory for `claims/attributions`. */
export const attributionsFactory: StageFactory<typeof attributionsOptionsSchema> = {
  name: 'claims/attributions',
  version: 6,
  options: attributionsOptionsSchema,
  create: (options) => createAttributionsStage(options),
};
