/**
 * The default registry and pipeline: every analysis stage that exists, in order.
 * Filled explicitly here (never by import side effects), as spaCy's factories file is.
 */
import { Registry, type StageConfig, type StageFactory } from './core/registry.js';
import { claimsFactories } from './claims/index.js';
import { joinTranslationsStage } from './cluster/join-translations.js';
import { storiesStage } from './cluster/stories-stage.js';
import { reuseLinksStage } from './reuse/links-stage.js';
import { alignStage } from './align/stage.js';

/** Every stage factory the project ships. */
export const DEFAULT_FACTORIES: readonly StageFactory[] = [...claimsFactories, storiesStage, reuseLinksStage, joinTranslationsStage, alignStage];

/** The stages `analyze` runs, by name, with default options. */
export const DEFAULT_CONFIG: readonly StageConfig[] = DEFAULT_FACTORIES.map((f) => f.name);

export function defaultRegistry(): Registry {
  return new Registry(DEFAULT_FACTORIES);
}
