import { extractInputs } from '../../app/ingest.js';
import { jsonSafe, termSafe } from '../../report/escape.js';
import { exportArticle } from '../../report/json.js';
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
        out.error(`✗ ${termSafe(input)}: ${termSafe(reason)} [${ruleId}]`);
      } else {
        out.info(`! ${termSafe(input)}: ${termSafe(reason)} [${ruleId}]`);
      }
      continue;
    }
    ok++;
    // The same article fields as the JSON export, plus where the input came from.
    const { title, published, language, text, dropped } = exportArticle(item.article);
    out.print(jsonSafe({ source: item.raw.url ?? item.raw.input, title, published, language, text, dropped }));
  }
  if (!failed) return EXIT.OK;
  return ok ? EXIT.INPUT_FAILURES : EXIT.ERROR;
}
