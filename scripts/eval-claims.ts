/**
 * `npm run eval:claims`: runs the entity, date, attribution and figure-speaker evaluations and prints every line;
 * one part failing (missing data, a crash, a script not there yet) is reported without hiding the others.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

type Part = { name: string; module: string; fn: string };

const PARTS: Part[] = [
  { name: 'entities', module: './eval-entities.js', fn: 'evalEntities' },
  { name: 'dates', module: './eval-dates.js', fn: 'evalDates' },
  { name: 'attribution', module: './eval-attribution.js', fn: 'evalAttribution' },
  { name: 'figures', module: './eval-figures.js', fn: 'evalFigures' },
];

/** Runs every claims evaluation; returns printable lines and whether any part failed. */
export async function evalClaims(): Promise<{ lines: string[]; failed: string[] }> {
  const lines: string[] = [];
  const failed: string[] = [];
  for (const part of PARTS) {
    try {
      // Loaded one by one so a missing or broken script fails only its own part.
      const mod = (await import(part.module)) as Record<string, () => Promise<string[]>>;
      const run = mod[part.fn];
      if (typeof run !== 'function') throw new Error(`${part.module} does not export ${part.fn}()`);
      lines.push(...(await run()));
    } catch (error) {
      failed.push(part.name);
      lines.push(`${part.name}: FAILED — ${(error as Error)?.message ?? String(error)}`);
    }
  }
  return { lines, failed };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  evalClaims().then(({ lines, failed }) => {
    console.log(lines.join('\n'));
    if (failed.length) process.exitCode = 1;
  });
}
