/**
 * Writes the corpus behind the incremental-analyze figures in docs/bench.md: `base.jsonl` (900 real FNC-1 bodies of
 * 1,200-9,000 characters plus 100 planted copies, partial copies and re-leaded copies of them, 8 outlets) and
 * `new10.jsonl` (8 further bodies and 2 copies of base bodies), seeded, into OUTDIR. The data stays out of the repository.
 * Usage: tsx scripts/gen-incremental-corpus.ts OUTDIR [../shared/data]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseCsv } from './csv.js';

const [outDir, dataDir = path.resolve('../shared/data')] = process.argv.slice(2);
if (!outDir) throw new Error('usage: tsx scripts/gen-incremental-corpus.ts OUTDIR [DATA_DIR]');
const OUTLETS = ['example-news.com', 'daily.example.org', 'wire.example.net', 'post.example.com', 'times.example.org', 'herald.example.net', 'gazette.example.com', 'courier.example.org'];

let seed = 7;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const record = (id: string, text: string, k: number, day: number) => ({
  url: `https://${OUTLETS[k % OUTLETS.length]}/a/${id}`,
  title: text.split(/[.!?]/)[0].slice(0, 90),
  published: `2024-0${1 + (day % 9)}-${String(1 + (day % 27)).padStart(2, '0')}`,
  outlet: OUTLETS[k % OUTLETS.length],
  text,
});

const rows = parseCsv(readFileSync(path.join(dataDir, 'fnc-1/train_bodies.csv'), 'utf8'))
  .slice(1)
  .filter((r) => r[1] && r[1].length >= 1200 && r[1].length <= 9000);
const bodies = rows.slice(0, 900);
const base = bodies.map((r, i) => record(`b${r[0]}`, r[1], i, i));
for (let j = 0; j < 100; j++) {
  const r = bodies[Math.floor(rand() * 900)];
  const paras = r[1].split(/\n\s*\n/);
  const text = [
    `${r[1]}\n\nA spokesperson declined to comment further on Tuesday.`,
    `${paras.slice(0, Math.max(1, Math.ceil(paras.length / 2))).join('\n\n')}\n\nMore details were expected later in the week, officials said.`,
    `Reporting by our correspondent.\n\n${r[1]}`,
  ][j % 3];
  base.push(record(`c${j}-${r[0]}`, text, j + 3, j));
}
const added = rows.slice(900, 908).map((r, i) => record(`n${r[0]}`, r[1], i, i));
for (let j = 0; j < 2; j++) {
  const r = bodies[j * 17];
  added.push(record(`nc${j}-${r[0]}`, `${r[1]}\n\nThe agency said it would publish a fuller account next month.`, j + 5, j));
}
const jsonl = (records: object[]) => records.map((x) => JSON.stringify(x)).join('\n') + '\n';
mkdirSync(outDir, { recursive: true });
writeFileSync(path.join(outDir, 'base.jsonl'), jsonl(base));
writeFileSync(path.join(outDir, 'new10.jsonl'), jsonl(added));
console.log(`${base.length} base and ${added.length} new articles in ${outDir}`);
