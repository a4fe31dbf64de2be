import { extractInputs } from '../../app/ingest.js';
import { EXIT } from '../exit-codes.js';
import type { Output } from '../output.js';
import { toIngestOptions, type InputFlags } from './shared.js';

/** Prints one JSON line per input: source, title, published, language, text, dropped pieces. */
export async function runExtract(inputs: string[], flags: InputFlags, out: Output): Promise<number> {
  let failed = 0;
  let ok = 0;
  for await (const item of extractInputs(inputs, toIngestOptions(flags))) {
    if (item.type !== 'article') {
      const { input, reason, ruleId } = item.failure;
      if (item.type === 'failed') {
        failed++;
        out.error(`✗ ${input}: ${reason} [${ruleId}]`);
      } else {
        out.info(`! ${input}: ${reason} [${ruleId}]`);
      }
      continue;
    }
    ok++;
    const { raw, article } = item;
    const dropped = (article.data.dropped ?? []).map((d) => ({ text: d.text, reason: d.reason }));
    out.print(
      JSON.stringify({
        source: raw.url ?? raw.input,
        title: article.meta.title ?? null,
        published: article.meta.publishedAt ?? null,
        language: article.meta.lang ?? null,
        text: article.text,
        dropped,
      }),
    );
  }
  if (!failed) return EXIT.OK;
  return ok ? EXIT.INPUT_FAILURES : EXIT.ERROR;
}
