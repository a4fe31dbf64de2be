/** The claims stage factories in pipeline order: sentences first, entity resolution last. */
import type { StageFactory } from '../core/registry.js';
import { sentencesFactory } from '../segment/sentences.js';
import { attributionsFactory } from './attributions.js';
import { claimsFactory } from './claims.js';
import { datesFactory } from './dates.js';
import { entitiesFactory } from './entities.js';
import { englishOnly } from './language-gate.js';
import { modalityFactory } from './modality.js';
import { quantitiesFactory } from './quantities.js';
import { resolveEntitiesFactory } from './resolve-entities.js';

/**
 * Claims pipeline: [sentences, entities, quantities, dates, modality, attributions, claims, resolve-entities].
 * Sentences run on every language; the English-lexicon stages skip articles known to be in another.
 */
export const claimsFactories: StageFactory[] = [
  sentencesFactory,
  ...[entitiesFactory, quantitiesFactory, datesFactory, modalityFactory, attributionsFactory, claimsFactory].map(englishOnly),
  resolveEntitiesFactory,
];
