import { extractOne } from '../../app/ingest.js';
import type { InputFailure } from '../../core/raw-document.js';
import { isInputFailure, readInputs } from '../../ingest/index.js';
import { EXIT } from '../exit-codes.js';
import type { Output } from '../output.js';
import { toIngestOptions, type InputFlags } from './shared.js';

/** Prints one JSON line per input: source, title, published, language, text, dropped pieces. */
export async function runExtract(inputs: string[], flags: InputFlags, out: Output): Promise<number> {
  const failures: InputFailure[] = [];
  let ok = 0;
  const fail = (f: InputFailure) => {
    failures.push(f);
    out.error(`✗ ${f.input}: ${f.reason} [${f.ruleId}]`);
  };
  for await (const item of readInputs(inputs, toIngestOptions(flags))) {
    if (isInputFailure(item)) {
      if (item.severity === 'warning') out.info(`! ${item.input}: ${item.reason} [${item.ruleId}]`);
      else fail(item);
      continue;
    }
    const article = extractOne(item, fail);
    if (!article) continue;
    ok++;
    const dropped = ((article.data as { dropped?: Array<{ text: string; reason: string }> }).dropped ?? []).map((d) => ({
      text: d.text,
      reason: d.reason,
    }));
    out.print(
      JSON.stringify({
        source: item.url ?? item.input,
        title: article.meta.title ?? null,
        published: article.meta.publishedAt ?? null,
        language: article.meta.lang ?? null,
        text: article.text,
        dropped,
      }),
    );
  }
  if (!failures.length) return EXIT.OK;
  return ok ? EXIT.INPUT_FAILURES : EXIT.ERROR;
}
