/**
 * Test entry for src/core/article-workers.test.ts: the real thread, whose sentence stage ends the thread (exit code 7) on an
 * article holding THREAD-EXIT-MARKER, as a native crash or running out of memory would.
 */
import { sentencesFactory } from '../src/segment/sentences.js';

const create = sentencesFactory.create;
sentencesFactory.create = (options) => {
  const stage = create(options);
  return {
    ...stage,
    run(article, ctx) {
      if (article.text.includes('THREAD-EXIT-MARKER')) process.exit(7);
      return (stage.run as (a: typeof article, c: typeof ctx) => ReturnType<typeof stage.run>)(article, ctx);
    },
  } as typeof stage;
};
await import('../src/core/article-workers-thread.js');
