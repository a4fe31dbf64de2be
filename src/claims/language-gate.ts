/**
 * The claims stages' lexicons and patterns are English. An article known to be in another language
 * skips them with an info message, rather than yielding English-rule noise on foreign text.
 */
import type { Article } from '../core/article.js';
import { addMessage } from '../core/message.js';
import type { Stage } from '../core/pipeline.js';
import type { StageFactory } from '../core/registry.js';

/** Languages the claims lexicons cover; `und` (undetermined) and a missing language are tried too. */
export const CLAIMS_LANGUAGES: ReadonlySet<string> = new Set(['en', 'und']);

/** True when the claims stages should run on this article. */
export function claimsLanguageSupported(article: Article): boolean {
  const lang = article.meta.lang?.toLowerCase().split(/[-_]/)[0];
  return !lang || CLAIMS_LANGUAGES.has(lang);
}

/** Wraps a per-article stage factory so that articles in unsupported languages pass through untouched. */
export function englishOnly(factory: StageFactory): StageFactory {
  return {
    ...factory,
    create(options) {
      const stage = factory.create(options) as Stage;
      return {
        ...stage,
        run(article, ctx) {
          if (claimsLanguageSupported(article)) return stage.run(article, ctx);
          if (!article.messages.some((m) => m.ruleId === 'claims:unsupported-language')) {
            addMessage(article, {
              ruleId: 'claims:unsupported-language',
              source: stage.name,
              severity: 'info',
              reason: `claims are extracted from English text only; this article is in "${article.meta.lang}"`,
            });
          }
          return article;
        },
      };
    },
  };
}
